package dev.wgtui.repl;

import dev.wgtui.cli.Confirm;
import dev.wgtui.cli.Environment;
import dev.wgtui.cli.WgtuiCommand;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The shell on the demo cluster, fed keystrokes from a string and printing into a buffer, as
 * JLine's own reader tests drive a {@code DumbTerminal}.
 */
final class ShellFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:15:00Z"), ZoneOffset.UTC);

    final WgtuiCommand root;
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final DumbTerminal terminal;
    final Repl repl;

    private ShellFixture(String keys, Path history, String... globalOptions) {
        this(keys, "ansi", Environment.plain(), history, globalOptions);
    }

    private ShellFixture(String keys, String terminalType, Environment env, Path history, String... globalOptions) {
        root = new WgtuiCommand(CLOCK, Confirm.terminal(), env);
        WgtuiCommand.commandLine(root).parseArgs(globalOptions);
        try {
            terminal = new DumbTerminal("test", terminalType, new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                    output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terminal.setSize(new Size(160, 50));
        Attributes attributes = terminal.getAttributes();
        attributes.setControlChar(Attributes.ControlChar.VEOF, 4); // Ctrl-D, as a real tty has it
        terminal.setAttributes(attributes);
        repl = new Repl(root, terminal, history);
    }

    /** A shell on a fresh copy of the demo that will read {@code keys}. */
    static ShellFixture demo(String keys) {
        return new ShellFixture(keys, null, "--demo");
    }

    /**
     * The shell on the demo on a terminal of {@code type} ({@code dumb}: JLine's dumb terminal,
     * as on {@code TERM=dumb}) in the environment {@code env}.
     */
    static ShellFixture demoOn(String type, Environment env, String keys) {
        return new ShellFixture(keys, type, env, null, "--demo");
    }

    static ShellFixture demo(String keys, Path history, String... moreOptions) {
        String[] options = new String[moreOptions.length + 1];
        options[0] = "--demo";
        System.arraycopy(moreOptions, 0, options, 1, moreOptions.length);
        return new ShellFixture(keys, history, options);
    }

    /** The line the reader returns for the fixture's keys (completion happens on the way). */
    String readLine() {
        return repl.reader().readLine(repl.prompt());
    }

    String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException ignored) {
            // an in-memory terminal
        }
        root.context().close();
    }
}
