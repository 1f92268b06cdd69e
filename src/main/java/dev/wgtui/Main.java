package dev.wgtui;

import dev.wgtui.cli.Confirm;
import dev.wgtui.cli.QuickComplete;
import dev.wgtui.cli.WgtuiCommand;
import picocli.CommandLine;

import java.time.Clock;
import java.util.OptionalInt;

/** Entry point: runs the command line and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // First: slf4j-simple reads its settings when the first logger is made.
        LogSetup.init(LogSetup.defaultLogFile());
        System.exit(run(args));
    }

    /** Runs wgtui with {@code args}, closing what it opened, and returns the exit code. */
    public static int run(String... args) {
        // The shell asks on every Tab: answered without building the command tree when it can be.
        OptionalInt completed = QuickComplete.run(args, System.out);
        if (completed.isPresent()) {
            return completed.getAsInt();
        }
        WgtuiCommand root = new WgtuiCommand(Clock.systemUTC(), Confirm.terminal());
        CommandLine cl = WgtuiCommand.commandLineFor(root, args);
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
            root.context().close();
        }
    }
}
