package dev.wgtui.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.wgtui.core.config.ConfigException;
import dev.wgtui.core.config.Redaction;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.plan.DryRunSummary;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.plan.Validation;
import dev.wgtui.core.session.ApplyOutcome;
import dev.wgtui.core.session.PeerHealth;
import dev.wgtui.core.session.PlanRefused;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.text.Printable;
import dev.wgtui.tui.BackgroundWork.Job;
import dev.wgtui.tui.StatusLine.Tone;
import dev.wgtui.tui.Theme.Element;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The full-screen dashboard over a {@link Session}: it takes keys, runs what they ask through
 * one plan → confirm → report path, and draws. Its parts each have a room of their own: the
 * table's data ({@link PeerTable}), the prompt line ({@link PromptLine}), background work
 * ({@link BackgroundWork}), the panes ({@link Panes}), the status line ({@link StatusLine}),
 * the command log ({@link CommandLog}), the live refresh ({@link LiveRefresh}); the drawing is
 * {@link DashboardView}'s, the keys are values in {@link DashboardKeys}.
 */
public final class Dashboard implements AutoCloseable {

    /** Says that a {@code :} command is not known; the default command runner. */
    public static final Function<String, String> NO_COMMANDS = line -> "unknown command: " + line.strip();

    /** A read of the hub for the table, and the selection it was read with. */
    record Snapshot(List<PeerRow> rows, boolean liveUp, boolean hasFile, long readAt, int selectionVersion,
                    List<dev.wgtui.core.hub.RunReport> reports) {
    }

    /**
     * Confirm keys (y, enter) that arrive this soon after a dialog opens are ignored: they were
     * typed before the operator could read it (text typed ahead, a key meant for the screen
     * before). Cancel keys work at once.
     */
    static final long CONFIRM_GUARD_MILLIS = 300;

    static final String WRITE_GUARD =
            "A backup is taken first; the result is validated and rolled back if it fails.";

    final Session session;
    final Theme theme;
    final Commands commands;
    private final Screen screen;
    private final List<CompletableFuture<Boolean>> pendingQuestions = new ArrayList<>();
    private final DashboardView view = new DashboardView();

    // the rooms; touched only on the screen thread
    final BackgroundWork work;
    final PeerTable table = new PeerTable();
    final PromptLine prompt = new PromptLine();
    final Panes panes = new Panes();
    final Deque<Dialog> dialogs = new ArrayDeque<>();
    final StatusLine status = new StatusLine();
    final CommandLog log = new CommandLog();
    final WritePath writes = new WritePath(this);
    final HubReports reports = new HubReports(this);
    final CommandPrompt prompts = new CommandPrompt(this);
    final Marks marks = new Marks(this);
    LiveRefresh live = new LiveRefresh(LiveRefresh.DEFAULT_EVERY_MILLIS);

    /** False on a terminal whose locale is not UTF-8: markers, frames and keys in ASCII. */
    boolean unicode = true;
    boolean loaded;
    boolean liveUp;
    /** The selection's version: a read started before the latest change does not undo it. */
    int selectionVersion;
    /** A {@code :} command entered while the hub was busy; it runs when that work ends. */
    String pendingCommand;
    /** Writes made by the {@code :} command that runs now (the session tells of them). */
    final List<Session.Write> commandWrites = new ArrayList<>();
    boolean commandShowedPlan;

    /** When the top dialog was shown, on {@link #nanoClock}. */
    private long dialogShownNanos;
    /** The clock of the confirm guard and the spinner; tests replace it. */
    LongSupplier nanoClock = System::nanoTime;
    /** The clock of the live refresh and of messages fading; tests replace it. */
    LongSupplier millisClock = System::currentTimeMillis;

    private volatile Thread screenThread;
    private volatile boolean running = true;
    private volatile boolean repaint;
    private boolean started;
    private long lastTick;
    private long lastSecond;
    /** The frame drawn last: the next one sends Lanterna only the cells that differ from it. */
    private Canvas.Grid lastFrame;

    /**
     * A dashboard drawing on {@code screen} (started here if it is not yet), with Session calls
     * run by {@code sessionExecutor} one at a time; {@code Runnable::run} runs them inline, which
     * tests use to stay deterministic.
     */
    public Dashboard(Session session, Theme theme, Commands commands, Screen screen, Executor sessionExecutor) {
        this(session, theme, commands, screen, sessionExecutor, null);
    }

    /** As above, with a {@code :} runner that only returns text. */
    public Dashboard(Session session, Theme theme, Function<String, String> commands, Screen screen,
                     Executor sessionExecutor) {
        this(session, theme, Commands.printing(commands == null ? NO_COMMANDS : commands), screen, sessionExecutor,
                null);
    }

    private Dashboard(Session session, Theme theme, Commands commands, Screen screen, Executor executor,
                      ExecutorService owned) {
        this.session = session;
        this.theme = theme;
        this.commands = commands == null ? Commands.printing(NO_COMMANDS) : commands;
        this.screen = screen;
        this.work = new BackgroundWork(executor, owned);
        session.onWrite(w -> work.post(() -> writes.wrote(w)));
    }

    /** A dashboard on any Lanterna terminal (a real one, or a {@code DefaultVirtualTerminal}). */
    public static Dashboard create(Session session, Theme theme, Commands commands, Terminal terminal)
            throws IOException {
        return create(session, theme, commands, new TerminalScreen(terminal));
    }

    /** A dashboard on a Lanterna screen, with its own background thread for Session calls. */
    public static Dashboard create(Session session, Theme theme, Commands commands, Screen screen) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wgtui-session");
            t.setDaemon(true);
            return t;
        });
        return new Dashboard(session, theme, commands, screen, worker, worker);
    }

    /**
     * A dashboard on this process's terminal: never a Swing window, ctrl-c handled as quit, in
     * the locale's character set (ASCII symbols where it is not UTF-8) and the theme brought down
     * to the colours the terminal has.
     */
    public static Dashboard open(Session session, Theme theme, Commands commands) throws IOException {
        boolean unicode = Terminals.unicode(System::getenv);
        Charset charset = unicode ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
        DefaultTerminalFactory factory = new DefaultTerminalFactory(System.out, System.in, charset);
        factory.setForceTextTerminal(true);
        factory.setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP);
        Dashboard d = create(session, theme.forColours(Terminals.colours(System::getenv)), commands,
                factory.createTerminal());
        d.unicode = unicode;
        return d;
    }

    /**
     * Opens the dashboard on this terminal and runs it until the operator quits. What is written
     * to stderr or stdout meanwhile (a library's log line) would tear the screen, so it is held
     * and printed after the screen is gone.
     */
    public static void run(Session session, Theme theme, Commands commands, Consumer<Dashboard> onOpen)
            throws IOException {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        PrintStream hold = new PrintStream(held, true, StandardCharsets.UTF_8);
        System.setErr(hold);
        try (Dashboard dashboard = open(session, theme, commands)) {
            // the terminal keeps the real stdout; anything else printing there is held
            System.setOut(hold);
            onOpen.accept(dashboard);
            dashboard.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
            for (String line : held.toString(StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.isEmpty()) {
                    err.println(Printable.of(Redaction.line(line)));
                }
            }
        }
    }

    /** Every key binding of the dashboard, for the footer, the help screen and the man page. */
    public static List<KeyBinding> bindings() {
        return DashboardKeys.bindings();
    }

    // ---- the loop -----------------------------------------------------------------------------

    /** Runs until the operator quits (or the terminal's input ends). */
    public void run() throws IOException {
        start();
        while (running) {
            KeyStroke key = screen.pollInput();
            boolean changed = false;
            if (key != null) {
                if (key.getKeyType() == KeyType.EOF) {
                    running = false;
                    break;
                }
                handle(key);
                changed = true;
            }
            changed |= work.drain(this::fail);
            changed |= tick();
            if (changed || repaint) {
                render();
            } else if (key == null) {
                waitForEvent(25);
            }
        }
    }

    private void waitForEvent(long millis) {
        try {
            if (work.await(millis, this::fail)) {
                render();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * What time does by itself: the spinner turns, ages tick once a second, and the live refresh
     * reads the hub when it is due. True when the screen should be drawn again.
     */
    boolean tick() {
        boolean changed = false;
        long nanos = nanoClock.getAsLong();
        if (work.busy() != null && nanos - lastTick > 90_000_000L) {
            lastTick = nanos;
            work.spinnerFrame++;
            changed = true;
        }
        long millis = millisClock.getAsLong();
        if (millis / 1000 != lastSecond) {
            lastSecond = millis / 1000;
            changed = true;
        }
        if (loaded && live.due(millis) && work.busy() == null && !work.quietRunning() && dialogs.isEmpty()) {
            live.read(millis);
            int version = selectionVersion;
            work.quiet(() -> {
                session.refresh();
                return readSnapshot(version);
            }, this::show, t -> say(Tone.WARN, "live refresh failed: " + message(t)));
        }
        return changed;
    }

    /** Starts the screen, reads the hub for the first time and draws. */
    void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        screenThread = Thread.currentThread();
        screen.startScreen();
        screen.setCursorPosition(null);
        if (screen instanceof TerminalScreen ts) {
            ts.getTerminal().addResizeListener((t, size) -> {
                repaint = true;
                work.post(() -> { });
            });
        }
        load();
        work.drain(this::fail);
        render();
    }

    /** Handles one key as the loop would, runs what it started if the executor is inline, redraws. */
    void press(KeyStroke key) {
        try {
            start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handle(key);
        work.drain(this::fail);
        render();
    }

    /** Runs the events the background thread posted and redraws. */
    void pump() {
        work.drain(this::fail);
        render();
    }

    boolean running() {
        return running;
    }

    /** Draws everything into the back buffer and sends only what changed to the terminal. */
    void render() {
        try {
            TerminalSize newSize = screen.doResizeIfNecessary();
            boolean complete = repaint || newSize != null;
            repaint = false;
            try {
                Canvas canvas = new Canvas(screen.newTextGraphics(), theme, unicode, newSize != null ? null : lastFrame);
                view.draw(this, canvas);
                lastFrame = canvas.commit();
                screen.setCursorPosition(view.cursor());
            } catch (RuntimeException e) {
                lastFrame = null;
                // a drawing bug must not take the operator's session down: say so, keep q working
                screen.clear();
                screen.newTextGraphics().putString(0, 0, Ascii.of(Redaction.line("wgtui cannot draw this screen ("
                        + e + "); esc goes back, q quits")));
                screen.setCursorPosition(null);
            }
            screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ctrl-l: the whole screen is sent again (after another program wrote over it). */
    void repaint() {
        repaint = true;
    }

    @Override
    public void close() throws IOException {
        running = false;
        pendingQuestions.forEach(q -> q.complete(false));
        session.onWrite(null);
        work.shutdown();
        if (started) {
            screen.stopScreen();
        }
        screen.close();
    }

    // ---- keys -----------------------------------------------------------------------------------

    /** The contexts whose keys work now, most specific first. */
    List<KeyContext> activeContexts() {
        if (!dialogs.isEmpty()) {
            return List.of(KeyContext.DIALOG);
        }
        if (prompt.kind() == PromptLine.Kind.FILTER) {
            return List.of(KeyContext.FILTER);
        }
        if (prompt.kind() == PromptLine.Kind.COMMAND) {
            return List.of(KeyContext.COMMAND);
        }
        Pane top = panes.top();
        if (top != null && top.kind == Pane.Kind.HELP) {
            return List.of(KeyContext.HELP, KeyContext.PANE, KeyContext.GLOBAL);
        }
        if (panes.focus() == Panes.Focus.PANE && top != null) {
            List<KeyContext> out = new ArrayList<>();
            switch (top.kind) {
                case BACKUPS -> out.add(KeyContext.BACKUPS);
                case BACKUP_DIFF -> out.add(KeyContext.BACKUP_DIFF);
                case HEALTH -> out.add(KeyContext.HEALTH);
                default -> { }
            }
            if (top.hasAll) {
                out.add(KeyContext.REPORT);
            }
            out.add(KeyContext.PANE);
            out.add(KeyContext.GLOBAL);
            return out;
        }
        return List.of(KeyContext.TABLE, KeyContext.GLOBAL);
    }

    /**
     * The bindings that work now, most specific context first, in list order within each; a
     * binding whose key a more specific one already takes is left out (it could not be pressed).
     */
    List<KeyBinding> activeBindings() {
        List<KeyBinding> all = DashboardKeys.bindings();
        List<KeyBinding> out = new ArrayList<>();
        for (KeyContext c : activeContexts()) {
            for (KeyBinding b : all) {
                if (b.context() == c && out.stream().noneMatch(o -> o.key().overlaps(b.key()))) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    void handle(KeyStroke key) {
        String cursorBefore = table.cursorName();
        for (KeyBinding b : activeBindings()) {
            if (b.key().matches(key)) {
                Optional<String> why = b.disabled(this);
                if (why.isPresent()) {
                    say(Tone.WARN, b.key().label() + " " + b.name() + ": " + why.get());
                    return;
                }
                try {
                    b.handler().handle(this);
                } catch (RuntimeException e) {
                    fail(e);
                }
                followCursor(cursorBefore);
                return;
            }
        }
        if (prompt.isOpen() && key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            prompt.type(key.getCharacter());
            if (prompt.kind() == PromptLine.Kind.FILTER) {
                setFilter(prompt.text());
                followCursor(cursorBefore);
            }
        }
    }

    // ---- background work ------------------------------------------------------------------------

    /** A result and the table read right after it. */
    record WithRows<T>(T value, Snapshot snapshot) {
    }

    /** The job, then a fresh read of the table (selection and hub may have changed). */
    <T> Job<WithRows<T>> thenRead(Job<T> job) {
        int version = selectionVersion;
        return () -> {
            T value = job.call();
            return new WithRows<>(value, readSnapshot(version));
        };
    }

    /** Starts the operator's job, or says what the hub is busy with. */
    <T> void start(String label, Job<T> job, Consumer<T> done) {
        if (!work.start(label, job, done, this::fail, prompts::runPending)) {
            say(Tone.WARN, "busy: " + work.busy() + "; wait for it to finish");
        }
    }

    String busy() {
        return work.busy();
    }

    private static String message(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }

    void fail(Throwable t) {
        String message = message(t);
        boolean expected = t instanceof HubException || t instanceof ConfigException || t instanceof PlanRefused
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof IOException || t instanceof UncheckedIOException;
        if (!expected) {
            message = "internal error: " + t.getClass().getSimpleName() + ": " + message;
        }
        List<Line> lines = Line.text(message, Element.PANE_TEXT);
        String first = lines.isEmpty() ? message : lines.get(0).text();
        say(Tone.ERROR, first);
        if (lines.size() > 1) {
            panes.push(new Pane(Pane.Kind.ERROR, "Error", lines));
        }
    }

    void say(Tone tone, String message) {
        status.say(tone, message, millisClock.getAsLong());
    }

    Snapshot readSnapshot(int version) throws Exception {
        List<PeerRow> rows = session.rows();
        var state = session.state();
        return new Snapshot(rows, state.live().isPresent(), state.hasFile(), session.now(), version,
                session.unshownReports());
    }

    void show(Snapshot s) {
        // read with the selection as it is now: take it (a command may have changed it); else
        // keep the marks made since the read started
        table.setRows(s.rows(), s.readAt(), s.selectionVersion() == selectionVersion);
        liveUp = s.liveUp();
        loaded = true;
        live.read(millisClock.getAsLong());
        for (Pane p : panes.all()) {
            p.invalidate();
        }
        followCursor(null);
        if (!s.reports().isEmpty()) {
            // commits that ran on the hub while their client was gone: told once, first thing
            List<Line> lines = new java.util.ArrayList<>();
            for (dev.wgtui.core.hub.RunReport r : s.reports()) {
                lines.addAll(Line.text((r.needsAttention() ? "! " : "") + r.describe(),
                        r.needsAttention() ? Element.STATUS_ERROR : Element.PANE_TEXT));
            }
            panes.push(new Pane(Pane.Kind.ERROR, "Commits that ran while their client was gone", lines));
            say(s.reports().stream().anyMatch(dev.wgtui.core.hub.RunReport::needsAttention) ? Tone.WARN : Tone.INFO,
                    s.reports().get(0).describe());
        }
    }

    private void load() {
        int version = selectionVersion;
        start("reading " + session.hub().node(), () -> readSnapshot(version), s -> {
            show(s);
            say(Tone.INFO, "read " + session.hub().node() + ":" + session.hub().configPath() + " · "
                    + s.rows().size() + " peers · ? for help");
        });
    }

    /** Now, in the session's epoch seconds: what ages are measured against. */
    long now() {
        return session.now();
    }

    // ---- the table ------------------------------------------------------------------------------

    void moveCursor(int delta) {
        table.move(delta);
    }

    void pageCursor(int pages) {
        table.page(pages);
    }

    void cursorToEnd(boolean end) {
        table.toEnd(end);
    }

    Optional<PeerRow> currentRow() {
        return table.current();
    }

    int selectedCount() {
        return table.markedCount();
    }

    /** The inventory's workers (every one is a row of the table). */
    int workerCount() {
        return table.workerCount();
    }

    /** The detail pane shows the row under the cursor: when the cursor moved, it moves too. */
    void followCursor(String before) {
        Pane top = panes.top();
        if (top == null || top.kind != Pane.Kind.DETAIL) {
            return;
        }
        String now = table.cursorName();
        if (now != null && !now.equals(before) && !top.title.equals(detailTitle(now))) {
            panes.replaceTop(detailPane(now));
        }
    }

    void setFilter(String text) {
        table.setFilter(text);
    }

    void cycleSort() {
        table.cycleSort(now());
        say(Tone.INFO, "sorted by " + table.sort().label + (table.sort() == PeerTable.Sort.HUB ? "" : " · s: next order"));
    }

    void jumpNotOk(int direction) {
        if (!table.jumpNotOk(direction, now())) {
            say(Tone.OK, "every peer shown is ok");
        } else {
            PeerRow r = table.current().orElseThrow();
            say(Tone.INFO, Printable.of(r.name()) + ": " + r.status().word()
                    + (r.differences().isEmpty() ? "" : " · " + Printable.of(String.join("; ", r.differences())))
                    + (r.live().map(l -> l.stale(now())).orElse(false) ? " · handshake stale" : ""));
        }
    }

    void toggleLive() {
        live.toggle();
        say(Tone.INFO, live.paused() ? "live refresh paused; f resumes (r reads once)"
                : "live refresh every " + live.everyMillis() / 1000 + "s");
    }

    // ---- prompts --------------------------------------------------------------------------------

    void startFilter() {
        prompt.open(PromptLine.Kind.FILTER, table.filter().text());
    }

    void startCommand() {
        prompt.open(PromptLine.Kind.COMMAND, "");
    }

    void promptBackspace() {
        if (!prompt.backspace()) {
            if (prompt.kind() == PromptLine.Kind.COMMAND) {
                prompt.close();
            }
            return;
        }
        if (prompt.kind() == PromptLine.Kind.FILTER) {
            setFilter(prompt.text());
        }
    }

    void promptAccept() {
        if (prompt.kind() == PromptLine.Kind.COMMAND && work.busy() != null && pendingCommand != null
                && !prompt.text().isBlank()) {
            say(Tone.WARN, "busy " + work.busy() + "; :" + pendingCommand + " already waits to run");
            return;
        }
        PromptLine.Kind kind = prompt.kind();
        String text = prompt.close();
        if (kind == PromptLine.Kind.FILTER) {
            setFilter(text);
            PeerFilter f = table.filter();
            if (f.isEmpty()) {
                say(Tone.INFO, "filter cleared");
            } else {
                say(f.why().isPresent() ? Tone.WARN : Tone.INFO, table.visible().size() + " of "
                        + table.rows().size() + " peers match /" + Printable.of(f.text())
                        + f.why().map(w -> " · " + w).orElse(" · esc clears"));
            }
        } else if (kind == PromptLine.Kind.COMMAND) {
            prompts.run(text);
        }
    }

    void promptCancel() {
        PromptLine.Kind kind = prompt.kind();
        prompt.close();
        if (kind == PromptLine.Kind.FILTER) {
            setFilter("");
            say(Tone.INFO, "filter cleared");
        }
    }

    void commandHistory(int delta) {
        prompt.history(delta);
    }

    // ---- panes ----------------------------------------------------------------------------------

    Pane pane() {
        return panes.top();
    }

    void back() {
        if (table.anchor().isPresent() && (panes.isEmpty() || panes.focus() == Panes.Focus.TABLE)) {
            table.cancelRange();
            say(Tone.INFO, "range cancelled");
        } else if (panes.back()) {
            return;
        } else if (!table.filter().isEmpty()) {
            setFilter("");
            say(Tone.INFO, "filter cleared");
        }
    }

    void switchFocus() {
        panes.switchFocus();
    }

    void scrollPane(int delta) {
        pane().scrollBy(delta);
    }

    void pagePane(int pages) {
        Pane p = pane();
        p.scrollBy(pages * Math.max(1, p.visibleRows - 1));
    }

    void paneToEnd(boolean end) {
        Pane p = pane();
        p.scrollTo(end ? p.maxScroll() : 0);
    }

    /** {@code o}: a report lists every peer, or again only what is not ok. */
    void toggleAllPeers() {
        Pane p = pane();
        p.all = !p.all;
        p.scroll = 0;
        say(Tone.INFO, p.all ? "every peer listed; o: only what is not ok" : "only what is not ok; o lists every peer");
    }

    void toggleHelp() {
        if (!panes.isEmpty() && panes.top().kind == Pane.Kind.HELP) {
            back();
            return;
        }
        panes.push(new Pane(Pane.Kind.HELP, "Help · keys", DashboardKeys.helpLines(unicode)));
    }

    private static String detailTitle(String name) {
        return "Peer · " + Printable.of(name);
    }

    private Pane detailPane(String name) {
        return Pane.live(Pane.Kind.DETAIL, detailTitle(name), (now, all) -> table.rows().stream()
                .filter(r -> r.name().equals(name)).findFirst().map(r -> Reports.detail(r, now))
                .orElse(List.of(Line.of(Printable.of(name) + " is no longer a peer or worker.", Element.DIM))), false);
    }

    void showDetail() {
        PeerRow row = table.current().orElseThrow();
        panes.open(detailPane(row.name()));
    }

    void showLog() {
        panes.open(Pane.live(Pane.Kind.LOG, "Command log · writes of this session", (now, all) -> log.lines(now),
                false));
    }

    // ---- dialogs, quitting, host keys -----------------------------------------------------------

    /** Shows {@code d} over everything; its confirm keys work after {@link #CONFIRM_GUARD_MILLIS}. */
    void openDialog(Dialog d) {
        dialogs.push(d);
        dialogShownNanos = nanoClock.getAsLong();
    }

    void dialogAnswer(boolean yes) {
        if (yes && nanoClock.getAsLong() - dialogShownNanos < TimeUnit.MILLISECONDS.toNanos(CONFIRM_GUARD_MILLIS)) {
            say(Tone.WARN, "ignored a confirm key sent as the dialog opened; read it, then y or enter");
            return;
        }
        Dialog d = dialogs.pop();
        if (!dialogs.isEmpty()) {
            dialogShownNanos = nanoClock.getAsLong();  // the one below shows again: the guard again
        }
        (yes ? d.onYes() : d.onNo()).run();
    }

    void quit() {
        if (work.busy() != null) {
            openDialog(new Dialog("Quit while " + work.busy() + "?", List.of(
                    Line.of("The hub finishes or refuses what it started; wgtui stops waiting.", Element.DIALOG_TEXT)),
                    "quit", "stay", () -> running = false, () -> { }));
            return;
        }
        running = false;
    }

    /**
     * Asks the operator whether to trust a host key that known_hosts does not have. Safe to call
     * from the Session's background thread (it waits for the answer); on the screen thread it
     * reads keys itself until answered. False when the dashboard closes first.
     */
    public boolean confirmHostKey(String host, String keyType, String sha256Fingerprint) {
        List<Line> body = List.of(
                Line.of("The authenticity of host " + Printable.of(host) + " can't be established.",
                        Element.DIALOG_TEXT),
                Line.of(keyType + " key fingerprint is", Element.DIALOG_KEY),
                Line.of("  " + sha256Fingerprint, Element.DIALOG_KEY),
                Line.blank(),
                Line.of("Trust it and add it to known_hosts? Only if you verified it.", Element.DIALOG_TEXT));
        return ask(() -> { }, "Unknown host key: " + Printable.of(host), body, "trust", "refuse");
    }

    /**
     * Asks a yes/no question in a dialog (for a {@code :} command that writes) and waits for the
     * answer; from the screen thread or the Session's thread alike.
     */
    public boolean confirm(String question) {
        return ask(() -> { }, "Confirm", List.of(Line.of(question, Element.DIALOG_TEXT)), "yes", "no");
    }

    /**
     * Asks about writing {@code plan} (a {@code :} command's apply, prune or restore): the plan's
     * diff goes into the pane first, then the dialog names the peers it adds, updates and removes
     * and asks {@code question}. Waits for the answer, from any thread.
     */
    public boolean confirmPlan(String question, Plan plan) {
        return ask(() -> {
            commandShowedPlan = true;
            panes.open(writes.planPane(Pane.Kind.DIFF, "Plan · " + plan.node(), plan));
        }, "Confirm", Reports.confirmation(plan, question, session.hub().reloads(), WRITE_GUARD), "yes", "no");
    }

    private boolean ask(Runnable before, String title, List<Line> body, String yes, String no) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Runnable ask = () -> {
            pendingQuestions.add(answer);
            before.run();
            openDialog(new Dialog(title, body, yes, no, () -> answer.complete(true), () -> answer.complete(false)));
        };
        if (Thread.currentThread() == screenThread) {
            ask.run();
            render();
            try {
                while (!answer.isDone() && running) {
                    KeyStroke key = screen.pollInput();
                    if (key != null) {
                        if (key.getKeyType() == KeyType.EOF) {
                            break;
                        }
                        handle(key);
                    }
                    work.drain(this::fail);
                    render();
                    if (key == null) {
                        Thread.sleep(15);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pendingQuestions.remove(answer);
            return answer.getNow(false);
        }
        work.post(ask);
        try {
            while (running) {
                try {
                    return answer.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // still waiting for the operator
                }
            }
            return answer.getNow(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        } finally {
            work.post(() -> pendingQuestions.remove(answer));
        }
    }

    // ---- disabled reasons -----------------------------------------------------------------------

    Optional<String> whyBusy() {
        return work.busy() == null ? Optional.empty() : Optional.of("busy " + work.busy() + "; wait for it to finish");
    }

    Optional<String> whyNoSelection() {
        return whyBusy().or(() -> selectedCount() == 0
                ? Optional.of("select workers first (space on a row, a for all shown)") : Optional.empty());
    }

    Optional<String> whyNotWorker() {
        return whyNoRow().or(() -> {
            if (table.anchor().isPresent()) {
                return Optional.empty();
            }
            PeerRow row = currentRow().orElseThrow();
            return row.worker().isEmpty() ? Optional.of(Printable.of(row.name())
                    + " is not a worker in the inventory; only workers are selected") : Optional.empty();
        });
    }

    Optional<String> whyNoRow() {
        return currentRow().isEmpty() ? Optional.of("no peer under the cursor") : Optional.empty();
    }

    Optional<String> whyNoPane() {
        return panes.isEmpty() ? Optional.of("no pane open") : Optional.empty();
    }

    Optional<String> whyNothingToClose() {
        return panes.isEmpty() && table.filter().isEmpty() && table.anchor().isEmpty()
                ? Optional.of("nothing to close; q quits") : Optional.empty();
    }

    Optional<String> whyNoBackup() {
        return whyBusy().or(() -> writes.chosenBackup().isEmpty() ? Optional.of("no backups yet") : Optional.empty());
    }

    Optional<String> whyNoPeers() {
        return whyBusy().or(() -> !loaded ? Optional.of("the hub has not been read yet") : Optional.empty());
    }

    Optional<String> whyNothingToUndo() {
        return whyBusy().or(() -> log.lastUndoable().isEmpty()
                ? Optional.of("nothing to undo: no write of this session made a backup yet") : Optional.empty());
    }

    TerminalPosition cursorPosition() {
        return view.cursor();
    }
}
