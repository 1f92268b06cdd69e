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
import dev.wgtui.core.plan.Drift;
import dev.wgtui.core.plan.DryRunSummary;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.plan.Validation;
import dev.wgtui.core.session.ApplyOutcome;
import dev.wgtui.core.session.PeerHealth;
import dev.wgtui.core.session.PlanRefused;
import dev.wgtui.core.session.Session;
import dev.wgtui.tui.Theme.Element;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The full-screen dashboard over a {@link Session}: the peer table with markers and live
 * columns, a pane for diffs and reports, a status line and a footer of key hints generated
 * from {@link DashboardKeys}. Session calls run one at a time off the screen thread, so the
 * screen keeps drawing (and the spinner turning) while the hub works.
 */
public final class Dashboard implements AutoCloseable {

    /** Says that a {@code :} command is not known; the default command runner. */
    public static final Function<String, String> NO_COMMANDS = line -> "unknown command: " + line.strip();

    /** What the table shows: the rows as last read, and when. */
    record Snapshot(List<PeerRow> rows, boolean liveUp, boolean hasFile, long readAt) {
    }

    enum Focus { TABLE, PANE }

    enum Prompt { FILTER, COMMAND }

    enum Tone { INFO, OK, WARN, ERROR }

    /**
     * Confirm keys (y, enter) that arrive this soon after a dialog opens are ignored: they were
     * typed before the operator could read it (text typed ahead, a key meant for the screen
     * before). Cancel keys work at once.
     */
    static final long CONFIRM_GUARD_MILLIS = 300;

    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    final Session session;
    final Theme theme;
    private final Function<String, String> commandRunner;
    private final Screen screen;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final List<CompletableFuture<Boolean>> pendingQuestions = new ArrayList<>();
    private final DashboardView view = new DashboardView();

    // what the view draws; touched only on the screen thread
    Snapshot snapshot = new Snapshot(List.of(), false, false, 0);
    boolean loaded;
    String cursorName;
    int tableScroll;
    int tableVisibleRows = 10;
    String filter = "";
    Prompt prompt;
    String promptText = "";
    final List<String> commandHistory = new ArrayList<>();
    int historyIndex;
    final Deque<Pane> panes = new ArrayDeque<>();
    final Deque<Dialog> dialogs = new ArrayDeque<>();
    /** When the top dialog was shown, on {@link #nanoClock}. */
    private long dialogShownNanos;
    /** The clock of the confirm guard; tests replace it. */
    LongSupplier nanoClock = System::nanoTime;
    /** A {@code :} command entered while the hub was busy; it runs when that work ends. */
    String pendingCommand;
    Focus focus = Focus.TABLE;
    String busy;
    int spinnerFrame;
    private long busySinceNanos;
    String status = "";
    Tone tone = Tone.INFO;

    private volatile Thread screenThread;
    private volatile boolean running = true;
    private volatile boolean resized;
    private boolean started;
    private long lastTick;

    /**
     * A dashboard drawing on {@code screen} (started here if it is not yet), with Session calls
     * run by {@code sessionExecutor} one at a time; {@code Runnable::run} runs them inline, which
     * tests use to stay deterministic.
     */
    public Dashboard(Session session, Theme theme, Function<String, String> commandRunner, Screen screen,
                     Executor sessionExecutor) {
        this(session, theme, commandRunner, screen, sessionExecutor, null);
    }

    private Dashboard(Session session, Theme theme, Function<String, String> commandRunner, Screen screen,
                      Executor executor, ExecutorService owned) {
        this.session = session;
        this.theme = theme;
        this.commandRunner = commandRunner == null ? NO_COMMANDS : commandRunner;
        this.screen = screen;
        this.executor = executor;
        this.ownedExecutor = owned;
    }

    /** A dashboard on any Lanterna terminal (a real one, or a {@code DefaultVirtualTerminal}). */
    public static Dashboard create(Session session, Theme theme, Function<String, String> commandRunner,
                                   Terminal terminal) throws IOException {
        return create(session, theme, commandRunner, new TerminalScreen(terminal));
    }

    /** A dashboard on a Lanterna screen, with its own background thread for Session calls. */
    public static Dashboard create(Session session, Theme theme, Function<String, String> commandRunner,
                                   Screen screen) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wgtui-session");
            t.setDaemon(true);
            return t;
        });
        return new Dashboard(session, theme, commandRunner, screen, worker, worker);
    }

    /** A dashboard on this process's terminal (UTF-8, never a Swing window, ctrl-c handled as quit). */
    public static Dashboard open(Session session, Theme theme, Function<String, String> commandRunner)
            throws IOException {
        DefaultTerminalFactory factory = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8);
        factory.setForceTextTerminal(true);
        factory.setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP);
        return create(session, theme, commandRunner, factory.createTerminal());
    }

    /**
     * Opens the dashboard on this terminal and runs it until the operator quits. What is written
     * to stderr meanwhile (a library's log line) would tear the screen, so it is held and printed
     * after the screen is gone.
     */
    public static void run(Session session, Theme theme, Function<String, String> commandRunner) throws IOException {
        run(session, theme, commandRunner, dashboard -> { });
    }

    /** As {@link #run(Session, Theme, Function)}, handing the dashboard to {@code onOpen} before it runs. */
    public static void run(Session session, Theme theme, Function<String, String> commandRunner,
                           java.util.function.Consumer<Dashboard> onOpen) throws IOException {
        PrintStream err = System.err;
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
        try (Dashboard dashboard = open(session, theme, commandRunner)) {
            onOpen.accept(dashboard);
            dashboard.run();
        } finally {
            System.setErr(err);
            for (String line : held.toString(StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.isEmpty()) {
                    err.println(Redaction.line(line));
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
            changed |= drainEvents();
            if (busy != null && System.nanoTime() - lastTick > 90_000_000L) {
                lastTick = System.nanoTime();
                spinnerFrame++;
                changed = true;
            }
            if (changed || resizePending()) {
                render();
            } else if (key == null) {
                waitForEvent(25);
            }
        }
    }

    private void waitForEvent(long millis) {
        try {
            Runnable r = events.poll(millis, TimeUnit.MILLISECONDS);
            if (r != null) {
                runEvent(r);
                drainEvents();
                render();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
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
                resized = true;
                events.add(() -> { });
            });
        }
        load();
        drainEvents();
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
        drainEvents();
        render();
    }

    /** Runs the events the background thread posted and redraws. */
    void pump() {
        drainEvents();
        render();
    }

    boolean running() {
        return running;
    }

    private boolean drainEvents() {
        boolean any = false;
        Runnable r;
        while ((r = events.poll()) != null) {
            runEvent(r);
            any = true;
        }
        return any;
    }

    private void runEvent(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private boolean resizePending() {
        return resized;
    }

    /** Draws everything into the back buffer and sends only what changed to the terminal. */
    void render() {
        try {
            TerminalSize newSize = screen.doResizeIfNecessary();
            boolean complete = resized || newSize != null;
            resized = false;
            try {
                view.draw(this, new Canvas(screen.newTextGraphics(), theme));
                screen.setCursorPosition(view.cursor());
            } catch (RuntimeException e) {
                // a drawing bug must not take the operator's session down: say so, keep q working
                screen.clear();
                screen.newTextGraphics().putString(0, 0, Redaction.line("wgtui cannot draw this screen ("
                        + e + "); esc goes back, q quits"));
                screen.setCursorPosition(null);
            }
            screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void post(Runnable r) {
        events.add(r);
    }

    @Override
    public void close() throws IOException {
        running = false;
        pendingQuestions.forEach(q -> q.complete(false));
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
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
        if (prompt == Prompt.FILTER) {
            return List.of(KeyContext.FILTER);
        }
        if (prompt == Prompt.COMMAND) {
            return List.of(KeyContext.COMMAND);
        }
        if (focus == Focus.PANE && !panes.isEmpty()) {
            List<KeyContext> out = new ArrayList<>();
            switch (panes.peek().kind) {
                case BACKUPS -> out.add(KeyContext.BACKUPS);
                case BACKUP_DIFF -> out.add(KeyContext.BACKUP_DIFF);
                case HEALTH -> out.add(KeyContext.HEALTH);
                default -> { }
            }
            out.add(KeyContext.PANE);
            out.add(KeyContext.GLOBAL);
            return out;
        }
        return List.of(KeyContext.TABLE, KeyContext.GLOBAL);
    }

    /** The bindings that work now, most specific context first, in list order within each. */
    List<KeyBinding> activeBindings() {
        List<KeyBinding> all = DashboardKeys.bindings();
        List<KeyBinding> out = new ArrayList<>();
        for (KeyContext c : activeContexts()) {
            for (KeyBinding b : all) {
                if (b.context() == c) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    void handle(KeyStroke key) {
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
                return;
            }
        }
        if (prompt != null && key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            promptText += key.getCharacter();
            if (prompt == Prompt.FILTER) {
                setFilter(promptText);
            }
        }
    }

    // ---- background work ------------------------------------------------------------------------

    /** A Session call run off the screen thread. */
    @FunctionalInterface
    interface Job<T> {
        T call() throws Exception;
    }

    /** A result and the table read right after it. */
    private record WithRows<T>(T value, Snapshot snapshot) {
    }

    /** The job, then a fresh read of the table (selection and hub may have changed). */
    private <T> Job<WithRows<T>> thenRead(Job<T> job) {
        return () -> {
            T value = job.call();
            return new WithRows<>(value, readSnapshot());
        };
    }

    private <T> void work(String label, Job<T> job, Consumer<T> done) {
        if (busy != null) {
            say(Tone.WARN, "busy: " + busy + "; wait for it to finish");
            return;
        }
        busy = label;
        busySinceNanos = System.nanoTime();
        spinnerFrame = 0;
        Runnable task = () -> {
            try {
                T result = job.call();
                post(() -> {
                    busy = null;
                    try {
                        done.accept(result);
                    } finally {
                        runPendingCommand();
                    }
                });
            } catch (Throwable t) {
                post(() -> {
                    busy = null;
                    fail(t);
                    runPendingCommand();
                });
                if (t instanceof VirtualMachineError e) {
                    throw e;
                }
            }
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            busy = null;
            say(Tone.ERROR, "cannot start " + label + ": the dashboard is closing");
        }
    }

    String spinner() {
        return SPINNER[Math.floorMod(spinnerFrame, SPINNER.length)];
    }

    long busySeconds() {
        return busy == null ? 0 : TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - busySinceNanos);
    }

    private void fail(Throwable t) {
        String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                : t.getMessage();
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
            pushPane(new Pane(Pane.Kind.ERROR, "Error", lines));
        }
    }

    void say(Tone tone, String message) {
        this.tone = tone;
        this.status = Redaction.line(Format.firstLine(message));
    }

    private Snapshot readSnapshot() throws Exception {
        List<PeerRow> rows = session.rows();
        var state = session.state();
        return new Snapshot(List.copyOf(rows), state.live().isPresent(), state.hasFile(), session.now());
    }

    private void show(Snapshot s) {
        snapshot = s;
        loaded = true;
        List<PeerRow> visible = visibleRows();
        if (cursorName == null || visible.stream().noneMatch(r -> r.name().equals(cursorName))) {
            cursorName = visible.isEmpty() ? null : visible.get(0).name();
        }
    }

    private void load() {
        work("reading " + session.hub().node(), this::readSnapshot, s -> {
            show(s);
            say(Tone.INFO, "read " + session.hub().node() + ":" + session.hub().configPath() + " · "
                    + s.rows().size() + " peers · ? for help");
        });
    }

    // ---- the table ------------------------------------------------------------------------------

    List<PeerRow> visibleRows() {
        if (filter.isEmpty()) {
            return snapshot.rows();
        }
        String f = filter.toLowerCase(Locale.ROOT);
        return snapshot.rows().stream().filter(r -> r.name().toLowerCase(Locale.ROOT).contains(f)
                || r.status().word().startsWith(f) || r.status().label().equals(filter)
                || r.status().marker().equals(filter)).toList();
    }

    int cursorIndex() {
        List<PeerRow> rows = visibleRows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(cursorName)) {
                return i;
            }
        }
        return rows.isEmpty() ? -1 : 0;
    }

    Optional<PeerRow> currentRow() {
        int i = cursorIndex();
        return i < 0 ? Optional.empty() : Optional.of(visibleRows().get(i));
    }

    void moveCursor(int delta) {
        List<PeerRow> rows = visibleRows();
        if (rows.isEmpty()) {
            return;
        }
        int i = Math.max(0, Math.min(rows.size() - 1, cursorIndex() + delta));
        cursorName = rows.get(i).name();
    }

    void pageCursor(int pages) {
        moveCursor(pages * Math.max(1, tableVisibleRows - 1));
    }

    void cursorToEnd(boolean end) {
        moveCursor(end ? Integer.MAX_VALUE / 2 : Integer.MIN_VALUE / 2);
    }

    int selectedCount() {
        return (int) snapshot.rows().stream().filter(PeerRow::selected).count();
    }

    int workerCount() {
        return session.cluster().workers().size();
    }

    void toggleSelection() {
        PeerRow row = currentRow().orElseThrow();
        String name = row.name();
        work("selecting " + name, thenRead(() -> session.toggle(name)), r -> {
            show(r.snapshot());
            say(Tone.INFO, name + (r.value() ? " selected" : " unselected") + " · " + selectedCount()
                    + " of " + workerCount() + " workers selected");
            replanIfShowingDiff();
        });
    }

    void toggleAll() {
        boolean all = selectedCount() == workerCount();
        work(all ? "clearing the selection" : "selecting all workers", () -> {
            if (all) {
                session.clearSelection();
            } else {
                session.selectAllWorkers();
            }
            return readSnapshot();
        }, s -> {
            show(s);
            say(Tone.INFO, all ? "selection cleared" : "all " + workerCount() + " workers selected");
            replanIfShowingDiff();
        });
    }

    private void replanIfShowingDiff() {
        if (!panes.isEmpty() && panes.peek().kind == Pane.Kind.DIFF && dialogs.isEmpty()) {
            Focus keep = focus;
            showDiff();
            focus = keep;
        }
    }

    void setFilter(String text) {
        filter = text;
        List<PeerRow> rows = visibleRows();
        if (rows.stream().noneMatch(r -> r.name().equals(cursorName))) {
            cursorName = rows.isEmpty() ? null : rows.get(0).name();
        }
        tableScroll = 0;
    }

    // ---- prompts --------------------------------------------------------------------------------

    void startFilter() {
        prompt = Prompt.FILTER;
        promptText = filter;
    }

    void startCommand() {
        prompt = Prompt.COMMAND;
        promptText = "";
        historyIndex = commandHistory.size();
    }

    void promptBackspace() {
        if (promptText.isEmpty()) {
            if (prompt == Prompt.COMMAND) {
                prompt = null;
            }
            return;
        }
        promptText = promptText.substring(0, promptText.offsetByCodePoints(promptText.length(), -1));
        if (prompt == Prompt.FILTER) {
            setFilter(promptText);
        }
    }

    void promptAccept() {
        if (prompt == Prompt.COMMAND && busy != null && pendingCommand != null && !promptText.isBlank()) {
            say(Tone.WARN, "busy " + busy + "; :" + pendingCommand + " already waits to run");
            return;
        }
        Prompt p = prompt;
        prompt = null;
        if (p == Prompt.FILTER) {
            setFilter(promptText);
            say(Tone.INFO, filter.isEmpty() ? "filter cleared"
                    : visibleRows().size() + " of " + snapshot.rows().size() + " peers match /" + filter
                            + " · esc clears");
        } else if (p == Prompt.COMMAND) {
            runCommand(promptText);
        }
    }

    void promptCancel() {
        Prompt p = prompt;
        prompt = null;
        if (p == Prompt.FILTER) {
            setFilter("");
            say(Tone.INFO, "filter cleared");
        }
    }

    void commandHistory(int delta) {
        if (commandHistory.isEmpty()) {
            return;
        }
        historyIndex = Math.max(0, Math.min(commandHistory.size(), historyIndex + delta));
        promptText = historyIndex == commandHistory.size() ? "" : commandHistory.get(historyIndex);
    }

    void runCommand(String line) {
        String command = line.strip();
        if (command.isEmpty()) {
            return;
        }
        if (commandHistory.isEmpty() || !commandHistory.get(commandHistory.size() - 1).equals(command)) {
            commandHistory.add(command);
        }
        if (busy != null) {
            // the hub is working (at start: its first read); the command waits for it, not lost
            pendingCommand = command;
            say(Tone.INFO, ":" + command + " runs when " + busy + " finishes");
            return;
        }
        launchCommand(command);
    }

    private void runPendingCommand() {
        if (busy == null && pendingCommand != null) {
            String command = pendingCommand;
            pendingCommand = null;
            launchCommand(command);
        }
    }

    private void launchCommand(String command) {
        work("running :" + command, thenRead(() -> commandRunner.apply(command)), r -> {
            show(r.snapshot());
            String out = r.value() == null ? "" : r.value().strip();
            List<Line> lines = Line.text(out, Element.PANE_TEXT);
            if (lines.size() > 1) {
                openPane(new Pane(Pane.Kind.COMMAND, ":" + command, lines));
                say(Tone.INFO, ":" + command + " · " + lines.size() + " lines below");
            } else {
                boolean unknown = out.startsWith("unknown command");
                say(unknown ? Tone.WARN : Tone.INFO, out.isEmpty() ? ":" + command + " done" : out);
            }
        });
    }

    // ---- panes ----------------------------------------------------------------------------------

    /** Shows {@code pane} in place of whatever the pane showed; it gets the focus. */
    void openPane(Pane pane) {
        panes.clear();
        pushPane(pane);
    }

    /** Shows {@code pane} over the current one (a backup's diff, help, an error); esc goes back. */
    void pushPane(Pane pane) {
        if (!panes.isEmpty() && panes.peek().kind == pane.kind) {
            panes.pop();
        }
        panes.push(pane);
        focus = Focus.PANE;
    }

    Pane pane() {
        return panes.peek();
    }

    void back() {
        if (!panes.isEmpty()) {
            panes.pop();
            if (panes.isEmpty()) {
                focus = Focus.TABLE;
            }
        } else if (!filter.isEmpty()) {
            setFilter("");
            say(Tone.INFO, "filter cleared");
        }
    }

    void switchFocus() {
        focus = focus == Focus.TABLE ? Focus.PANE : Focus.TABLE;
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

    void toggleHelp() {
        if (!panes.isEmpty() && panes.peek().kind == Pane.Kind.HELP) {
            back();
            return;
        }
        pushPane(new Pane(Pane.Kind.HELP, "Help · keys", DashboardKeys.helpLines()));
    }

    void showDetail() {
        PeerRow row = currentRow().orElseThrow();
        openPane(new Pane(Pane.Kind.DETAIL, "Peer · " + row.name(), Reports.detail(row, snapshot.readAt())));
    }

    // ---- plan, apply, prune -----------------------------------------------------------------------

    private String selectionText() {
        List<String> names = snapshot.rows().stream().filter(PeerRow::selected).map(PeerRow::name).toList();
        return names.isEmpty() ? "no workers" : String.join(", ", names);
    }

    /** The plan for the selection, with its preview left on the hub (a dry-run). */
    private Plan planWithPreview() throws Exception {
        Plan plan = session.plan();
        session.writePreview(plan);
        return plan;
    }

    void showDiff() {
        String sel = selectionText();
        work("planning " + sel, this::planWithPreview, plan -> {
            Pane p = new Pane(Pane.Kind.DIFF, "Diff · " + sel, Reports.plan(plan, selectedCount() == 0));
            p.plan = plan;
            openPane(p);
            DryRunSummary s = plan.summary();
            say(Tone.INFO, s.status().text() + " · " + s.change() + " · preview left at " + plan.previewFile());
        });
    }

    void applySelection() {
        String sel = selectionText();
        work("planning " + sel, this::planWithPreview, plan -> {
            if (!plan.changed()) {
                say(Tone.OK, "nothing to apply: " + plan.node() + " already has " + sel + " as the inventory says");
                return;
            }
            Pane p = new Pane(Pane.Kind.DIFF, "Diff · " + sel, Reports.plan(plan, false));
            p.plan = plan;
            openPane(p);
            confirmPlan("Apply to " + plan.node() + "?", plan, "apply", "apply cancelled; nothing written");
        });
    }

    void prune() {
        work("planning a prune", () -> {
            Plan plan = session.prunePlan();
            session.writePreview(plan);
            return plan;
        }, plan -> {
            if (!plan.changed()) {
                say(Tone.OK, "nothing to prune: every peer on " + plan.node() + " is in the inventory");
                return;
            }
            Pane p = new Pane(Pane.Kind.PRUNE, "Prune · peers not in the inventory", Reports.plan(plan, false));
            p.plan = plan;
            openPane(p);
            confirmPlan("Prune " + plan.summary().removed().size() + " peer(s) from " + plan.node() + "?", plan,
                    "prune", "prune cancelled; nothing written");
        });
    }

    private void confirmPlan(String title, Plan plan, String verb, String cancelled) {
        List<Line> body = new ArrayList<>(Reports.summary(plan.summary()));
        body.add(Line.blank());
        body.add(Line.of("A backup is taken first; the result is validated and rolled back if it fails.",
                Element.DIALOG_TEXT));
        openDialog(new Dialog(title, body, verb, "cancel", () -> applyPlan(plan, verb),
                () -> say(Tone.INFO, cancelled)));
    }

    private void applyPlan(Plan plan, String verb) {
        work((verb.equals("prune") ? "pruning " : "applying to ") + plan.node(), thenRead(() -> session.apply(plan)),
                r -> {
            show(r.snapshot());
            showOutcome(verb.equals("prune") ? "Prune" : "Apply", r.value());
        });
    }

    private void showOutcome(String what, ApplyOutcome o) {
        openPane(new Pane(Pane.Kind.OUTCOME, what + " · " + o.plan().node(), Reports.outcome(o)));
        if (o.rolledBack()) {
            say(Tone.ERROR, what.toLowerCase(Locale.ROOT) + ": validation failed; rolled back to " + o.backupName());
        } else if (!o.written()) {
            say(Tone.OK, "nothing written: " + o.plan().node() + " already matched");
        } else if (o.ok()) {
            say(Tone.OK, what.toLowerCase(Locale.ROOT) + " done · " + o.plan().summary().change()
                    + (o.backupName() == null ? "" : " · backup " + o.backupName()) + " · validation passed");
        } else {
            say(Tone.ERROR, what.toLowerCase(Locale.ROOT) + " written, but " + o.validation().summary());
        }
    }

    // ---- validate, backups, health, drift, refresh ----------------------------------------------

    void validate() {
        work("validating " + session.hub().node(), thenRead(session::validate), r -> {
            show(r.snapshot());
            Validation.Report report = r.value();
            openPane(new Pane(Pane.Kind.VALIDATION, "Validation · " + session.hub().node(),
                    Reports.validation(report)));
            say(report.passed() ? Tone.OK : Tone.ERROR, report.summary());
        });
    }

    void showBackups() {
        work("listing backups on " + session.hub().node(), session::backups, list -> {
            Pane p = new Pane(Pane.Kind.BACKUPS, "Backups · " + session.hub().configPath(), List.of());
            p.backups = List.copyOf(list);
            p.lines = Reports.backups(p.backups, 0, snapshot.readAt());
            openPane(p);
            say(Tone.INFO, list.isEmpty() ? "no backups yet: every apply makes one"
                    : list.size() + " backup(s) · enter shows what restoring would change · R restores");
        });
    }

    void moveBackup(int delta) {
        Pane p = pane();
        if (p.backups.isEmpty()) {
            return;
        }
        p.backupCursor = Math.max(0, Math.min(p.backups.size() - 1, p.backupCursor + delta));
        p.lines = Reports.backups(p.backups, p.backupCursor, snapshot.readAt());
        p.reveal(p.backupCursor + 1);
    }

    private Optional<Backup> chosenBackup() {
        for (Pane p : panes) {
            if (p.kind == Pane.Kind.BACKUP_DIFF) {
                return p.backups.stream().filter(b -> b.name().equals(p.backupName)).findFirst();
            }
            if (p.kind == Pane.Kind.BACKUPS && !p.backups.isEmpty()) {
                return Optional.of(p.backups.get(p.backupCursor));
            }
        }
        return Optional.empty();
    }

    void showBackupDiff() {
        Backup b = chosenBackup().orElseThrow();
        List<Backup> all = pane().backups;
        work("comparing " + b.name() + " with the current file", () -> session.backupDiff(b.name()), diff -> {
            List<Line> lines = new ArrayList<>();
            lines.add(Line.of("What restoring this backup would change in the current file", Element.PANE_HEADING));
            lines.add(Line.of(b.name() + " · taken " + Format.time(b.time()) + " · " + b.peers() + " peers",
                    Element.DIM));
            lines.add(Line.blank());
            if (diff.isEmpty()) {
                lines.add(Line.of("Nothing: the backup is the same as the current file.", Element.PANE_TEXT));
            } else {
                lines.addAll(Line.diff(diff));
            }
            Pane p = new Pane(Pane.Kind.BACKUP_DIFF, "Backup · " + b.name(), lines);
            p.backupName = b.name();
            p.backups = all;
            pushPane(p);
        });
    }

    void confirmRestore() {
        Backup b = chosenBackup().orElseThrow();
        List<Line> body = List.of(
                Line.of("Backup " + b.name(), Element.DIALOG_TEXT),
                Line.of("taken " + Format.time(b.time()) + " · " + b.peers() + " peers", Element.DIALOG_TEXT),
                Line.blank(),
                Line.of("The current file is backed up first; the restored file is", Element.DIALOG_TEXT),
                Line.of("reloaded and validated, and rolled back if that fails.", Element.DIALOG_TEXT));
        openDialog(new Dialog("Restore " + b.name() + "?", body, "restore", "cancel", () -> restore(b),
                () -> say(Tone.INFO, "restore cancelled; nothing written")));
    }

    private void restore(Backup b) {
        work("restoring " + b.name(), thenRead(() -> session.restore(b.name())), r -> {
            show(r.snapshot());
            showOutcome("Restore", r.value());
        });
    }

    void showHealth(boolean ping) {
        work(ping ? "pinging every peer over the tunnel" : "reading handshakes", () -> session.health(ping), list -> {
            Pane p = new Pane(Pane.Kind.HEALTH, "Health · " + session.hub().node() + (ping ? " · ping" : ""),
                    Reports.health(list));
            p.pinged = ping;
            openPane(p);
            long stale = list.stream().filter(PeerHealth::stale).count();
            boolean noPing = ping && list.stream().allMatch(h -> h.pingOk().isEmpty());
            if (noPing && !list.isEmpty()) {
                say(Tone.WARN, "this hub cannot ping over the tunnel (a local file has no interface)");
            } else {
                long down = list.stream().filter(h -> h.pingOk().map(ok -> !ok).orElse(false)).count();
                say(stale > 0 || down > 0 ? Tone.WARN : Tone.OK, list.size() + " peers · " + stale + " stale"
                        + (ping ? " · " + down + " not answering ping" : " · P pings them"));
            }
        });
    }

    void showDrift() {
        work("comparing the running interface with the file", session::drift, drift -> {
            openPane(new Pane(Pane.Kind.DRIFT, "Drift · " + session.hub().node(), Reports.drift(drift)));
            if (drift.isEmpty()) {
                say(Tone.WARN, "no running interface to compare with");
            } else if (drift.get().isEmpty()) {
                say(Tone.OK, "no drift: the running interface matches the file");
            } else {
                say(Tone.WARN, drift.get().size() + " peer(s) differ at runtime");
            }
        });
    }

    void refresh() {
        work("reading " + session.hub().node(), () -> {
            session.refresh();
            return readSnapshot();
        }, s -> {
            show(s);
            say(Tone.INFO, "read " + session.hub().node() + " at " + Format.clock(s.readAt()) + " · "
                    + s.rows().size() + " peers");
        });
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
        if (busy != null) {
            openDialog(new Dialog("Quit while " + busy + "?", List.of(
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
                Line.of("The authenticity of host " + host + " can't be established.", Element.DIALOG_TEXT),
                Line.of(keyType + " key fingerprint is", Element.DIALOG_KEY),
                Line.of("  " + sha256Fingerprint, Element.DIALOG_KEY),
                Line.blank(),
                Line.of("Trust it and add it to known_hosts? Only if you verified it.", Element.DIALOG_TEXT));
        return ask("Unknown host key: " + host, body, "trust", "refuse");
    }

    /**
     * Asks a yes/no question in a dialog (for a {@code :} command that writes) and waits for the
     * answer; from the screen thread or the Session's thread alike.
     */
    public boolean confirm(String question) {
        return ask("Confirm", List.of(Line.of(question, Element.DIALOG_TEXT)), "yes", "no");
    }

    private boolean ask(String title, List<Line> body, String yes, String no) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Runnable ask = () -> {
            pendingQuestions.add(answer);
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
                    drainEvents();
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
        post(ask);
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
            post(() -> pendingQuestions.remove(answer));
        }
    }

    // ---- disabled reasons -----------------------------------------------------------------------

    Optional<String> whyBusy() {
        return busy == null ? Optional.empty() : Optional.of("busy " + busy + "; wait for it to finish");
    }

    Optional<String> whyNoSelection() {
        return whyBusy().or(() -> selectedCount() == 0
                ? Optional.of("select workers first (space on a row, a for all)") : Optional.empty());
    }

    Optional<String> whyNotWorker() {
        return whyBusy().or(() -> {
            Optional<PeerRow> row = currentRow();
            if (row.isEmpty()) {
                return Optional.of("no peer under the cursor");
            }
            return row.get().worker().isEmpty()
                    ? Optional.of(row.get().name() + " is not a worker in the inventory; only workers are selected")
                    : Optional.empty();
        });
    }

    Optional<String> whyNoRow() {
        return currentRow().isEmpty() ? Optional.of("no peer under the cursor") : Optional.empty();
    }

    Optional<String> whyNoPane() {
        return panes.isEmpty() ? Optional.of("no pane open") : Optional.empty();
    }

    Optional<String> whyNothingToClose() {
        return panes.isEmpty() && filter.isEmpty() ? Optional.of("nothing to close; q quits") : Optional.empty();
    }

    Optional<String> whyNoBackup() {
        return whyBusy().or(() -> chosenBackup().isEmpty() ? Optional.of("no backups yet") : Optional.empty());
    }

    Optional<String> whyNoPeers() {
        return whyBusy().or(() -> !loaded ? Optional.of("the hub has not been read yet") : Optional.empty());
    }

    TerminalPosition cursorPosition() {
        return view.cursor();
    }
}
