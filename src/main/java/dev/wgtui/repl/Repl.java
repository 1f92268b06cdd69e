package dev.wgtui.repl;

import dev.wgtui.cli.Style;
import dev.wgtui.cli.WgtuiCommand;
import dev.wgtui.core.session.Session;
import dev.wgtui.tui.ThemeException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The interactive shell: reads lines with completion and history and runs them with a
 * {@link CommandRunner}. The prompt names the hub and how many workers are selected. Ctrl-C
 * drops the line being typed, Ctrl-D or {@code quit} leaves.
 */
public final class Repl {

    private final Terminal terminal;
    private final CommandRunner runner;
    private final LineReader reader;
    private final LineReader answers;

    /**
     * @param parent      the process's command line root, whose session the shell works on
     * @param historyFile where history is kept between runs; null keeps it in memory only
     */
    public Repl(WgtuiCommand parent, Terminal terminal, Path historyFile) {
        this.terminal = terminal;
        this.runner = new CommandRunner(parent, this::ask);
        runner.root().setStyle(style(parent, terminal));
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("wgtui")
                .completer(new ReplCompleter(runner))
                .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                .variable(LineReader.HISTORY_SIZE, 1000)
                // '!cm4' is a limit pattern here, not a history event
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = builder.build();
        this.answers = LineReaderBuilder.builder().terminal(terminal).appName("wgtui")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
    }

    /**
     * Diffs in colour on a terminal that takes it (not dumb, no {@code NO_COLOR}, not piped);
     * ASCII markers when the locale is not UTF-8. A theme that cannot be read leaves the
     * terminal's own colours, with a word why.
     */
    private static Style style(WgtuiCommand parent, Terminal terminal) {
        boolean colour = parent.environment().colour() && !Terminal.TYPE_DUMB.equals(terminal.getType());
        try {
            return parent.styleFor(colour);
        } catch (ThemeException e) {
            terminal.writer().println("wgtui: " + e.getMessage() + "; diffs in the terminal's own colours");
            return Style.coloured(parent.environment().utf8(), Style.ANSI);
        }
    }

    /** {@code $XDG_STATE_HOME/wgtui/history}, or {@code ~/.local/state/wgtui/history}. */
    public static Path historyFile(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("wgtui").resolve("history");
    }

    public CommandRunner runner() {
        return runner;
    }

    public LineReader reader() {
        return reader;
    }

    /** The prompt: {@code wgtui k8s> }, or {@code wgtui k8s [2 selected]> } with a selection. */
    public String prompt() {
        try {
            Session s = runner.session();
            int n = s.selection().size();
            return "wgtui " + s.hub().node() + (n == 0 ? "" : " [" + n + " selected]") + "> ";
        } catch (Exception e) {
            return "wgtui> ";
        }
    }

    /** Reads and runs lines until quit or Ctrl-D; returns the exit code of the shell (0). */
    public int run() {
        PrintWriter out = terminal.writer();
        out.println("wgtui shell: help lists the commands, Tab completes, Ctrl-D or quit leaves.");
        out.flush();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (runner.execute(line, out, out).quit()) {
                    break;
                }
            }
        } finally {
            saveHistory();
        }
        return 0;
    }

    private void saveHistory() {
        Object file = reader.getVariable(LineReader.HISTORY_FILE);
        try {
            if (file != null) {
                Path dir = Path.of(file.toString()).toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
            }
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("wgtui: history not saved: " + e.getMessage());
            terminal.writer().flush();
        }
    }

    /** Asks a yes/no question on the shell's terminal; anything but y or yes is no. */
    private boolean ask(String question) {
        try {
            String answer = answers.readLine(question + " [y/N] ").strip();
            return answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        }
    }
}
