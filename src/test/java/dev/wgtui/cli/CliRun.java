package dev.wgtui.cli;

import dev.wgtui.app.App;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.BiPredicate;

/** Runs the real command tree in-process with captured output and a scripted confirmation. */
record CliRun(int exitCode, String out, String err) {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:15:00Z"), ZoneOffset.UTC);

    static CliRun run(String... args) {
        return run(CLOCK, q -> false, args);
    }

    static CliRun run(Clock clock, Confirm confirm, String... args) {
        return run(clock, Environment.plain(), (question, shown) -> confirm.ask(question), args);
    }

    static CliRun run(Environment env, String... args) {
        return run(CLOCK, env, (question, shown) -> false, args);
    }

    /**
     * @param confirm gets the question and what was printed on standard output before it was asked
     */
    static CliRun run(Clock clock, Environment env, BiPredicate<String, String> confirm, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        WgtuiCommand root = new WgtuiCommand(clock, question -> confirm.test(question, out.toString()), env);
        CommandLine cl = App.commandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        try {
            int code = cl.execute(args);
            return new CliRun(code, out.toString(), err.toString());
        } finally {
            root.context().close();
        }
    }
}
