package dev.wgtui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.wgtui.cli.Confirm;
import dev.wgtui.cli.WgtuiCommand;
import dev.wgtui.repl.CommandRunner;
import dev.wgtui.tui.Dashboard;
import dev.wgtui.tui.Theme;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Not a command: the workload the release build records its start-up cache from. The JDK's AOT
 * cache ({@code -XX:AOTCacheOutput}) or CDS archive holds the classes one JVM loaded and linked,
 * so this runs, in one JVM, the paths an operator runs: {@code --demo} status, diff, apply and
 * the rest, the shell's completion, the dashboard on a virtual terminal, and with {@code --ssh}
 * status and diff over SSH. It has to be on the class path the release runs with (the cache is
 * refused otherwise), which is why it lives here and not in the tests.
 *
 * <p>{@code java -cp wgtui.jar dev.wgtui.StartupTraining STATE_DIR [--ssh INVENTORY KNOWN_HOSTS]}:
 * logs go to {@code STATE_DIR}; every command must succeed, or it exits 1 saying which failed,
 * so that a cache is never trained on an error path by accident.
 */
public final class StartupTraining {

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 && !(args.length == 4 && args[1].equals("--ssh"))) {
            ERR.println("usage: StartupTraining STATE_DIR [--ssh INVENTORY KNOWN_HOSTS]");
            System.exit(2);
        }
        LogSetup.init(Path.of(args[0]).resolve("wgtui.log"));
        List<String> failures = new ArrayList<>();
        run(failures, 0, "--version");
        run(failures, 0, "--demo", "status");
        run(failures, 0, "--demo", "--json", "status");
        run(failures, 0, "--demo", "diff");
        run(failures, 0, "--demo", "diff", "cm4");
        run(failures, 0, "--demo", "--yes", "apply", "s2204");
        run(failures, 1, "--demo", "validate"); // the demo's cm4 has a new key: a check that fails
        run(failures, 1, "--demo", "drift"); // the demo's interface has a peer added at runtime
        run(failures, 0, "--demo", "backups");
        run(failures, 1, "--demo", "health"); // and a stale peer (s2204)
        run(failures, 0, "--demo", "__complete", "hosts");
        run(failures, 0, "--demo", "__complete", "groups");
        run(failures, 0, "--demo", "__complete", "backups");
        run(failures, 0, "status", "--help");
        run(failures, 2, "status", "--no-such-option");
        try {
            dashboard();
        } catch (Exception e) {
            failures.add("the dashboard: " + e);
        }
        if (args.length == 4) {
            String[] ssh = {"-i", args[2], "--known-hosts", args[3]};
            run(failures, 0, concat(ssh, "status"));
            run(failures, 0, concat(ssh, "-v", "diff", "cm4"));
            run(failures, 0, concat(ssh, "__complete", "backups"));
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> ERR.println("training: " + f));
            System.exit(1);
        }
        // The AOT cache is written as the JVM exits.
        System.exit(0);
    }

    /** Runs one command line as {@code wgtui} does, its output thrown away; records a wrong exit code. */
    private static void run(List<String> failures, int expected, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args);
        } catch (RuntimeException e) {
            code = -1;
            e.printStackTrace(System.err);
        } finally {
            System.setOut(OUT);
            System.setErr(ERR);
        }
        if (code != expected) {
            failures.add("wgtui " + String.join(" ", args) + " exited " + code + " (want " + expected + "): "
                    + err.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /**
     * The dashboard on the demo, drawn on a virtual terminal as {@code wgtui --demo} draws it:
     * select, diff, health, backups, a {@code :} command, help, quit.
     */
    private static void dashboard() throws Exception {
        WgtuiCommand root = new WgtuiCommand(Clock.systemUTC(), Confirm.terminal());
        WgtuiCommand.commandLine(root).parseArgs("--demo");
        try {
            CommandRunner runner = new CommandRunner(root, question -> false);
            DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
            Dashboard dashboard = Dashboard.create(root.context().session(), Theme.load("default"),
                    dev.wgtui.app.App.commands(runner), terminal);
            Thread screen = new Thread(() -> {
                try {
                    dashboard.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "training-dashboard");
            screen.setDaemon(true);
            screen.start();
            for (String keys : List.of("j", " ", "d", "\u001b", "h", "\u001b", "b", "\u001b", "D", "\u001b",
                    ":status\n", "\u001b", "/cm\n", "?", "?", "v", "\u001b")) {
                for (char c : keys.toCharArray()) {
                    terminal.addInput(switch (c) {
                        case '\n' -> new KeyStroke(KeyType.Enter);
                        case '\u001b' -> new KeyStroke(KeyType.Escape);
                        default -> new KeyStroke(c, false, false);
                    });
                }
                // Let the key's work (on the dashboard's own thread) finish, as between two keys a person presses.
                Thread.sleep(150);
            }
            terminal.addInput(new KeyStroke('q', false, false));
            terminal.addInput(new KeyStroke(KeyType.EOF));
            screen.join(TimeUnit.SECONDS.toMillis(30));
            if (screen.isAlive()) {
                throw new IllegalStateException("did not quit within 30 s");
            }
            dashboard.close();
        } finally {
            root.context().close();
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
