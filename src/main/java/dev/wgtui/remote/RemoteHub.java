package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.config.Keys;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.BackupNames;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.hub.RunReport;
import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.plan.Plan;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The hub over a {@link HostShell} (SSH): every operation is one remote {@code sh} script, one
 * round trip — {@code read} prints the file and {@code wg show dump}; {@code commit} locks,
 * checks the hash, backs up, writes atomically, reloads with {@code wg syncconf} and prints the
 * state after. The hub's private key is never printed by any of them.
 *
 * <p>A commit (and a rollback or reload) runs as a job detached from the SSH session, so a
 * cut connection, a killed client or a timeout never stops it half way. Its outcome stays on
 * the hub until a client got it: outcomes no client got come back from the next {@link #read()}
 * as {@link HubState#unreported()}.
 */
public final class RemoteHub implements Hub {

    private static final Pattern INTERFACE = Pattern.compile("[a-zA-Z0-9_=+.-]{1,15}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{16}");

    /**
     * The most calls a commit job makes that each wait up to {@code wgTimeout} + 5 s (commit-job.sh,
     * the longest path: a commit whose reload fails at its last step, then the backup put back and
     * reloaded): public key before 1, key 3, sync 1 + 2, reload 7, restore (sync 1 + 2, reload 8).
     * A commit's round trip waits longer than all of them together.
     */
    static final int JOB_BOUNDED_CALLS = 25;

    /** Where things are on the hub; {@link #standard} in production, a temp dir in tests. */
    public record Layout(String configDir, String previewDir, String lockFile, String privateKeyFile,
                         String publicKeyFile) {

        /** {@code /etc/wireguard}, previews in {@code /tmp}, lock {@code /etc/wireguard/.<if>.lock}. */
        public static Layout standard(String iface) {
            return under("/etc/wireguard", "/tmp", iface);
        }

        /** The standard names under other directories. */
        public static Layout under(String configDir, String previewDir, String iface) {
            return new Layout(configDir, previewDir, configDir + "/." + iface + ".lock", configDir + "/privatekey",
                    configDir + "/publickey");
        }
    }

    /**
     * How to talk to the hub: {@code become} wraps each script in {@code sudo -n}; {@code timeout}
     * bounds each round trip (a commit's: that plus every bounded call of its job, see
     * {@link #JOB_BOUNDED_CALLS}), {@code wgTimeout} each call on the hub that waits (wg, wg-quick, sync, ip);
     * {@code clock} names backups; {@code echo} gets the {@code [#]} lines of {@code --verbose}.
     */
    public record Settings(boolean become, Duration timeout, Duration wgTimeout, Clock clock,
                           Consumer<String> echo) {

        public Settings {
            Objects.requireNonNull(timeout);
            Objects.requireNonNull(wgTimeout);
            Objects.requireNonNull(clock);
            Objects.requireNonNull(echo);
        }

        public static Settings defaults() {
            return new Settings(false, Duration.ofSeconds(90), Duration.ofSeconds(30), Clock.systemUTC(), line -> {
            });
        }

        public Settings withBecome(boolean b) {
            return new Settings(b, timeout, wgTimeout, clock, echo);
        }

        public Settings withEcho(Consumer<String> e) {
            return new Settings(become, timeout, wgTimeout, clock, e);
        }

        public Settings withClock(Clock c) {
            return new Settings(become, timeout, wgTimeout, c, echo);
        }

        public Settings withTimeouts(Duration roundTrip, Duration wg) {
            return new Settings(become, roundTrip, wg, clock, echo);
        }
    }

    private final String node;
    private final String iface;
    private final Layout layout;
    private final Settings settings;
    private final RemoteRunner runner;
    /** Test hooks ({@link RemoteScript#HOOKS}): KILL_AT, PAUSE_AT, PAUSE_FILE, LOCKER=mkdir. */
    private final Map<String, String> testVars = new LinkedHashMap<>();
    /** Outcomes no client got, read from the hub by this connection: every state carries them. */
    private final Map<String, RunReport> reported = new LinkedHashMap<>();
    private List<RunReport> running = List.of();

    /** The hub {@code hub} (its {@code wireguard_interface}) over {@code shell}, standard paths. */
    public RemoteHub(Node hub, HostShell shell, boolean become) {
        this(hub, shell, Layout.standard(hub.interfaceName()), Settings.defaults().withBecome(become));
    }

    public RemoteHub(Node hub, HostShell shell, Layout layout, Settings settings) {
        this(hub.name(), hub.interfaceName(), shell, layout, settings);
    }

    /** A host by name and interface; {@link WorkerDeploy} uses it for a worker's own config. */
    public RemoteHub(String node, String iface, HostShell shell, Layout layout, Settings settings) {
        if (!INTERFACE.matcher(iface).matches()) {
            throw new IllegalArgumentException(node + ": wireguard_interface '" + iface
                    + "' is not an interface name (1-15 of a-z A-Z 0-9 _ = + . -)");
        }
        this.node = node;
        this.iface = iface;
        this.layout = layout;
        this.settings = settings;
        this.runner = new RemoteRunner(shell, settings.become(), settings.echo());
    }

    /** True when the inventory sets {@code ansible_become} for {@code node}. */
    public static boolean becomeFor(Node node) {
        return RemoteRunner.becomeFor(node);
    }

    /** How many round trips (remote commands) this hub has made so far. */
    public long roundTrips() {
        return runner.roundTrips();
    }

    public String interfaceName() {
        return iface;
    }

    public Layout layout() {
        return layout;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public String configPath() {
        return layout.configDir() + "/" + fileName();
    }

    @Override
    public String previewPath() {
        return layout.previewDir() + "/" + fileName() + ".preview";
    }

    private String fileName() {
        return iface + ".conf";
    }

    @Override
    public HubState read() throws HubException {
        RemoteRunner.Reply reply = run("cat " + configPath() + "; wg show " + iface + " dump", script("read.sh"),
                new byte[0]);
        return stateOf(reply.frames());
    }

    /**
     * The public key of the private key file this host's config loads ({@code wg set %i
     * private-key FILE} in a hook, exactly {@link Layout#privateKeyFile()}); empty when it loads
     * no such file or the file cannot be read. For a worker whose key was rotated on its disk.
     */
    public Optional<String> keyFilePublicKey() throws HubException {
        RemoteRunner.Reply reply = run("wg pubkey < " + layout.privateKeyFile(), script("key-file.sh"), new byte[0]);
        String key = reply.frames().first("key").map(Frames.Frame::body).orElse("").strip();
        return Keys.isValid(key) ? Optional.of(key) : Optional.empty();
    }

    /** The state in the frames of {@code read.sh}, also when another script ran before it in the same round trip. */
    HubState stateOf(Frames f) throws HubException {
        Optional<Frames.Frame> down = f.first("down");
        if (down.isPresent() && deniedByPermissions(down.get().body())) {
            throw new HubException(HubException.Kind.HOST, node + ": cannot read interface " + iface
                    + ": permission denied (connect as root or set ansible_become)");
        }
        return state(f);
    }

    private static boolean deniedByPermissions(String why) {
        String s = why.toLowerCase(Locale.ROOT);
        return s.contains("not permitted") || s.contains("permission denied");
    }

    @Override
    public void writePreview(String text) throws HubException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        run("write " + previewPath() + " (0600)", script("preview.sh")
                .set("PREVIEW", previewPath())
                .set("PREVIEW_DIR", layout.previewDir())
                .set("NEWHASH", Plan.hash(text)), bytes);
    }

    @Override
    public Commit commit(String text, String expectedHash) throws HubException {
        return commit(text, expectedHash, false);
    }

    /**
     * As {@link #commit(String, String)}; with {@code loadKeyFile} the reload gives the interface
     * the key in the key file its config loads in PostUp, not the running one: a worker, whose
     * key file is its identity (the hub was planned with that key).
     */
    Commit commit(String text, String expectedHash, boolean loadKeyFile) throws HubException {
        if (!expectedHash.equals("absent") && !expectedHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a hash: " + expectedHash);
        }
        RemoteScript script = commitScript(text, expectedHash, newToken());
        if (loadKeyFile) {
            script.set("KEYSRC", "file");
        }
        RemoteRunner.Reply reply = job("lock, check, back up and write " + configPath() + ", reload " + iface,
                script, text.getBytes(StandardCharsets.UTF_8));
        String backup = reply.frames().first("backup").map(b -> b.body().strip()).orElse("");
        Optional<String> before = reply.frames().first("before").map(b -> b.body().strip())
                .filter(k -> !k.isEmpty() && !k.equals("(none)"));
        return new Commit(backup.isEmpty() ? null : backup, state(reply.frames()), before);
    }

    /** The script of a commit of {@code text} over the file whose hash is {@code expectedHash}. */
    RemoteScript commitScript(String text, String expectedHash, String token) {
        return jobScript("commit", token)
                .set("EXPECT", expectedHash)
                .set("NEWHASH", Plan.hash(text))
                .set("STAMP", STAMP.format(settings.clock().instant()));
    }

    @Override
    public HubState rollback(String backupName) throws HubException {
        return rollback(backupName, "");
    }

    /** As {@link Hub#rollback(String, String)}, the hash checked on the hub under the lock. */
    @Override
    public HubState rollback(String backupName, String expectedHash) throws HubException {
        checkBackupName(backupName);
        RemoteRunner.Reply reply = job("put " + backupName + " back as " + configPath() + ", reload " + iface,
                jobScript("rollback", newToken()).set("NAME", backupName).set("EXPECT", expectedHash), new byte[0]);
        return state(reply.frames());
    }

    /**
     * Loads the file into the running interface again (or brings it up), under the lock; the
     * interface keeps its private key.
     */
    @Override
    public HubState reload() throws HubException {
        RemoteRunner.Reply reply = job("reload " + iface + " from " + configPath(),
                jobScript("reload", newToken()), new byte[0]);
        return state(reply.frames());
    }

    /**
     * As {@link #reload()}, but the interface takes its private key from the key file the config
     * loads in PostUp: a worker whose key pair was rotated on disk.
     */
    public HubState reloadWithKeyFile() throws HubException {
        RemoteRunner.Reply reply = job("reload " + iface + " from " + configPath() + " with the key in "
                + layout.privateKeyFile(), jobScript("reload", newToken()).set("KEYSRC", "file"), new byte[0]);
        return state(reply.frames());
    }

    /**
     * commit.sh, which starts commit-job.sh detached on the hub and relays its frames: both get
     * every variable set on it, the job's text goes in {@code JOB}.
     */
    private RemoteScript jobScript(String mode, String token) {
        return script("commit.sh").withJob("commit-job.sh")
                .set("MODE", mode).set("TOKEN", token).set("KEYSRC", "running")
                .set("EXPECT", "").set("NAME", "").set("NEWHASH", "").set("STAMP", "");
    }

    private static String newToken() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** How long a commit's round trip may take: longer than every bounded call of its job together. */
    Duration jobTimeout() {
        return settings.timeout().plus(settings.wgTimeout().plusSeconds(5).multipliedBy(JOB_BOUNDED_CALLS));
    }

    /**
     * Runs a job script. When the round trip breaks (cut, timeout), the job goes on on the hub
     * and the next run reports how it ended.
     */
    private RemoteRunner.Reply job(String what, RemoteScript script, byte[] stdin) throws HubException {
        try {
            return run(what, script, stdin, jobTimeout());
        } catch (HubException e) {
            // Only a round trip that broke off may have left the job running: not one that never
            // started it (sudo wants a password, a tool is missing, no login).
            if (e.getCause() instanceof HostException h && (h.kind() == HostException.Kind.TIMEOUT
                    || h.kind() == HostException.Kind.CONNECT || h.kind() == HostException.Kind.COMMAND)
                    && !h.getMessage().contains("nothing ran")) {
                throw new HubException(e.kind(), e.getMessage() + "; on the hub the change runs to its end (or is "
                        + "rolled back) by itself, never half way: the next wgtui run says how it ended", e.getCause());
            }
            throw e;
        }
    }

    @Override
    public List<Backup> backups() throws HubException {
        RemoteRunner.Reply reply = run("list " + configPath() + ".*.backup", script("backups.sh"), new byte[0]);
        List<Backup> out = new ArrayList<>();
        String list = reply.frames().first("list").map(Frames.Frame::body).orElse("");
        for (String line : list.split("\n")) {
            String[] f = line.split("\t");
            // A damaged backup (not what was written) is not offered for a restore.
            if (f.length != 3 || f[2].equals("damaged") || !BackupNames.isBackupOf(f[0], fileName())
                    || !BackupNames.isSafe(f[0])) {
                continue;
            }
            Optional<Instant> time = BackupNames.timeOf(f[0]);
            if (time.isPresent() && f[1].matches("\\d{1,9}")) {
                out.add(new Backup(f[0], time.get(), Integer.parseInt(f[1])));
            }
        }
        out.sort((a, b) -> BackupNames.NEWEST_FIRST.compare(a.name(), b.name()));
        return out;
    }

    @Override
    public String readBackup(String name) throws HubException {
        checkBackupName(name);
        RemoteRunner.Reply reply = run("cat " + layout.configDir() + "/" + name,
                script("read-backup.sh").set("NAME", name), new byte[0]);
        return reply.frames().first("file").map(Frames.Frame::body)
                .orElseThrow(() -> new HubException(HubException.Kind.FILE, node + ": no backup named '" + name + "'"));
    }

    private void checkBackupName(String name) throws HubException {
        if (name == null || !BackupNames.isSafe(name) || !BackupNames.isBackupOf(name, fileName())) {
            throw new HubException(HubException.Kind.FILE, node + ": '" + name + "' is not a backup of " + fileName());
        }
    }

    @Override
    public Optional<String> runningConfig() throws HubException {
        RemoteRunner.Reply reply = run("wg showconf " + iface + " (PrivateKey removed)", script("running.sh"),
                new byte[0]);
        return reply.frames().first("conf").map(Frames.Frame::body);
    }

    @Override
    public String strippedConfig() throws HubException {
        RemoteRunner.Reply reply = run("wg-quick strip " + configPath() + " (PrivateKey removed)",
                script("stripped.sh"), new byte[0]);
        return reply.frames().first("conf").map(Frames.Frame::body).orElse("");
    }

    @Override
    public Optional<List<PingResult>> ping(List<String> addresses) throws HubException {
        List<String> valid = addresses.stream().filter(a -> ADDRESS.matcher(a).matches()).distinct().toList();
        Map<String, PingResult> results = new LinkedHashMap<>();
        if (!valid.isEmpty()) {
            RemoteRunner.Reply reply = run("ping -c 1 -W 2 each of " + String.join(" ", valid),
                    script("ping.sh").set("ADDRS", String.join(" ", valid)), new byte[0]);
            for (Frames.Frame p : reply.frames().all("ping")) {
                String[] f = p.body().strip().split("\t", 3);
                if (f.length >= 2) {
                    results.put(f[1], new PingResult(f[1], f[0].equals("ok"), f.length > 2 ? f[2] : ""));
                }
            }
        }
        List<PingResult> out = new ArrayList<>();
        for (String a : addresses) {
            out.add(results.getOrDefault(a, new PingResult(a, false,
                    ADDRESS.matcher(a).matches() ? "no answer from the hub" : "not an IP address")));
        }
        return Optional.of(out);
    }

    /** The hub's public key: from the running interface, else {@code wg pubkey} of its key file. */
    public String publicKey() throws HubException {
        RemoteRunner.Reply reply = run("wg show " + iface + " public-key", script("public-key.sh"), new byte[0]);
        String body = reply.frames().first("key").map(Frames.Frame::body).orElse("");
        String[] lines = body.strip().split("\n");
        String key = lines[lines.length - 1].strip();
        if (!Keys.isValid(key)) {
            throw new HubException(HubException.Kind.HOST, node + ": did not print a WireGuard public key");
        }
        return key;
    }

    /** Closes the connection to the hub. */
    @Override
    public void close() {
        runner.shell().close();
    }

    // ---- plumbing ------------------------------------------------------------------------

    /** Test hook: sets one of {@link RemoteScript#HOOKS} for every script from now on. */
    void testVar(String name, String value) {
        if (!RemoteScript.HOOKS.contains(name)) {
            throw new IllegalArgumentException("not a test hook: " + name);
        }
        testVars.put(name, value);
    }

    private RemoteScript script(String name) {
        return RemoteScript.of(name)
                .set("IF", iface)
                .set("DIR", layout.configDir())
                .set("BASE", fileName())
                .set("CONF", configPath())
                .set("SUMS", layout.configDir() + "/" + BackupNames.hashesOf(fileName()))
                .set("PREVIEW", previewPath())
                .set("LOCK", layout.lockFile())
                .set("KEYFILE", layout.privateKeyFile())
                .set("PUBFILE", layout.publicKeyFile())
                .set("WAIT", Long.toString(Math.max(1, settings.wgTimeout().toSeconds())))
                .setAll(testVars);
    }

    private RemoteRunner.Reply run(String what, RemoteScript script, byte[] stdin) throws HubException {
        return run(what, script, stdin, settings.timeout());
    }

    private RemoteRunner.Reply run(String what, RemoteScript script, byte[] stdin, Duration timeout)
            throws HubException {
        RemoteRunner.Reply reply;
        try {
            reply = runner.run(what, script, stdin, timeout);
        } catch (HostException e) {
            HubException.Kind kind = e.kind() == HostException.Kind.HOST_KEY ? HubException.Kind.HOST_KEY
                    : HubException.Kind.HOST;
            throw new HubException(kind, Secrets.scrub(e.getMessage()), e);
        }
        Optional<ScriptFailure> failure = reply.frames().failure();
        if (failure.isPresent()) {
            throw toHubException(failure.get());
        }
        return reply;
    }

    private HubException toHubException(ScriptFailure f) {
        String message = Secrets.scrub(f.message());
        return switch (f.kind()) {
            case "LOCKED" -> new HubException(HubException.Kind.LOCKED, node + ": " + message);
            case "CONFLICT" -> new HubException(HubException.Kind.CONFLICT, node + ": " + message);
            case "FILE" -> new HubException(HubException.Kind.HOST, node + ": " + f.step() + ": " + message);
            case "KEY" -> new HubException(HubException.Kind.FILE, node + ": " + message);
            case "DIED" -> new HubException(HubException.Kind.HOST, node + ": " + message + " (it got to step "
                    + f.step() + ")");
            case "RELOAD" -> new HubException(HubException.Kind.RELOAD, node + ": reload failed at " + f.step()
                    + ": " + message);
            case "MISSING_TOOL" -> new HubException(HubException.Kind.HOST, node + ": " + message,
                    new HostException(HostException.Kind.MISSING_TOOL, node, message));
            default -> new HubException(HubException.Kind.HOST, node + ": " + f.step() + ": " + message,
                    new HostException(HostException.Kind.COMMAND, node, message));
        };
    }

    private HubState state(Frames f) throws HubException {
        String text = f.first("file").map(Frames.Frame::body).orElse(null);
        if (text == null && !f.has("nofile")) {
            throw new HubException(HubException.Kind.HOST, node + ": the hub did not print " + configPath());
        }
        if (text != null && text.indexOf('\uFFFD') >= 0) {
            // Read as UTF-8, a byte that is not would come back changed: refuse rather than rewrite it.
            int line = (int) text.substring(0, text.indexOf('\uFFFD')).chars().filter(c -> c == '\n').count() + 1;
            throw new HubException(HubException.Kind.FILE, node + ":" + configPath() + ":" + line
                    + ": not UTF-8 text; wgtui will not rewrite it (convert the file to UTF-8 first)");
        }
        Optional<LiveState> live = Optional.empty();
        Optional<Frames.Frame> dump = f.first("dump");
        if (dump.isPresent() && !dump.get().body().isBlank()) {
            try {
                live = Optional.of(LiveState.parse(dump.get().body()));
            } catch (IllegalArgumentException e) {
                throw new HubException(HubException.Kind.HOST, node + ": unexpected output of wg show " + iface
                        + " dump: " + e.getMessage(), e);
            }
        }
        return new HubState(text, live, unreported(f));
    }

    /**
     * The outcomes of jobs no client got, from this script's "run" frames (the hub reports each
     * once), plus those this connection read before: every state this hub returns carries them,
     * so each face can tell the operator.
     */
    private synchronized List<RunReport> unreported(Frames f) {
        List<RunReport> now = new ArrayList<>();
        for (Frames.Frame frame : f.all("run")) {
            Map<String, String> r = new LinkedHashMap<>();
            String step = "";
            for (String line : frame.body().split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    String key = line.substring(0, tab);
                    String value = line.substring(tab + 1);
                    if (key.equals("step")) {
                        step = value;
                    }
                    r.put(key, value);
                }
            }
            String token = r.getOrDefault("token", "");
            if (!TOKEN.matcher(token).matches()) {
                continue;
            }
            String mode = r.getOrDefault("mode", "commit");
            Instant started = r.getOrDefault("started", "").matches("\\d{1,12}")
                    ? Instant.ofEpochSecond(Long.parseLong(r.get("started"))) : null;
            String result = r.get("result");
            RunReport report;
            if (result == null) {
                boolean running = "running".equals(r.get("jobstate"));
                report = new RunReport(mode, started, running ? RunReport.Outcome.RUNNING : RunReport.Outcome.STOPPED,
                        step, "", null);
            } else if (result.startsWith("ok")) {
                String backup = result.length() > 3 ? result.substring(3).strip() : "";
                report = new RunReport(mode, started, RunReport.Outcome.DONE, step, "",
                        BackupNames.isSafe(backup) ? backup : null);
            } else {
                String[] parts = result.split("\t", 4);
                String at = parts.length > 2 ? parts[2] : step;
                String why = parts.length > 3 ? parts[3] : result;
                report = new RunReport(mode, started, RunReport.Outcome.FAILED, at, Secrets.scrub(why), null);
            }
            if (report.outcome() == RunReport.Outcome.RUNNING) {
                now.add(report);
            } else {
                reported.put(token, report);
            }
        }
        running = now;
        List<RunReport> all = new ArrayList<>(reported.values());
        all.addAll(running);
        return all;
    }
}
