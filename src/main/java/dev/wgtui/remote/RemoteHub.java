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
import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.plan.Plan;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
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
 */
public final class RemoteHub implements Hub {

    private static final Pattern INTERFACE = Pattern.compile("[a-zA-Z0-9_=+.-]{1,15}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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
     * bounds each round trip, {@code wgTimeout} each {@code wg}/{@code wg-quick} call on the hub;
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
    /** Extra script variables for tests: KILL_AT (kill -9 the script at a step), LOCKER=mkdir. */
    private final Map<String, String> testVars = new LinkedHashMap<>();

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
        if (!expectedHash.equals("absent") && !expectedHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a hash: " + expectedHash);
        }
        RemoteRunner.Reply reply = run("lock, check, back up and write " + configPath() + ", reload " + iface,
                script("commit.sh")
                        .set("MODE", "commit")
                        .set("EXPECT", expectedHash)
                        .set("NEWHASH", Plan.hash(text))
                        .set("STAMP", STAMP.format(settings.clock().instant())),
                text.getBytes(StandardCharsets.UTF_8));
        String backup = reply.frames().first("backup").map(b -> b.body().strip()).orElse("");
        return new Commit(backup.isEmpty() ? null : backup, state(reply.frames()));
    }

    @Override
    public HubState rollback(String backupName) throws HubException {
        return rollback(backupName, "");
    }

    /** As {@link Hub#rollback(String, String)}, the hash checked on the hub under the lock. */
    @Override
    public HubState rollback(String backupName, String expectedHash) throws HubException {
        checkBackupName(backupName);
        RemoteRunner.Reply reply = run("put " + backupName + " back as " + configPath() + ", reload " + iface,
                script("commit.sh").set("MODE", "rollback").set("NAME", backupName).set("EXPECT", expectedHash),
                new byte[0]);
        return state(reply.frames());
    }

    /** Loads the file into the running interface again (or brings it up), under the lock. */
    @Override
    public HubState reload() throws HubException {
        RemoteRunner.Reply reply = run("reload " + iface + " from " + configPath(),
                script("commit.sh").set("MODE", "reload"), new byte[0]);
        return state(reply.frames());
    }

    @Override
    public List<Backup> backups() throws HubException {
        RemoteRunner.Reply reply = run("list " + configPath() + ".*.backup", script("backups.sh"), new byte[0]);
        List<Backup> out = new ArrayList<>();
        String list = reply.frames().first("list").map(Frames.Frame::body).orElse("");
        for (String line : list.split("\n")) {
            String[] f = line.split("\t");
            if (f.length != 2 || !BackupNames.isBackupOf(f[0], fileName()) || !BackupNames.isSafe(f[0])) {
                continue;
            }
            Optional<java.time.Instant> time = BackupNames.timeOf(f[0]);
            if (time.isPresent() && f[1].matches("\\d{1,9}")) {
                out.add(new Backup(f[0], time.get(), Integer.parseInt(f[1])));
            }
        }
        out.sort(Comparator.comparing(Backup::name).reversed());
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

    /** Test hook: extra variables for the scripts (KILL_AT=step, LOCKER=mkdir). */
    void testVar(String name, String value) {
        testVars.put(name, value);
    }

    private RemoteScript script(String name) {
        return RemoteScript.of(name)
                .set("IF", iface)
                .set("DIR", layout.configDir())
                .set("BASE", fileName())
                .set("CONF", configPath())
                .set("LOCK", layout.lockFile())
                .set("KEYFILE", layout.privateKeyFile())
                .set("PUBFILE", layout.publicKeyFile())
                .set("WAIT", Long.toString(Math.max(1, settings.wgTimeout().toSeconds())))
                .setAll(testVars);
    }

    private RemoteRunner.Reply run(String what, RemoteScript script, byte[] stdin) throws HubException {
        RemoteRunner.Reply reply;
        try {
            reply = runner.run(what, script, stdin, settings.timeout());
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
        return new HubState(text, live);
    }
}
