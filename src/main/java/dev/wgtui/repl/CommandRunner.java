package dev.wgtui.repl;

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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs shell lines through the command tree on the session of the process that made it: the
 * engine of {@code wgtui shell} and of the dashboard's {@code :} line. Every command line
 * subcommand works here, plus {@code select}, {@code help} and {@code quit}; a command given no
 * pattern works on the session's selection. Errors are one line and never end the runner.
 */
public final class CommandRunner {

    /** What one line did: its exit code (see {@link ExitCode}) and whether it asked to quit. */
    public record Outcome(int exitCode, boolean quit) {
    }

    /** Subcommands of the command line that make no sense inside the shell. */
    private static final Set<String> NOT_IN_SHELL = Set.of("shell", "__complete");

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
        this.commandLine = WgtuiCommand.commandLine(root);
        for (String name : NOT_IN_SHELL) {
            commandLine.getCommandSpec().removeSubcommand(name);
        }
        for (Object command : List.of(new SelectCommand(this), new HelpCommand(), new QuitCommand(this))) {
            CommandLine sub = new CommandLine(command);
            commandLine.addSubcommand(sub);
            shellOnly.add(sub);
        }
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        // The command that runs writes where this line's output goes, whatever picocli did to the
        // tree's writers meanwhile (in the dashboard a write to the real stdout tears the screen).
        commandLine.setExecutionStrategy(parsed -> {
            for (CommandLine c : parsed.asCommandLineList()) {
                c.setOut(lineOut);
                c.setErr(lineErr);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setExecutionExceptionHandler(commandLine.getExecutionExceptionHandler());
        commandLine.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("wgtui: " + ex.getMessage() + helpHint(ex.getCommandLine()));
            return ExitCode.USAGE.code();
        });
    }

    private String helpHint(CommandLine where) {
        return where == commandLine ? " (help lists the commands)" : " (help " + where.getCommandName() + " shows its options)";
    }

    /** The shell's command tree: for completion, help and the man page. */
    public CommandLine commandLine() {
        return commandLine;
    }

    /** The commands only the shell has (select, help, quit), in the order help lists them. */
    public List<CommandLine> shellOnlyCommands() {
        return List.copyOf(shellOnly);
    }

    /** The visible commands of the shell, each once, in the order they were registered. */
    public List<CommandLine> commands() {
        return visible(commandLine);
    }

    static List<CommandLine> visible(CommandLine tree) {
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> out = new ArrayList<>();
        for (CommandLine sub : tree.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && seen.put(sub, Boolean.TRUE) == null) {
                out.add(sub);
            }
        }
        return out;
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
