package dev.wgtui.app;

import dev.wgtui.cli.CommandTree;
import dev.wgtui.cli.Confirm;
import dev.wgtui.cli.Environment;
import dev.wgtui.cli.QuickComplete;
import dev.wgtui.cli.TerminalPrompts;
import dev.wgtui.cli.WgtuiCommand;
import dev.wgtui.core.session.Session;
import dev.wgtui.repl.CommandRunner;
import dev.wgtui.repl.ShellCommand;
import dev.wgtui.tui.Dashboard;
import dev.wgtui.tui.Theme;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole program: the command line's tree ({@link CommandTree}) with the faces that need the
 * shell and the dashboard, which the {@code cli} package does not know. Dependencies point one
 * way: app → repl, tui → cli → core.
 */
public final class App {

    private App() {
    }

    /** wgtui's command line: every command, {@code shell}, and the dashboard when given no command. */
    public static CommandLine commandLine(WgtuiCommand root) {
        root.setHome(App::home);
        return CommandTree.commandLine(root, List.of(new ShellCommand()));
    }

    /** The tree to run {@code args} with: the root and the one command they name, else the whole tree. */
    public static CommandLine commandLineFor(WgtuiCommand root, String... args) {
        root.setHome(App::home);
        return CommandTree.commandLineFor(root, List.of(new ShellCommand()), args);
    }

    /**
     * No command: the dashboard on a terminal; the status table when output is not a terminal or
     * is JSON; on a dumb terminal ({@code TERM=dumb}), which cannot draw a screen, the status
     * table and then the shell.
     */
    static int home(WgtuiCommand root, List<String> args) throws Exception {
        Environment env = root.environment();
        if (!env.terminal() || root.options().json) {
            return WgtuiCommand.STATUS.run(root, args);
        }
        if (env.dumbTerminal()) {
            int status = WgtuiCommand.STATUS.run(root, args);
            if (status != 0) {
                return status;
            }
            return ShellCommand.run(root);
        }
        Theme theme = root.theme();
        // The `:` line runs the shell's commands on this session; a write there asks in a dialog.
        // SSH questions (an unknown worker's host key) are asked in a dialog too while it is open.
        // A write from the `:` line shows its plan in the pane, then names its peers in the dialog.
        AtomicReference<Dashboard> open = new AtomicReference<>();
        CommandRunner runner = new CommandRunner(root, new Confirm() {
            @Override
            public boolean ask(String question) {
                return open.get() != null && open.get().confirm(question);
            }

            @Override
            public boolean ask(String question, dev.wgtui.core.plan.Plan plan) {
                return open.get() != null && open.get().confirmPlan(question, plan);
            }
        });
        Session session = root.context().session();
        try {
            // what a line prints comes back (output and errors apart), never onto the terminal
            Dashboard.run(session, theme, commands(runner), dashboard -> {
                open.set(dashboard);
                root.context().setHostKeyPrompt(dashboard::confirmHostKey);
            });
        } finally {
            root.context().setHostKeyPrompt(TerminalPrompts.hostKey());
        }
        return 0;
    }

    /** The dashboard's {@code :} line on the shell's commands: what a line prints comes back, output and errors apart. */
    public static dev.wgtui.tui.Commands commands(CommandRunner runner) {
        return line -> {
            CommandRunner.Captured c = runner.capture(line);
            return new dev.wgtui.tui.Commands.Result(c.out(), c.err(), c.exitCode(), c.quit());
        };
    }

    /** Runs wgtui with {@code args} on this process's terminal, closing what it opened; returns the exit code. */
    public static int run(Environment env, Clock clock, Confirm confirm, String... args) {
        // The shell asks on every Tab: answered without building the command tree when it can be.
        OptionalInt completed = QuickComplete.run(args, System.out);
        if (completed.isPresent()) {
            return completed.getAsInt();
        }
        WgtuiCommand root = new WgtuiCommand(clock, confirm, env);
        CommandLine cl = commandLineFor(root, args);
        try {
            return cl.execute(args);
        } finally {
            PrintWriter out = cl.getOut();
            out.flush();
            cl.getErr().flush();
            root.context().close();
        }
    }
}
