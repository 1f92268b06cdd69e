package dev.wgtui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.wgtui.core.session.Session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** A dashboard in an in-memory terminal: press keys, then read the screen as text. */
final class ScreenDriver {

    final DefaultVirtualTerminal terminal;
    final Dashboard dashboard;
    /**
     * The dashboard's clock (nanoseconds): each {@link #type} or {@link #press} call is a new
     * moment a second later, so a dialog opened by one call can be confirmed by the next, while
     * the keys of one {@code type("...")} arrive together, as typed-ahead text does.
     */
    long now;

    ScreenDriver(Session session, Theme theme, int columns, int rows, Executor executor,
                 Function<String, String> commands) throws IOException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        dashboard = new Dashboard(session, theme, commands, new TerminalScreen(terminal), executor);
        dashboard.nanoClock = () -> now;
        dashboard.millisClock = () -> now / 1_000_000;
    }

    private ScreenDriver(Session session, Function<String, String> commands) throws IOException, ThemeException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(120, 35));
        dashboard = Dashboard.create(session, Theme.load("default"), Commands.printing(commands),
                new TerminalScreen(terminal));
        dashboard.nanoClock = () -> now;
        dashboard.millisClock = () -> now / 1_000_000;
    }

    /** As in real use: Session calls on the dashboard's own background thread. */
    static ScreenDriver onBackgroundThread(Session session, Function<String, String> commands)
            throws IOException, ThemeException {
        return new ScreenDriver(session, commands);
    }

    /** A driver for a dashboard made elsewhere (its clocks become the driver's). */
    ScreenDriver(DefaultVirtualTerminal terminal, Dashboard dashboard) {
        this.terminal = terminal;
        this.dashboard = dashboard;
        dashboard.nanoClock = () -> now;
        dashboard.millisClock = () -> now / 1_000_000;
    }

    /** Session calls run inline and a {@code :} runner that captures output and errors apart. */
    ScreenDriver(Session session, int columns, int rows, Commands commands) throws IOException, ThemeException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        dashboard = new Dashboard(session, Theme.load("default"), commands, new TerminalScreen(terminal),
                Runnable::run);
        dashboard.nanoClock = () -> now;
        dashboard.millisClock = () -> now / 1_000_000;
    }

    /** Session calls run inline, so every key's work is done when {@link #press} returns. */
    static ScreenDriver inline(Session session, int columns, int rows) throws IOException, ThemeException {
        return new ScreenDriver(session, Theme.load("default"), columns, rows, Runnable::run, Dashboard.NO_COMMANDS);
    }

    ScreenDriver start() throws IOException {
        dashboard.start();
        return this;
    }

    /** Lets a second pass, as between two keys a person presses. */
    ScreenDriver pause() {
        now += 1_000_000_000L;
        return this;
    }

    ScreenDriver type(String keys) {
        pause();
        for (char c : keys.toCharArray()) {
            dashboard.press(new KeyStroke(c, false, false));
        }
        return this;
    }

    ScreenDriver press(KeyType type) {
        pause();
        dashboard.press(new KeyStroke(type));
        return this;
    }

    ScreenDriver shift(KeyType type) {
        pause();
        dashboard.press(new KeyStroke(type, false, false, true));
        return this;
    }

    ScreenDriver ctrl(char c) {
        pause();
        dashboard.press(new KeyStroke(c, true, false));
        return this;
    }

    /** Lets {@code seconds} pass and runs what time does (ages, the live refresh). */
    ScreenDriver wait(int seconds) {
        now += seconds * 1_000_000_000L;
        dashboard.tick();
        dashboard.pump();
        return this;
    }

    /** Row {@code r} of the terminal as text, trailing blanks kept. */
    String row(int r) {
        StringBuilder out = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int c = 0; c < size.getColumns(); c++) {
            TextCharacter ch = terminal.getCharacter(c, r);
            out.append(ch == null ? " " : ch.getCharacterString());
        }
        return out.toString();
    }

    /** The cell at (column, row). */
    TextCharacter cell(int column, int row) {
        return terminal.getCharacter(column, row);
    }

    List<String> rows() {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
            out.add(row(r));
        }
        return out;
    }

    /** The whole screen, rows joined by newlines, trailing blanks trimmed. */
    String text() {
        StringBuilder out = new StringBuilder();
        for (String r : rows()) {
            out.append(r.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The first row containing {@code needle}, or -1. */
    int rowOf(String needle) {
        List<String> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(needle)) {
                return i;
            }
        }
        return -1;
    }

    /** The row of the peer table that shows {@code peer}. */
    String peerRow(String peer) {
        for (String r : rows()) {
            if (r.matches("^[│|] (\\[.\\]| {3}) {2}" + java.util.regex.Pattern.quote(peer) + " .*")) {
                return r;
            }
        }
        throw new AssertionError("no table row for " + peer + " in\n" + text());
    }

    String statusLine() {
        int footer = DashboardView.footer(dashboard, terminal.getTerminalSize().getColumns()).size();
        return row(terminal.getTerminalSize().getRows() - footer - 1).strip();
    }
}
