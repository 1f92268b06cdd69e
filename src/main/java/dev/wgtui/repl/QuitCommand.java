package dev.wgtui.repl;

import dev.wgtui.cli.ExitCode;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code quit}: leave the shell, or the dashboard from its {@code :} line ({@code :q}). */
@Command(name = "quit", aliases = {"exit", "q"}, description = "Leave the shell (also Ctrl-D), or the dashboard from its : line")
final class QuitCommand implements Callable<Integer> {

    private final CommandRunner runner;

    QuitCommand(CommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        runner.requestQuit();
        return ExitCode.OK.code();
    }
}
