package dev.wgtui.repl;

import dev.wgtui.cli.ExitCode;
import dev.wgtui.cli.WgtuiCommand;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code shell}: the interactive shell on the hub the global options name. */
@Command(name = "shell", description = {"Interactive shell: the same commands, with completion and history",
        "The prompt names the hub; select chooses workers for diff and apply; Tab completes commands, options, "
                + "hosts, groups and backups; history is kept in $XDG_STATE_HOME/wgtui/history. Works on a dumb "
                + "terminal (TERM=dumb) as plain lines."})
public final class ShellCommand implements Callable<Integer> {

    @ParentCommand
    WgtuiCommand root;

    @Override
    public Integer call() throws Exception {
        return run(root);
    }

    /** Opens the session, then reads lines on this process's terminal until quit or end of input. */
    public static int run(WgtuiCommand root) throws Exception {
        root.context().session();
        try (Terminal terminal = TerminalBuilder.builder().name("wgtui").system(true).dumb(true).build()) {
            return new Repl(root, terminal, Repl.historyFile(System.getenv())).run() == 0
                    ? ExitCode.OK.code() : ExitCode.INTERNAL.code();
        }
    }
}
