package dev.wgtui.repl;

import dev.wgtui.cli.CommandTree;
import dev.wgtui.cli.Confirm;
import dev.wgtui.cli.ExitCode;
import dev.wgtui.cli.WgtuiCommand;
import dev.wgtui.core.session.Session;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.impl.DefaultParser;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs shell lines through the command tree on the session of the process that made it: the
 * engine of {@code wgtui shell} and of the dashboard's {@code :} line. Every command line
 * subcommand works here, plus {@code select} and {@code quit}; a command given no
 * pattern works on the session's selection. Errors are one line and never end the runner.
 */
public final class CommandRunner {

    /** What one line did: its exit code (see {@link ExitCode}) and whether it asked to quit. */
    public record Outcome(int exitCode, boolean quit) {
    }

    private final WgtuiCommand root;
    private final CommandLine commandLine;
    private final List<CommandLine> shellOnly = new ArrayList<>();
    private final DefaultParser parser = new DefaultParser();
    private boolean quitRequested;
    private PrintWriter lineOut;
    private PrintWriter lineErr;

    /**
     * @param parent  the root of this process's command line, whose context (session, selection)
     *                the runner shares and whose options every line starts from
     * @param confirm how to ask before a write: the shell reads y/N from its line reader, the
     *                dashboard shows a dialog
     */
    public CommandRunner(WgtuiCommand parent, Confirm confirm) {
        this.root = new WgtuiCommand(parent, confirm);
        this.commandLine = CommandTree.interactive(root);
        for (Object command : List.of(new SelectCommand(this), new QuitCommand(this))) {
            shellOnly.add(CommandTree.addInteractive(commandLine, command));
        }
        // The command that runs writes where this line's output goes, whatever picocli did to the
        // tree's writers meanwhile (in the dashboard a write to the real stdout tears the screen).
        commandLine.setExecutionStrategy(new ToThisLine());
    }

    /** (A class, not a lambda: see CommandTree on picocli's interfaces and the JDK 17 archive.) */
    private final class ToThisLine implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(CommandLine.ParseResult parsed) {
            for (CommandLine c : parsed.asCommandLineList()) {
                c.setOut(lineOut);
                c.setErr(lineErr);
            }
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    /** The shell's command tree: for completion, help and the man page. */
    public CommandLine commandLine() {
        return commandLine;
    }

    /** The commands only the shell has (select, quit), in the order help lists them. */
    public List<CommandLine> shellOnlyCommands() {
        return List.copyOf(shellOnly);
    }

    /** The visible commands of the shell, each once, in the order they were registered. */
    public List<CommandLine> commands() {
        return CommandTree.visible(commandLine);
    }

    /** The shared root (its context holds the inventory and the session). */
    public WgtuiCommand root() {
        return root;
    }

    /** The shared session, opened on first use. */
    public Session session() throws Exception {
        return root.context().session();
    }

    /** What one line printed, output and errors apart, and how it ended. */
    public record Captured(String out, String err, int exitCode, boolean quit) {
    }

    /**
     * Runs one line with what it prints held, output and errors apart: for a face that owns the
     * terminal (the dashboard), where nothing may be written to stdout or stderr.
     */
    public Captured capture(String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Outcome o = execute(line, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Captured(out.toString(), err.toString(), o.exitCode(), o.quit());
    }

    /** Runs one line and returns what it printed, output and errors in order. */
    public String run(String line) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text, true);
        execute(line, w, w);
        return text.toString();
    }

    /** Runs one line, split into words as the shell splits them (quotes, backslashes). */
    public Outcome execute(String line, PrintWriter out, PrintWriter err) {
        List<String> words;
        try {
            words = parser.parse(line.strip(), line.strip().length(), Parser.ParseContext.ACCEPT_LINE).words();
        } catch (SyntaxError e) {
            err.println("wgtui: " + e.getMessage());
            err.flush();
            return new Outcome(ExitCode.USAGE.code(), false);
        }
        return execute(words.stream().filter(w -> !w.isEmpty()).toList(), out, err);
    }

    /** Runs one command given as words. */
    public Outcome execute(List<String> words, PrintWriter out, PrintWriter err) {
        if (words.isEmpty()) {
            return new Outcome(ExitCode.OK.code(), false);
        }
        quitRequested = false;
        lineOut = out;
        lineErr = err;
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code;
        try {
            code = commandLine.execute(words.toArray(String[]::new));
            root.context().tellUnshownReports(err);
        } finally {
            out.flush();
            err.flush();
        }
        return new Outcome(code, quitRequested);
    }

    void requestQuit() {
        quitRequested = true;
    }
}
