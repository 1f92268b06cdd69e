package dev.wgtui.core.session;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.cluster.NodeReader;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.plan.Plan;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An apply whose reload changed the interface's own key fails validation and is rolled back. */
class HubKeyThroughApplyTest {

    static final String A = "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=";
    static final String HUB = "Enf+hoH/jWtZLBIoXuK8nqgd6F6m2iL/m3feMuENuW0=";
    static final String OTHER = "URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=";

    /** A hub in memory whose interface comes back from a commit with {@code keyAfterCommit}. */
    static final class KeyChangingHub implements Hub {
        String text = "[Interface]\nListenPort = 51820\nPostUp = wg set %i private-key /etc/wireguard/privatekey\n";
        String key = HUB;
        String keyAfterCommit;
        String backupText;
        int rollbacks;

        public String node() { return "k8s"; }
        public String configPath() { return "/etc/wireguard/wg0.conf"; }
        public String previewPath() { return "/tmp/wg0.conf.preview"; }
        public void writePreview(String t) { }
        public List<Backup> backups() { return List.of(); }
        public String readBackup(String name) { return backupText; }
        public Optional<String> runningConfig() { return Optional.empty(); }
        public String strippedConfig() { return text; }
        public void close() { }

        public HubState read() {
            StringBuilder dump = new StringBuilder("(hidden)\t" + key + "\t51820\toff\n");
            for (var p : WgConfig.parse("x", text).peers()) {
                dump.append(p.publicKey().orElseThrow()).append("\t(none)\t(none)\t")
                        .append(String.join(",", p.allowedIps())).append("\t0\t0\t0\toff\n");
            }
            return new HubState(text, Optional.of(LiveState.parse(dump.toString())));
        }

        public Commit commit(String t, String expectedHash) {
            String before = key;
            backupText = text;
            text = t;
            key = keyAfterCommit;
            return new Commit("wg0.conf.20261126T000000Z.backup", read(), Optional.of(before));
        }

        public HubState rollback(String backupName) {
            rollbacks++;
            text = backupText;
            return read();
        }
    }

    static Session session(Hub hub) {
        Node k8s = NodeReader.read("inv", "k8s", Map.of("wireguard_ip", "10.0.0.20"));
        Node cm4 = NodeReader.read("inv", "cm4", Map.of("wireguard_ip", "10.0.0.3", "wireguard_public_key", A));
        return new Session(new Cluster("inv", k8s, List.of(cm4)), hub, p -> List.of(p.split(",")), WorkerKeys.NONE,
                Session.Options.defaults(), Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void anApplyThatChangedTheHubsKeyIsRolledBack() throws Exception {
        KeyChangingHub hub = new KeyChangingHub();
        String before = hub.text;
        hub.keyAfterCommit = OTHER;
        Session s = session(hub);
        s.select("cm4");
        Plan plan = s.plan();

        ApplyOutcome out = s.apply(plan);

        assertThat(out.ok()).isFalse();
        assertThat(out.rolledBack()).isTrue();
        assertThat(out.validation().summary()).contains("public key changed from " + HUB + " to " + OTHER);
        assertThat(hub.rollbacks).isEqualTo(1);
        assertThat(hub.text).isEqualTo(before);
    }

    @Test
    void anApplyThatClearedTheHubsKeyIsRolledBack() throws Exception {
        KeyChangingHub hub = new KeyChangingHub();
        hub.keyAfterCommit = "(none)";
        Session s = session(hub);
        s.select("cm4");

        ApplyOutcome out = s.apply(s.plan());

        assertThat(out.rolledBack()).isTrue();
        assertThat(out.validation().summary()).contains("no private key");
    }

    @Test
    void anApplyThatKeptTheHubsKeyPasses() throws Exception {
        KeyChangingHub hub = new KeyChangingHub();
        hub.keyAfterCommit = HUB;
        Session s = session(hub);
        s.select("cm4");

        assertThat(s.apply(s.plan()).ok()).isTrue();
    }
}
