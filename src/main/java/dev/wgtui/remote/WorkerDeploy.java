package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.config.Cidr;
import dev.wgtui.core.config.ConfigCheck;
import dev.wgtui.core.config.ConfigLine;
import dev.wgtui.core.config.Keys;
import dev.wgtui.core.config.PeerBlock;
import dev.wgtui.core.config.PeerMerge;
import dev.wgtui.core.config.PeerSpec;
import dev.wgtui.core.config.Problem;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.plan.Plan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A worker's own config, end to end: its [Interface] (Address, ListenPort, the private key
 * loaded from its key file in PostUp so it never travels) and one [Peer] for the hub (key,
 * Endpoint, the overlay as AllowedIPs, PersistentKeepalive). Written with the hub's safety:
 * preview first, then lock, hash check, backup, atomic write, and syncconf or {@code wg-quick up}.
 * A worker that has a config already keeps it; only its hub peer is added or updated.
 */
public final class WorkerDeploy {

    public static final int DEFAULT_KEEPALIVE = 25;

    /** What deploying would write on one worker; {@code current} is null when it has no config. */
    public record WorkerPlan(String worker, String configPath, String current, String currentHash, String proposed) {
        public boolean changed() {
            return current == null || !current.equals(proposed);
        }

        /** The redacted unified diff an operator confirms. */
        public String diff() {
            return Plan.unifiedDiff(current == null ? "" : current, proposed, worker + ":" + configPath + " (current)",
                    worker + ":" + configPath + " (new)");
        }
    }

    /**
     * A worker after deployment: the backup taken (null: none), its state, what is wrong with it,
     * and whether its unchanged file's interface was reloaded with the key file (a rotated key).
     */
    public record Outcome(String worker, boolean written, String backupName, HubState after, List<String> problems,
                          boolean reloadedWithKeyFile) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Node hub;
    private final String hubPublicKey;
    private final String overlay;

    /**
     * @param hubPublicKey the hub's key ({@link RemoteHub#publicKey()})
     * @param overlay      the overlay network every worker routes to the hub, e.g. {@code 10.0.0.0/24}
     */
    public WorkerDeploy(Node hub, String hubPublicKey, String overlay) {
        if (!Keys.isValid(hubPublicKey)) {
            throw new IllegalArgumentException(hub.name() + ": not a WireGuard public key");
        }
        if (Cidr.parse(overlay).isEmpty()) {
            throw new IllegalArgumentException("overlay " + overlay + " is not a CIDR");
        }
        this.hub = hub;
        this.hubPublicKey = hubPublicKey;
        this.overlay = overlay;
    }

    /** The overlay network of the hub's address with {@code prefix} bits: 10.0.0.20, 24 gives 10.0.0.0/24. */
    public static String overlayOf(Node hub, String prefix) {
        Cidr c = Cidr.parse(hub.wireguardIp() + "/" + prefix).orElseThrow(() -> new IllegalArgumentException(
                hub.name() + ": " + hub.wireguardIp() + "/" + prefix + " is not a CIDR"));
        byte[] first = c.first();
        byte[] bytes = c.v6() ? first : Arrays.copyOfRange(first, 12, 16);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + c.prefix();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where workers reach the hub: {@code wireguard_endpoint}, else {@code ansible_host} (or its name) and port. */
    public static String endpointOf(Node hub) {
        String e = hub.endpoint();
        if (e != null && !e.isBlank()) {
            String s = e.strip();
            boolean hasPort = s.startsWith("[") ? s.contains("]:") : s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':');
            return hasPort ? s : hostPort(s, hub.port());
        }
        Object host = hub.vars().get("ansible_host");
        return hostPort(host == null ? hub.name() : String.valueOf(host).strip(), hub.port());
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The hub as the worker's one peer. */
    public PeerSpec hubPeer(Node worker) {
        int keepalive = worker.persistentKeepalive() == null ? DEFAULT_KEEPALIVE : worker.persistentKeepalive();
        return new PeerSpec(hub.name(), hubPublicKey, List.of(overlay), endpointOf(hub), keepalive);
    }

    /** The config of a worker that has none, its key loaded from {@code privateKeyFile}. */
    public String newConfig(Node worker, String prefix, String privateKeyFile) {
        PeerSpec p = hubPeer(worker);
        return "[Interface]\n"
                + "# written by wgtui for " + worker.name() + "\n"
                + "Address = " + worker.wireguardIp() + "/" + prefix + "\n"
                + "ListenPort = " + worker.port() + "\n"
                + "PostUp = wg set %i private-key " + privateKeyFile + "\n"
                + "\n"
                + "[Peer]\n"
                + "# " + p.name() + "\n"
                + "PublicKey = " + p.publicKey() + "\n"
                + "Endpoint = " + p.endpoint() + "\n"
                + "AllowedIPs = " + p.allowedIpsText() + "\n"
                + "PersistentKeepalive = " + p.persistentKeepalive() + "\n";
    }

    /**
     * Reads the worker's config (one round trip) and plans it: a new config, or the current one
     * with the hub's peer added or updated (matched by name, or by the hub's key).
     *
     * @throws IllegalArgumentException with the problems when the result would break the rules
     */
    public WorkerPlan plan(Node worker, RemoteHub on) throws HubException {
        return plan(worker, on, on.read());
    }

    /** As {@link #plan(Node, RemoteHub)}, from the worker's state as already read (no round trip). */
    public WorkerPlan plan(Node worker, RemoteHub on, HubState now) {
        String prefix = overlay.substring(overlay.indexOf('/') + 1);
        String source = worker.name() + ":" + on.configPath();
        PeerSpec want = hubPeer(worker);
        WgConfig current = null;
        List<String> interfaceEntries;
        String proposed;
        if (!now.hasFile()) {
            proposed = newConfig(worker, prefix, on.layout().privateKeyFile());
            interfaceEntries = List.of("address=" + worker.wireguardIp() + "/" + prefix,
                    "listenport=" + worker.port(), "postup=wg set %i private-key " + on.layout().privateKeyFile());
        } else {
            current = WgConfig.parse(source, now.text());
            Optional<PeerBlock> byKey = current.peers().stream()
                    .filter(p -> p.publicKey().filter(hubPublicKey::equals).isPresent()).findFirst();
            if (byKey.isPresent() && current.peer(want.name()).isEmpty()) {
                want = new PeerSpec(byKey.get().name(), want.publicKey(), want.allowedIps(), want.endpoint(),
                        want.persistentKeepalive());
            }
            try {
                proposed = PeerMerge.merge(current, List.of(want)).config().render();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("refusing to write " + source + ": " + e.getMessage(), e);
            }
            interfaceEntries = entries(current, "interface");
        }
        WgConfig rendered = WgConfig.parse(source, proposed);
        List<Problem> errors = ConfigCheck.problems(rendered, false).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("refusing to write " + source + ": "
                    + errors.stream().map(Problem::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        asPlanned(rendered, current, interfaceEntries, want).ifPresent(why -> {
            throw new IllegalArgumentException("refusing to write " + source + ": the config as written would not "
                    + "be the one planned (" + why + "); is a value in the inventory of " + hub.name() + " or "
                    + worker.name() + " (wireguard_endpoint, wireguard_ip, ...) more than one value?");
        });
        return new WorkerPlan(worker.name(), on.configPath(), now.text(), now.hash(), proposed);
    }

    /**
     * What is rendered is what is checked: the text about to be written, parsed again, must hold
     * exactly the planned sections and peers - the [Interface] as planned (or as it was), the
     * hub's peer with exactly the planned key, endpoint, AllowedIPs and keepalive, every other
     * peer as it was. Empty when it does; else what differs.
     */
    private static Optional<String> asPlanned(WgConfig rendered, WgConfig current, List<String> interfaceEntries,
                                              PeerSpec want) {
        List<String> sections = sections(rendered);
        List<String> wantSections = new ArrayList<>(current == null ? List.of("interface") : sections(current));
        if (current == null || current.peer(want.name()).isEmpty()) {
            wantSections.add("peer");
        }
        if (!sortedCopy(sections).equals(sortedCopy(wantSections))) {
            return Optional.of("sections " + sections + ", planned " + wantSections);
        }
        if (!entries(rendered, "interface").equals(interfaceEntries)) {
            return Optional.of("[Interface] is not as planned");
        }
        Optional<PeerBlock> hubPeer = rendered.peer(want.name());
        if (hubPeer.isEmpty()) {
            return Optional.of("no peer " + want.name());
        }
        PeerSpec got = hubPeer.get().toSpec();
        if (!want.publicKey().equals(got.publicKey()) || !want.allowedIps().equals(got.allowedIps())
                || !want.endpoint().equals(got.endpoint())
                || !java.util.Objects.equals(want.persistentKeepalive(), got.persistentKeepalive())) {
            return Optional.of("peer " + want.name() + " would have AllowedIPs " + got.allowedIpsText() + ", Endpoint "
                    + got.endpoint() + ", planned " + want.allowedIpsText() + ", " + want.endpoint());
        }
        List<String> allowed = new ArrayList<>(List.of("publickey", "endpoint", "allowedips", "persistentkeepalive"));
        if (current != null) {
            current.peer(want.name()).ifPresent(p -> p.lines().stream()
                    .filter(l -> l instanceof ConfigLine.Entry).map(l -> keyOf((ConfigLine.Entry) l)).forEach(allowed::add));
        }
        for (ConfigLine line : hubPeer.get().lines()) {
            if (line instanceof ConfigLine.Entry e && !allowed.contains(keyOf(e))) {
                return Optional.of("peer " + want.name() + " would have a " + e.key() + " line");
            }
        }
        List<String> others = rendered.peers().stream().filter(p -> !p.name().equals(want.name()))
                .map(WorkerDeploy::text).sorted().toList();
        List<String> before = current == null ? List.of() : current.peers().stream()
                .filter(p -> !p.name().equals(want.name())).map(WorkerDeploy::text).sorted().toList();
        if (!others.equals(before)) {
            return Optional.of("the other peers would change");
        }
        return Optional.empty();
    }

    private static List<String> sections(WgConfig config) {
        return config.lines().stream().filter(l -> l instanceof ConfigLine.Section)
                .map(l -> ((ConfigLine.Section) l).name().toLowerCase(Locale.ROOT)).toList();
    }

    /** {@code key=value} of each entry in the sections named {@code section}, in order. */
    private static List<String> entries(WgConfig config, String section) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (ConfigLine line : config.lines()) {
            if (line instanceof ConfigLine.Section s) {
                in = s.is(section);
            } else if (in && line instanceof ConfigLine.Entry e) {
                out.add(keyOf(e) + "=" + e.value());
            }
        }
        return out;
    }

    private static String keyOf(ConfigLine.Entry e) {
        return e.key().toLowerCase(Locale.ROOT);
    }

    private static String text(PeerBlock p) {
        StringBuilder s = new StringBuilder();
        p.lines().stream().filter(l -> !(l instanceof ConfigLine.Blank)).forEach(l -> s.append(l.raw()).append('\n'));
        return s.toString();
    }

    private static List<String> sortedCopy(List<String> l) {
        return l.stream().sorted().toList();
    }

    /** Leaves the plan at the worker's preview path (dry-run); changes nothing else. */
    public void preview(WorkerPlan plan, RemoteHub on) throws HubException {
        on.writePreview(plan.proposed());
    }

    /**
     * Applies a confirmed plan (one round trip; nothing when it changes nothing) and checks the
     * worker's interface has the hub as a peer with the overlay as AllowedIPs.
     */
    public Outcome apply(WorkerPlan plan, RemoteHub on) throws HubException {
        return apply(plan, on, Optional.empty());
    }

    /**
     * As {@link #apply(WorkerPlan, RemoteHub)}; {@code plannedKey} is the worker's key the hub's
     * peer for it was planned with. When the file is as planned but the interface runs another
     * key, and the key file the config loads holds the planned one (a key rotated on the
     * worker's disk), the interface is reloaded with it; otherwise the running key stays.
     */
    public Outcome apply(WorkerPlan plan, RemoteHub on, Optional<String> plannedKey) throws HubException {
        HubState after;
        String backup = null;
        boolean written = plan.changed();
        boolean reloaded = false;
        if (written) {
            // A worker's key file is its identity: the hub's peer for it was planned with that key.
            Commit c = on.commit(plan.proposed(), plan.currentHash(), true);
            after = c.after();
            backup = c.backupName();
        } else {
            after = on.read();
            if (plannedKey.isPresent() && after.live().isPresent()
                    && !after.live().get().publicKey().equals(plannedKey.get())
                    && on.keyFilePublicKey().equals(plannedKey)) {
                after = on.reloadWithKeyFile();
                reloaded = true;
            }
        }
        return new Outcome(plan.worker(), written, backup, after, check(after), reloaded);
    }

    private List<String> check(HubState s) {
        List<String> problems = new ArrayList<>();
        if (s.live().isEmpty()) {
            problems.add("the interface is not running");
            return problems;
        }
        LiveState live = s.live().get();
        Optional<LiveState.LivePeer> p = live.peer(hubPublicKey);
        if (p.isEmpty()) {
            problems.add("the hub " + hub.name() + " is not a peer of the running interface");
        } else if (!p.get().allowedIps().contains(overlay)) {
            problems.add("the hub's AllowedIPs are " + p.get().allowedIps() + ", not " + overlay);
        }
        return problems;
    }
}
