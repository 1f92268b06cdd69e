package dev.wgtui;

import dev.wgtui.app.App;
import dev.wgtui.cli.Confirm;
import dev.wgtui.cli.Environment;

import java.time.Clock;

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
        return App.run(Environment.current(), Clock.systemUTC(), Confirm.terminal(), args);
    }
}
