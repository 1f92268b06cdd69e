package dev.wgtui.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the real command tree in-process with captured output and a scripted confirmation. */
record CliRun(int exitCode, String out, String err) {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:15:00Z"), ZoneOffset.UTC);

    static CliRun run(String... args) {
        return run(CLOCK, q -> false, args);
    }

    static CliRun run(Clock clock, Confirm confirm, String... args) {
        return run(clock, confirm, false, args);
    }

    /** As wgtui runs {@code args}: on the tree {@link WgtuiCommand#commandLineFor} builds for them. */
    static CliRun run(Clock clock, Confirm confirm, boolean wholeTree, String... args) {
        WgtuiCommand root = new WgtuiCommand(clock, confirm);
        CommandLine cl = wholeTree ? WgtuiCommand.commandLine(root) : WgtuiCommand.commandLineFor(root, args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
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
