package dev.wgtui.core.session;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.config.ConfigCheck;
import dev.wgtui.core.config.ConfigEdits;
import dev.wgtui.core.config.ConfigException;
import dev.wgtui.core.config.ConfigLine;
import dev.wgtui.core.config.PeerBlock;
import dev.wgtui.core.config.PeerMerge;
import dev.wgtui.core.config.PeerSpec;
import dev.wgtui.core.config.Problem;
import dev.wgtui.core.config.RenderCheck;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.plan.Drift;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.StatusTable;
import dev.wgtui.core.plan.Validation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One operator's session with one hub: the cluster, the hub's state, the selection and the last
 * plan. The CLI, the REPL and the dashboard all drive this one object, so they behave alike.
 */
public final class Session implements AutoCloseable {

    /** Choices that change what a plan may do. */
    public record Options(boolean turnOffSaveConfig, String overlayPrefix, String privateKeyFile) {
        public static Options defaults() {
            return new Options(false, "24", "/etc/wireguard/privatekey");
        }
    }

    private final Cluster cluster;
    private final Hub hub;
    private final Function<String, List<String>> limit;
    private final WorkerKeys workerKeys;
    private final Options options;
    private final Clock clock;
    private final Map<String, String> knownKeys = new HashMap<>();
    private final Set<String> selection = new LinkedHashSet<>();
    private HubState state;
    private HubState parsedState;
    private WgConfig parsed;
    private WorkerSetup workerSetup = WorkerSetup.NONE;
    private Consumer<Write> writeListener = w -> { };

    /**
     * @param limit resolves an Ansible limit pattern to host names (throws IllegalArgumentException
     *              with a clear message when nothing matches)
     */
    public Session(Cluster cluster, Hub hub, Function<String, List<String>> limit, WorkerKeys workerKeys,
                   Options options, Clock clock) {
        this.cluster = cluster;
        this.hub = hub;
        this.limit = limit;
        this.workerKeys = workerKeys;
        this.options = options;
        this.clock = clock;
    }

    /**
     * A write this session made on the hub: an apply, a prune or a restore, when it happened, and
     * what came of it (backup, validation, rollback). Front-ends keep them as a command log.
     */
    public record Write(String verb, java.time.Instant at, ApplyOutcome outcome) {
    }

    /** Tells {@code listener} of every write this session makes, on the thread that made it. */
    public void onWrite(Consumer<Write> listener) {
        this.writeListener = listener == null ? w -> { } : listener;
    }

    private ApplyOutcome told(String verb, ApplyOutcome outcome) {
        if (outcome.written()) {
            writeListener.accept(new Write(verb, clock.instant(), outcome));
        }
        return outcome;
    }

    private static String verbOf(Plan plan) {
        var m = plan.merge();
        return m.added().isEmpty() && m.updated().isEmpty() && !m.removed().isEmpty() ? "prune" : "apply";
    }

    /** Lets this session also set up workers' own configs (over SSH). */
    public void setWorkerSetup(WorkerSetup setup) {
        this.workerSetup = setup;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Hub hub() {
        return hub;
    }

    /** The hub as last read; reads it the first time. */
    public HubState state() throws HubException {
        if (state == null) {
            refresh();
        }
        return state;
    }

    /** Reads the hub's file and live state again. */
    public HubState refresh() throws HubException {
        state = hub.read();
        return state;
    }

    private final Set<dev.wgtui.core.hub.RunReport> shownReports = new java.util.HashSet<>();

    /**
     * The outcomes of commits that ran on the hub while their client was gone, as read so far,
     * that no face of this session has shown yet; marked shown now. Every face calls this after
     * it read the hub, so whatever command read them first, the operator is told once.
     */
    public synchronized List<dev.wgtui.core.hub.RunReport> unshownReports() {
        if (state == null) {
            return List.of();
        }
        List<dev.wgtui.core.hub.RunReport> out = new ArrayList<>();
        for (dev.wgtui.core.hub.RunReport r : state.unreported()) {
            if (shownReports.add(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The hub's file, parsed; null when it has none yet. */
    public WgConfig currentConfig() throws HubException {
        HubState s = state();
        if (s != parsedState) {
            // Parsed once per read of the hub: the table, plans and checks all look at it.
            parsed = s.hasFile() ? WgConfig.parse(source(), s.text()) : null;
            parsedState = s;
        }
        return parsed;
    }

    private String source() {
        return hub.node() + ":" + hub.configPath();
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }

    // ---- selection -------------------------------------------------------------------------

    public Set<String> selection() {
        return Set.copyOf(selection);
    }

    /** Selected workers in inventory order. */
    public List<String> selectedWorkers() {
        return cluster.workers().stream().map(Node::name).filter(selection::contains).toList();
    }

    /**
     * Replaces the selection with the workers {@code pattern} matches; returns the matched hosts
     * that are not workers (ignored, for the caller to mention).
     */
    public List<String> select(String pattern) {
        Choice choice = workersMatching(pattern);
        selection.clear();
        selection.addAll(choice.workers());
        return choice.ignored();
    }

    /** The workers a pattern names, in inventory order, and the matched hosts that are not workers. */
    public record Choice(List<String> workers, List<String> ignored) {
    }

    /** What {@code pattern} matches, without touching the selection. */
    public Choice workersMatching(String pattern) {
        Set<String> hosts = new LinkedHashSet<>(limit.apply(pattern));
        List<String> ignored = hosts.stream().filter(h -> !cluster.isWorker(h)).toList();
        List<String> workers = cluster.workers().stream().map(Node::name).filter(hosts::contains).toList();
        return new Choice(workers, ignored);
    }

    /** Adds or removes one worker; returns whether it is selected now. */
    public boolean toggle(String worker) {
        if (!cluster.isWorker(worker)) {
            throw new IllegalArgumentException(worker + " is not a worker in " + cluster.inventorySource());
        }
        if (!selection.remove(worker)) {
            selection.add(worker);
            return true;
        }
        return false;
    }

    /**
     * Adds the workers among {@code names} to the selection, or takes them out of it; names that
     * are not workers are skipped. Returns how many workers it named.
     */
    public int setSelected(Collection<String> names, boolean selected) {
        int n = 0;
        for (String name : names) {
            if (cluster.isWorker(name)) {
                n++;
                if (selected) {
                    selection.add(name);
                } else {
                    selection.remove(name);
                }
            }
        }
        return n;
    }

    public void selectAllWorkers() {
        selection.clear();
        cluster.workers().forEach(w -> selection.add(w.name()));
    }

    public void clearSelection() {
        selection.clear();
    }

    // ---- look --------------------------------------------------------------------------------

    /** The peer table against the inventory with the current selection (SPEC step 2). */
    public List<PeerRow> rows() throws HubException, ConfigException {
        WgConfig config = currentConfig();
        return StatusTable.rows(config, cluster, Map.copyOf(knownKeys), selection, state().live());
    }

    /** Problems in the hub's current file (errors and warnings). */
    public List<Problem> currentProblems() throws HubException {
        WgConfig config = currentConfig();
        return config == null ? List.of() : ConfigCheck.problems(config, options.turnOffSaveConfig());
    }

    // ---- plan --------------------------------------------------------------------------------

    /** The plan for the current selection: merge the selected workers into the hub's file. */
    public Plan plan() throws HubException, ConfigException, PlanRefused {
        return plan(selectedWorkers());
    }

    /**
     * The plan that merges {@code workers} into the hub's file, leaving the selection alone. Every
     * plan starts from a fresh read of the hub (file and live state) and of the keys that come
     * from workers over SSH, so the hash an apply checks guards only the time between this plan
     * and the write.
     */
    public Plan plan(Collection<String> workers) throws HubException, ConfigException, PlanRefused {
        Set<String> wanted = Set.copyOf(workers);
        for (String w : wanted) {
            if (!cluster.isWorker(w)) {
                throw new IllegalArgumentException(w + " is not a worker in " + cluster.inventorySource());
            }
        }
        List<Node> chosen = cluster.workers().stream().filter(w -> wanted.contains(w.name())).toList();
        // The hub and the workers are read at the same time: one round trip of waiting, not two.
        java.util.concurrent.CompletableFuture<Map<String, String>> keys = readKeysAsync(chosen);
        WgConfig current;
        try {
            refresh();
            current = checkedCurrent();
        } catch (HubException | ConfigException | RuntimeException e) {
            if (keys != null) {
                keys.cancel(true);
            }
            throw e;
        }
        resolveKeys(chosen, keys);
        List<PeerSpec> specs = new ArrayList<>();
        List<Problem> missing = new ArrayList<>();
        Map<String, String> pending = new java.util.LinkedHashMap<>();
        for (Node w : chosen) {
            if (!PeerBlock.isWritableName(w.name())) {
                missing.add(new Problem(Problem.Severity.ERROR, cluster.inventorySource(), 0, "host " + w.name()
                        + ": cannot be a peer's name comment (letters, digits, '.', '_', '@', '-' only)", null));
                continue;
            }
            String key = w.publicKey().orElse(knownKeys.get(w.name()));
            if (key == null && workerKeys.canGenerate()) {
                key = Plan.pendingKey(w.name());
                pending.put(key, w.name());
            }
            if (key == null) {
                missing.add(new Problem(Problem.Severity.ERROR, cluster.inventorySource(), 0,
                        "host " + w.name() + ": no public key (set wireguard_public_key, or let wgtui read it "
                                + "from the worker over SSH)", null));
            } else {
                specs.add(w.asPeer(key));
            }
        }
        if (!missing.isEmpty()) {
            boolean names = missing.stream().anyMatch(m -> m.message().contains("peer's name comment"));
            throw new PlanRefused(names ? "cannot plan: a selected host name cannot be a peer's name"
                    : "cannot plan: a selected worker has no key", missing);
        }
        WgConfig base = current != null ? current : newHubConfig();
        PeerMerge.Result merge = merge(base, specs);
        Map<String, PeerSpec> planned = plannedIn(merge, specs);
        return finish(current != null ? current : base, current, merge, pending, planned);
    }

    private static PeerMerge.Result merge(WgConfig base, List<PeerSpec> specs) throws PlanRefused {
        try {
            return PeerMerge.merge(base, specs);
        } catch (IllegalArgumentException e) {
            throw new PlanRefused("cannot plan: " + e.getMessage(), List.of());
        }
    }

    /** The specs the merge adds or changes, by name, in the order given. */
    private static Map<String, PeerSpec> plannedIn(PeerMerge.Result merge, List<PeerSpec> specs) {
        Map<String, PeerSpec> planned = new java.util.LinkedHashMap<>();
        for (PeerSpec spec : specs) {
            if (merge.added().contains(spec.name()) || merge.updated().contains(spec.name())) {
                planned.put(spec.name(), spec);
            }
        }
        return planned;
    }

    /** The plan that removes every peer not in the inventory (SPEC step 8). */
    public Plan prunePlan() throws HubException, ConfigException, PlanRefused {
        refresh();
        WgConfig current = checkedCurrent();
        if (current == null) {
            throw new PlanRefused(hub.node() + ": " + hub.configPath() + " does not exist; nothing to prune", List.of());
        }
        if (current.peers().stream().anyMatch(p -> !p.named())) {
            // An unnamed peer may be a worker known only by the key it has on itself: ask them.
            resolveKeys(cluster.workers());
        }
        Set<String> keep = cluster.workers().stream().map(Node::name).collect(Collectors.toSet());
        keep.addAll(cluster.unmanagedPeers());
        // An unnamed peer that has a worker's key is that worker, not an extra: keep it.
        Set<String> workerKeys = new java.util.HashSet<>(knownKeys.values());
        cluster.workers().forEach(w -> w.publicKey().ifPresent(workerKeys::add));
        for (PeerBlock p : current.peers()) {
            if (!p.named() && p.publicKey().filter(workerKeys::contains).isPresent()) {
                keep.add(p.name());
            }
        }
        return finish(current, current, PeerMerge.prune(current, keep), Map.of(), Map.of());
    }

    /**
     * The plan that re-sorts the hub's peers by name, each with its own lines: an action of its
     * own, never a side effect of a merge.
     */
    public Plan sortPlan() throws HubException, ConfigException, PlanRefused {
        refresh();
        WgConfig current = checkedCurrent();
        if (current == null) {
            throw new PlanRefused(hub.node() + ": " + hub.configPath() + " does not exist; nothing to sort", List.of());
        }
        PeerMerge.Result sorted;
        try {
            sorted = PeerMerge.sort(current);
        } catch (IllegalArgumentException e) {
            throw new PlanRefused("cannot sort: " + e.getMessage(), List.of());
        }
        return finish(current, current, sorted, Map.of(), Map.of());
    }

    /**
     * Checks and packs a merge, prune or sort: {@code base} is what it started from (the file,
     * or a new hub's [Interface]), {@code current} the file (null when there is none). The text
     * to be written is parsed again and must be exactly the planned config.
     */
    private Plan finish(WgConfig base, WgConfig current, PeerMerge.Result merge, Map<String, String> pending,
                        Map<String, PeerSpec> planned) throws HubException, PlanRefused {
        return finish(base, current, merge, pending, planned, state().hash());
    }

    private Plan finish(WgConfig base, WgConfig current, PeerMerge.Result merge, Map<String, String> pending,
                        Map<String, PeerSpec> planned, String currentHash) throws HubException, PlanRefused {
        WgConfig proposed = merge.config();
        if (options.turnOffSaveConfig()) {
            WgConfig off = ConfigEdits.turnOffSaveConfig(proposed);
            if (off != proposed) {
                proposed = off;
                merge = new PeerMerge.Result(proposed, merge.added(),
                        merge.updated().isEmpty() && merge.added().isEmpty() && merge.removed().isEmpty()
                                ? List.of("[Interface] SaveConfig") : merge.updated(), merge.removed(),
                        merge.reordered());
            }
        }
        WgConfig written = proposed == current ? current : WgConfig.parse(source(), proposed.render());
        List<String> mismatches = RenderCheck.mismatches(base, proposed, written, planned, Set.copyOf(merge.removed()),
                merge.reordered());
        if (!mismatches.isEmpty()) {
            throw new PlanRefused("refusing to write: the config text is not what was planned ("
                    + String.join("; ", mismatches) + ")", List.of());
        }
        WgConfig preview = written.withSource(hub.node() + ":" + hub.previewPath());
        List<Problem> errors = ConfigCheck.problems(preview, false).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new PlanRefused("refusing to write a config that breaks the rules", errors);
        }
        merge = new PeerMerge.Result(written, merge.added(), merge.updated(), merge.removed(), merge.reordered());
        return new Plan(hub.node(), hub.configPath(), hub.previewPath(), current, currentHash, written, merge,
                pending);
    }

    private WgConfig checkedCurrent() throws HubException, ConfigException {
        WgConfig current = currentConfig();
        if (current != null) {
            ConfigCheck.requireValid(current, options.turnOffSaveConfig());
        }
        return current;
    }

    private WgConfig newHubConfig() {
        Node h = cluster.hub();
        return ConfigEdits.newHub(source(), h.wireguardIp() + "/" + options.overlayPrefix(), h.port(),
                options.privateKeyFile());
    }

    /**
     * Reads afresh the keys of the workers that have none in the inventory (a key rotated on a
     * worker during the session is picked up); one that has no key pair yet is forgotten.
     */
    private void resolveKeys(List<Node> chosen) throws PlanRefused {
        resolveKeys(chosen, readKeysAsync(chosen));
    }

    /** The keys of the chosen workers that have none in the inventory, being read; null when none is needed. */
    private java.util.concurrent.CompletableFuture<Map<String, String>> readKeysAsync(List<Node> chosen) {
        List<Node> fromWorkers = chosen.stream().filter(w -> w.publicKey().isEmpty()).toList();
        if (fromWorkers.isEmpty()) {
            return null;
        }
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return workerKeys.existingKeys(fromWorkers);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    private void resolveKeys(List<Node> chosen, java.util.concurrent.CompletableFuture<Map<String, String>> keys)
            throws PlanRefused {
        if (keys == null) {
            return;
        }
        Map<String, String> read;
        try {
            read = keys.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlanRefused("interrupted while reading workers' keys", List.of());
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            throw new PlanRefused("cannot read workers' keys: " + cause.getMessage(), List.of());
        }
        chosen.stream().filter(w -> w.publicKey().isEmpty()).forEach(w -> knownKeys.remove(w.name()));
        knownKeys.putAll(read);
    }

    /**
     * The plan the operator saw, without {@code workers} (a worker whose key pair could not be
     * made after the confirmation): made from the same file and the same keys, reading nothing
     * again, so it writes nothing the operator did not see, and checked as every plan is.
     */
    public Plan without(Plan shown, Collection<String> workers) throws HubException, PlanRefused {
        Set<String> drop = Set.copyOf(workers);
        List<PeerSpec> specs = new ArrayList<>();
        List<String> named = new ArrayList<>(shown.merge().added());
        named.addAll(shown.merge().updated());
        for (String name : named) {
            if (!drop.contains(name)) {
                shown.proposed().peer(name).map(PeerBlock::toSpec).ifPresent(specs::add);
            }
        }
        Map<String, String> pending = new java.util.LinkedHashMap<>();
        shown.pendingKeys().forEach((stand, worker) -> {
            if (!drop.contains(worker)) {
                pending.put(stand, worker);
            }
        });
        WgConfig base = shown.current() != null ? shown.current() : newHubConfig();
        PeerMerge.Result merge = merge(base, specs);
        Map<String, PeerSpec> planned = plannedIn(merge, specs);
        return finish(base, shown.current(), merge, pending, planned, shown.currentHash());
    }

    /** Dry-run: leaves the preview on the hub; changes nothing else. */
    public void writePreview(Plan plan) throws HubException {
        hub.writePreview(plan.previewText());
    }

    /**
     * The confirmed plan with the key pairs it was waiting for made on their workers: the same
     * text with each stand-in replaced by the worker's new public key, checked again.
     */
    private Plan withMadeKeys(Plan plan) throws HubException, PlanRefused {
        List<Node> waiting = plan.pendingKeys().values().stream().map(n -> cluster.worker(n).orElseThrow()).toList();
        Map<String, String> made;
        try {
            made = workerKeys.publicKeys(waiting);
        } catch (Exception e) {
            throw new PlanRefused("cannot make key pairs on the workers: " + e.getMessage(), List.of());
        }
        knownKeys.putAll(made);
        String text = plan.proposed().render();
        for (Map.Entry<String, String> e : plan.pendingKeys().entrySet()) {
            String key = made.get(e.getValue());
            if (key == null) {
                throw new PlanRefused(e.getValue() + ": no key pair was made on the worker", List.of());
            }
            text = text.replace(e.getKey(), key);
        }
        WgConfig proposed = WgConfig.parse(plan.proposed().source(), text);
        List<ConfigLine> expectedLines = new ArrayList<>(plan.proposed().lines().size());
        for (ConfigLine line : plan.proposed().lines()) {
            String raw = line.raw();
            for (Map.Entry<String, String> e : plan.pendingKeys().entrySet()) {
                raw = raw.replace(e.getKey(), made.get(e.getValue()));
            }
            expectedLines.add(raw == line.raw() ? line : ConfigLine.reclassified(line, raw));
        }
        Map<String, PeerSpec> planned = new java.util.LinkedHashMap<>();
        for (PeerBlock p : proposed.peers()) {
            if (plan.merge().added().contains(p.name()) || plan.merge().updated().contains(p.name())) {
                planned.put(p.name(), p.toSpec());
            }
        }
        List<String> mismatches = RenderCheck.mismatches(plan.current() != null ? plan.current() : newHubConfig(),
                WgConfig.of(proposed.source(), expectedLines), proposed, planned, Set.copyOf(plan.merge().removed()));
        if (!mismatches.isEmpty()) {
            throw new PlanRefused("refusing to write: the config text is not what was planned ("
                    + String.join("; ", mismatches) + ")", List.of());
        }
        List<Problem> errors = ConfigCheck.problems(proposed, false).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new PlanRefused("refusing to write a config that breaks the rules", errors);
        }
        PeerMerge.Result merge = new PeerMerge.Result(proposed, plan.merge().added(), plan.merge().updated(),
                plan.merge().removed());
        return new Plan(plan.node(), plan.targetFile(), plan.previewFile(), plan.current(), plan.currentHash(),
                proposed, merge);
    }

    /** Plans and previews the selected workers' own configs (SPEC step 11); writes nothing else. */
    public List<WorkerSetup.Change> planWorkers() throws Exception {
        return planWorkers(selectedWorkers());
    }

    /** Plans and previews these workers' own configs; writes nothing else. */
    public List<WorkerSetup.Change> planWorkers(Collection<String> workers) throws Exception {
        Set<String> wanted = Set.copyOf(workers);
        List<Node> chosen = cluster.workers().stream().filter(w -> wanted.contains(w.name())).toList();
        return workerSetup.plan(chosen);
    }

    /** Writes the previewed worker configs and brings their tunnels up. */
    public List<WorkerSetup.Result> applyWorkers(List<WorkerSetup.Change> planned) throws Exception {
        return workerSetup.apply(planned.stream().map(WorkerSetup.Change::worker).toList());
    }

    // ---- apply, validate, restore --------------------------------------------------------

    /**
     * Applies a plan the operator confirmed: nothing when it changes nothing; otherwise commit
     * (lock, hash check, backup, atomic write, reload), validate, and roll back on failure.
     */
    public ApplyOutcome apply(Plan plan) throws HubException, PlanRefused {
        if (!plan.pendingKeys().isEmpty()) {
            plan = withMadeKeys(plan);
        }
        List<PeerSpec> expected = plan.proposed().peers().stream().map(PeerBlock::toSpec).toList();
        if (!plan.changed()) {
            Validation.Report report = validateAgainst(state(), expected);
            if (!report.passed() && state().live().isPresent()) {
                // The file is as planned but the interface is not: a run cut before its reload.
                state = hub.reload();
                report = validateAgainst(state, expected);
            }
            return new ApplyOutcome(plan, false, null, report, false);
        }
        Commit commit = hub.commit(plan.proposed().render(), plan.currentHash());
        state = commit.after();
        Validation.Report report = validateAgainst(state, expected, commit.interfaceKeyBefore());
        if (!report.passed() && commit.backupName() != null) {
            state = hub.rollback(commit.backupName(), commit.after().hash());
            return told(verbOf(plan), new ApplyOutcome(plan, true, commit.backupName(), report, true));
        }
        return told(verbOf(plan), new ApplyOutcome(plan, true, commit.backupName(), report, false));
    }

    private Validation.Report validateAgainst(HubState s, List<PeerSpec> expected) {
        return validateAgainst(s, expected, Optional.empty());
    }

    /** After a commit: the interface must also still have the key it had before the reload. */
    private Validation.Report validateAgainst(HubState s, List<PeerSpec> expected, Optional<String> keyBefore) {
        WgConfig file = s.hasFile() ? WgConfig.parse(source(), s.text()) : null;
        return Validation.check(file, s.live(), expected, workerNames(), keyBefore);
    }

    private Set<String> workerNames() {
        return cluster.workers().stream().map(Node::name).collect(Collectors.toSet());
    }

    /**
     * Every inventory worker whose key is known is a peer in the file and the running interface
     * with the expected key and AllowedIPs; extra peers are reported as preserved.
     */
    public Validation.Report validate() throws HubException {
        refresh();
        resolveKeysQuietly(cluster.workers());
        List<PeerSpec> expected = new ArrayList<>();
        for (Node w : cluster.workers()) {
            expected.add(w.asPeer(knownKeys.get(w.name())));
        }
        return validateAgainst(state, expected);
    }

    private void resolveKeysQuietly(Collection<Node> workers) {
        try {
            resolveKeys(List.copyOf(workers));
        } catch (PlanRefused e) {
            // validation goes on with the keys the inventory has
        }
    }

    public List<Backup> backups() throws HubException {
        return hub.backups();
    }

    /** The redacted diff from the current file to a backup: what restoring it would do. */
    public String backupDiff(String backupName) throws HubException {
        String current = state().hasFile() ? state().text() : "";
        return Plan.unifiedDiff(current, hub.readBackup(backupName), hub.configPath() + " (current)", backupName);
    }

    /**
     * What restoring {@code backupName} would do: the backup as the proposed file and the peers it
     * adds, changes and removes against the current file. Writes nothing.
     */
    public Plan restorePlan(String backupName) throws HubException, ConfigException {
        String content = hub.readBackup(backupName);
        WgConfig restored = WgConfig.parse(hub.node() + ":" + backupName, content);
        ConfigCheck.requireValid(restored, true);
        refresh();
        WgConfig current = currentConfig();
        return new Plan(hub.node(), hub.configPath(), null, current, state.hash(), restored,
                PeerMerge.changes(current, restored));
    }

    /** Restores a backup the operator confirmed: current file backed up first, reload, validate. */
    public ApplyOutcome restore(String backupName) throws HubException, ConfigException {
        return restore(restorePlan(backupName));
    }

    /**
     * Restores what {@link #restorePlan} showed the operator; refused if the file changed since
     * (the same check as an apply's).
     */
    public ApplyOutcome restore(Plan plan) throws HubException {
        WgConfig restored = plan.proposed();
        String content = restored.render();
        if (state().hasFile() && state.text().equals(content)) {
            return new ApplyOutcome(plan, false, null, validateAgainst(state, specs(restored)), false);
        }
        Commit commit = hub.commit(content, plan.currentHash());
        state = commit.after();
        Validation.Report report = validateAgainst(state, specs(restored), commit.interfaceKeyBefore());
        if (!report.passed() && commit.backupName() != null) {
            state = hub.rollback(commit.backupName(), commit.after().hash());
            return told("restore", new ApplyOutcome(plan, true, commit.backupName(), report, true));
        }
        return told("restore", new ApplyOutcome(plan, true, commit.backupName(), report, false));
    }

    private static List<PeerSpec> specs(WgConfig config) {
        return config.peers().stream().map(PeerBlock::toSpec).toList();
    }

    // ---- health and drift ----------------------------------------------------------------

    /** Handshake age per peer on the hub; a ping over the tunnel to each when {@code ping}. */
    public List<PeerHealth> health(boolean ping) throws HubException {
        refresh();
        WgConfig config = currentConfig();
        if (config == null) {
            return List.of();
        }
        Optional<LiveState> live = state.live();
        List<PeerHealth> out = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (PeerBlock p : config.peers()) {
            String address = p.allowedIps().isEmpty() ? null : p.allowedIps().get(0).replaceAll("/\\d+$", "");
            addresses.add(address);
        }
        Map<String, Boolean> pings = new HashMap<>();
        Map<String, String> pingDetail = new HashMap<>();
        if (ping) {
            List<String> targets = addresses.stream().filter(a -> a != null).toList();
            Optional<List<Hub.PingResult>> results = hub.ping(targets);
            results.ifPresent(rs -> rs.forEach(r -> {
                pings.put(r.address(), r.reachable());
                pingDetail.put(r.address(), r.detail());
            }));
        }
        long now = now();
        for (int i = 0; i < config.peers().size(); i++) {
            PeerBlock p = config.peers().get(i);
            String address = addresses.get(i);
            Optional<LiveState.LivePeer> lp = live.flatMap(l -> p.publicKey().flatMap(l::peer));
            Optional<Long> age = lp.flatMap(x -> x.handshakeAge(now));
            String detail = live.isEmpty() ? "interface not running" : lp.isEmpty() ? "not in the running interface"
                    : age.isEmpty() ? "no handshake yet" : "";
            if (pingDetail.containsKey(address) && !pingDetail.get(address).isEmpty()) {
                detail = detail.isEmpty() ? pingDetail.get(address) : detail + "; " + pingDetail.get(address);
            }
            out.add(new PeerHealth(p.name(), address == null ? "-" : address, age,
                    lp.map(x -> x.stale(now)).orElse(true), Optional.ofNullable(pings.get(address)), detail));
        }
        return out;
    }

    /**
     * Running interface against the file, by key, endpoints ignored. Empty when they agree;
     * empty Optional when the interface is not running (or the hub is a local file).
     */
    public Optional<List<Drift.Change>> drift() throws HubException {
        refresh();
        Optional<String> running = hub.runningConfig();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        WgConfig run = WgConfig.parse(hub.node() + ":running", running.get());
        WgConfig file = currentConfig();
        if (file == null) {
            file = WgConfig.parse(source(), "");
        }
        return Optional.of(Drift.compare(run, file));
    }

    @Override
    public void close() {
        hub.close();
    }
}
