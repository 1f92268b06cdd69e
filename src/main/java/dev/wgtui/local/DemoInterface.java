package dev.wgtui.local;

import dev.wgtui.core.config.PeerBlock;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.live.LiveState;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's running interface ({@code --demo} only): the sample's hub file with a simulated
 * WireGuard interface running it, so a new user sees every column and every report. Peers shake
 * hands every two minutes and move traffic; one peer (s2204) has gone stale; one (old-laptop)
 * never connected; one peer was added at runtime with {@code wg set} and is not in the file (a
 * drift), until a write reloads the interface. A peer the file gains shakes hands a few seconds
 * later. The file itself is the local hub's, written as {@link LocalHub} writes it.
 */
public final class DemoInterface implements Hub {

    /** The sample's peer whose last handshake is five minutes old and getting older. */
    static final String STALE = "s2204";
    /** The sample's peer that never connected (a laptop that is off). */
    static final String NEVER = "old-laptop";
    /** A phone added at runtime with {@code wg set}: in the interface, not in the file. */
    static final String RUNTIME_KEY = "d2d0dWktZGVtby1waG9uZS1hZGRlZC13aXRoLXdnISE=";
    static final String RUNTIME_IPS = "10.0.0.60/32";
    private static final String HUB_KEY = "k8sDemoHubPublicKeyNotRealNotRealNotReal00=";

    private final Hub file;
    private final Clock clock;
    private final long started;
    private final Map<String, Long> joined = new HashMap<>();
    private boolean drift = true;
    private boolean seen;

    public DemoInterface(Hub file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.started = clock.instant().getEpochSecond();
    }

    @Override
    public String node() {
        return file.node();
    }

    @Override
    public String configPath() {
        return file.configPath();
    }

    @Override
    public String previewPath() {
        return file.previewPath();
    }

    @Override
    public synchronized HubState read() throws HubException {
        String text = file.read().text();
        return new HubState(text, Optional.of(interfaceFor(text)));
    }

    private LiveState interfaceFor(String text) {
        long now = clock.instant().getEpochSecond();
        List<LiveState.LivePeer> peers = new ArrayList<>();
        List<PeerBlock> blocks = text == null ? List.of() : WgConfig.parse("demo", text).peers();
        for (int i = 0; i < blocks.size(); i++) {
            PeerBlock p = blocks.get(i);
            String key = p.publicKey().orElse("");
            // the peers of the file at start have been up for an hour; new ones join now
            long since = joined.computeIfAbsent(key, k -> seen ? now : started - 3600);
            int seed = Math.floorMod(key.hashCode(), 97);
            long up = Math.max(0, now - since);
            long handshake;
            String endpoint;
            if (p.name().equals(NEVER)) {
                handshake = 0;
                endpoint = null;
            } else if (p.name().equals(STALE)) {
                handshake = started - 290;
                endpoint = "203.0.113.7:41641";
            } else if (up < 3) {
                handshake = 0;  // a new peer: its first handshake is a moment away
                endpoint = null;
            } else {
                handshake = now - Math.floorMod(now + seed, 120);
                endpoint = "192.168.1." + (20 + i) + ":51820";
            }
            boolean moving = handshake != 0 && !p.name().equals(STALE);
            long rx = moving ? 1_200_000L * (seed + 1) + up * (900 + seed * 37L) : handshake == 0 ? 0 : 73_400_320;
            long tx = moving ? 340_000L * (seed + 1) + up * (300 + seed * 11L) : handshake == 0 ? 0 : 9_437_184;
            peers.add(new LiveState.LivePeer(key, false, endpoint, p.allowedIps(), handshake, rx, tx,
                    p.persistentKeepalive().map(DemoInterface::seconds).orElse(0)));
        }
        seen = true;
        if (drift) {
            long up = now - started + 3600;
            peers.add(new LiveState.LivePeer(RUNTIME_KEY, false, "198.51.100.23:60211", List.of(RUNTIME_IPS),
                    now - Math.floorMod(now, 110), 48_000L + up * 120, 96_000L + up * 240, 0));
        }
        return new LiveState(HUB_KEY, 51820, List.copyOf(peers));
    }

    private static int seconds(String keepalive) {
        try {
            return Integer.parseInt(keepalive.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void writePreview(String text) throws HubException {
        file.writePreview(text);
    }

    /** Writes the file as the local hub does; the reload that follows drops the runtime peer. */
    @Override
    public synchronized Commit commit(String text, String expectedHash) throws HubException {
        Commit c = file.commit(text, expectedHash);
        drift = false;
        return new Commit(c.backupName(), read());
    }

    @Override
    public synchronized HubState rollback(String backupName) throws HubException {
        file.rollback(backupName);
        return read();
    }

    @Override
    public HubState reload() throws HubException {
        return read();
    }

    /** The simulated interface is reloaded by a write, as a hub's is. */
    @Override
    public boolean reloads() {
        return true;
    }

    @Override
    public List<Backup> backups() throws HubException {
        return file.backups();
    }

    @Override
    public String readBackup(String name) throws HubException {
        return file.readBackup(name);
    }

    /** The interface as {@code wg showconf} would print it (keys of the hub hidden: it has none here). */
    @Override
    public synchronized Optional<String> runningConfig() throws HubException {
        HubState s = read();
        StringBuilder out = new StringBuilder("[Interface]\nListenPort = 51820\n");
        for (LiveState.LivePeer p : s.live().orElseThrow().peers()) {
            out.append("\n[Peer]\nPublicKey = ").append(p.publicKey()).append('\n');
            if (!p.allowedIps().isEmpty()) {
                out.append("AllowedIPs = ").append(String.join(", ", p.allowedIps())).append('\n');
            }
            if (p.endpoint() != null) {
                out.append("Endpoint = ").append(p.endpoint()).append('\n');
            }
        }
        return Optional.of(out.toString());
    }

    @Override
    public String strippedConfig() throws HubException {
        return file.strippedConfig();
    }

    /** Pings answer where the peer shook hands lately; the stale and the never-seen peers do not. */
    @Override
    public synchronized Optional<List<PingResult>> ping(List<String> addresses) throws HubException {
        long now = clock.instant().getEpochSecond();
        LiveState live = read().live().orElseThrow();
        List<PingResult> out = new ArrayList<>();
        for (String a : addresses) {
            Optional<LiveState.LivePeer> p = live.peers().stream()
                    .filter(l -> l.allowedIps().stream().anyMatch(ip -> ip.startsWith(a + "/"))).findFirst();
            boolean up = p.isPresent() && !p.get().stale(now);
            out.add(new PingResult(a, up, up ? "demo: 1 packets transmitted, 1 received"
                    : "demo: 1 packets transmitted, 0 received"));
        }
        return Optional.of(out);
    }

    @Override
    public void close() {
        file.close();
    }
}
