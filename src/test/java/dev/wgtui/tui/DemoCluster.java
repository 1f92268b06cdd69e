package dev.wgtui.tui;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.cluster.NodeReader;
import dev.wgtui.core.config.PeerBlock;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerKeys;
import dev.wgtui.local.LocalHub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The demo sample (src/main/resources/demo: a hub k8s and workers cm4, s2204, k8s-proxy) as a
 * Session on a local copy of its wg0.conf, built by hand while the inventory loader lives
 * elsewhere. Optionally with a running interface, so the live columns have something to show.
 */
final class DemoCluster {

    static final Instant NOW = Instant.parse("2026-11-26T03:15:00Z");
    static final String HUB_PRIVATE_KEY = "d2d0dWktZGVtby1wcml2YXRlLWtleS1ub3QtcmVhbCE=";
    static final String CM4_OLD_KEY = "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=";
    static final String CM4_NEW_KEY = "OafIbEHdFz8b6Vnlc6fFzYB3vlwfD7KYKyROpDEJCRY=";
    static final String S2204_KEY = "URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=";
    static final String OLD_LAPTOP_KEY = "Enf+hoH/jWtZLBIoXuK8nqgd6F6m2iL/m3feMuENuW0=";

    /** cm4 shook hands 42 s ago, s2204 five minutes ago (stale), old-laptop never. */
    static final String LIVE_DUMP = String.join("\n",
            "(hidden)\tk8sPublicKeyk8sPublicKeyk8sPublicKeyk8sPub=\t51820\toff",
            CM4_OLD_KEY + "\t(none)\t192.168.1.23:51820\t10.0.0.3/32\t" + (NOW.getEpochSecond() - 42)
                    + "\t1288490\t348160\toff",
            S2204_KEY + "\t(none)\t203.0.113.7:41641\t10.0.0.4/32\t" + (NOW.getEpochSecond() - 300)
                    + "\t73400320\t9437184\t25",
            OLD_LAPTOP_KEY + "\t(none)\t(none)\t10.0.0.50/32\t0\t0\t0\toff") + "\n";

    final Path dir;
    final Path config;
    final Clock clock;
    final Session session;

    private DemoCluster(Path dir, boolean live) throws IOException {
        this.dir = dir;
        this.config = dir.resolve("wg0.conf");
        try (InputStream in = DemoCluster.class.getResourceAsStream("demo-wg0.conf")) {
            Files.write(config, in.readAllBytes());
        }
        this.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Hub local = new LocalHub("k8s", config, dir.resolve("wg0.conf.preview"), clock);
        Hub hub = live ? new WithLiveState(local, LiveState.parse(LIVE_DUMP)) : local;
        this.session = new Session(cluster(), hub, DemoCluster::limit, WorkerKeys.NONE, Session.Options.defaults(),
                clock);
    }

    /** The demo on a local file: no running interface. */
    static DemoCluster local(Path dir) throws IOException {
        return new DemoCluster(dir, false);
    }

    /** The demo with a running interface as {@link #LIVE_DUMP} says. */
    static DemoCluster live(Path dir) throws IOException {
        return new DemoCluster(dir, true);
    }

    static Cluster cluster() {
        String src = "inventory.yml";
        Node hub = NodeReader.read(src, "k8s", vars("ansible_host", "k8s.example.internal", "wireguard_ip", "10.0.0.20",
                "wireguard_port", 51820));
        List<Node> workers = List.of(
                NodeReader.read(src, "cm4", vars("ansible_host", "cm4.example.internal", "wireguard_ip", "10.0.0.3",
                        "wireguard_public_key", CM4_NEW_KEY, "wireguard_port", 51820)),
                NodeReader.read(src, "s2204", vars("ansible_host", "s2204.example.internal", "wireguard_ip", "10.0.0.4",
                        "wireguard_public_key", S2204_KEY, "wireguard_port", 51820)),
                NodeReader.read(src, "k8s-proxy", vars("ansible_host", "k8s-proxy.example.internal",
                        "wireguard_ip", "10.0.0.21",
                        "wireguard_public_key", "GOu5mfbhiFgPIYYq9RsRzOdnTpRFtcak4xXeH2S49lA=",
                        "wireguard_persistent_keepalive", 25, "wireguard_port", 51820)));
        return new Cluster(src, hub, workers);
    }

    private static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Host names, comma lists and {@code all}; enough of Ansible's limit for these tests. */
    static List<String> limit(String pattern) {
        List<String> names = List.of("k8s", "cm4", "s2204", "k8s-proxy");
        if (pattern.strip().equals("all")) {
            return names;
        }
        List<String> out = new ArrayList<>();
        for (String p : pattern.split("[,\\s]+")) {
            if (p.isBlank()) {
                continue;
            }
            if (!names.contains(p)) {
                throw new IllegalArgumentException("no host matches '" + p + "' in inventory.yml");
            }
            out.add(p);
        }
        return out;
    }

    static Function<String, List<String>> limitFunction() {
        return DemoCluster::limit;
    }

    /** A hub whose reads also report a running interface (the rest is the local file's). */
    private record WithLiveState(Hub hub, LiveState live) implements Hub {
        @Override
        public String node() {
            return hub.node();
        }

        @Override
        public String configPath() {
            return hub.configPath();
        }

        @Override
        public String previewPath() {
            return hub.previewPath();
        }

        /**
         * The file, and an interface running it as {@code wg syncconf} would leave it: each peer
         * keeps the endpoint and counters the dump has for its address.
         */
        @Override
        public HubState read() throws HubException {
            String text = hub.read().text();
            List<LiveState.LivePeer> peers = new ArrayList<>();
            if (text != null) {
                for (PeerBlock p : WgConfig.parse("wg0.conf", text).peers()) {
                    Optional<LiveState.LivePeer> was = live.peers().stream()
                            .filter(l -> l.allowedIps().equals(p.allowedIps())).findFirst();
                    peers.add(new LiveState.LivePeer(p.publicKey().orElse(""), false,
                            was.map(LiveState.LivePeer::endpoint).orElse(null), p.allowedIps(),
                            was.map(LiveState.LivePeer::latestHandshake).orElse(0L),
                            was.map(LiveState.LivePeer::rxBytes).orElse(0L),
                            was.map(LiveState.LivePeer::txBytes).orElse(0L), 0));
                }
            }
            return new HubState(text, Optional.of(new LiveState(live.publicKey(), live.listenPort(), peers)));
        }

        @Override
        public void writePreview(String text) throws HubException {
            hub.writePreview(text);
        }

        @Override
        public Commit commit(String text, String expectedHash) throws HubException {
            Commit c = hub.commit(text, expectedHash);
            return new Commit(c.backupName(), read());
        }

        @Override
        public HubState rollback(String backupName) throws HubException {
            hub.rollback(backupName);
            return read();
        }

        @Override
        public List<Backup> backups() throws HubException {
            return hub.backups();
        }

        @Override
        public String readBackup(String name) throws HubException {
            return hub.readBackup(name);
        }

        @Override
        public Optional<String> runningConfig() {
            return Optional.empty();
        }

        @Override
        public String strippedConfig() throws HubException {
            return hub.strippedConfig();
        }

        @Override
        public void close() {
            hub.close();
        }
    }
}
