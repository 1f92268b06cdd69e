package dev.wgtui.core.cluster;

import dev.wgtui.core.config.PeerBlock;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.inventory.Inventory;
import dev.wgtui.core.plan.DryRunSummary;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.PeerStatus;
import dev.wgtui.core.session.Session;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inventory written for githubixx/ansible-role-wireguard (inventory/githubixx) against the hub
 * file the role renders from it (configs/generators/githubixx.conf): wgtui plans no change for
 * all of it, knows the role's unmanaged peers, and prunes none of them.
 */
class GithubixxClusterTest {

    static Path resource(String path) throws Exception {
        return Path.of(GithubixxClusterTest.class.getResource("/" + path).toURI());
    }

    /** A hub that is the role's file, read-only. */
    static Hub hub(String text) {
        return new Hub() {
            public String node() { return "hub01.example.net"; }
            public String configPath() { return "/etc/wireguard/wg0.conf"; }
            public String previewPath() { return "/tmp/wg0.conf.preview"; }
            public HubState read() { return new HubState(text, Optional.empty()); }
            public void writePreview(String t) { }
            public Commit commit(String t, String h) { throw new AssertionError("nothing may be written"); }
            public HubState rollback(String b) { throw new AssertionError(); }
            public List<Backup> backups() { return List.of(); }
            public String readBackup(String n) { throw new AssertionError(); }
            public Optional<String> runningConfig() { return Optional.empty(); }
            public String strippedConfig() { return text; }
            public void close() { }
        };
    }

    @Test
    void theRolesOwnHubFileIsWhatWgtuiPlansForTheRolesInventory() throws Exception {
        Inventory inv = Inventory.load(resource("inventory/githubixx/inventory.yml"));
        Cluster cluster = ClusterLoader.load(inv, "k8s_controller", "vpn");
        assertThat(cluster.hub().name()).isEqualTo("hub01.example.net");
        assertThat(cluster.workers()).extracting(Node::name).containsExactly("worker02.example.net",
                "controller01.example.net", "worker01.example.net", "workstation.example.net");

        String text = Files.readString(resource("configs/generators/githubixx.conf"));
        // The role's inventories hold no public keys: wgtui reads them from the workers.
        Map<String, String> onWorkers = new HashMap<>();
        for (PeerBlock p : WgConfig.parse("x", text).peers()) {
            onWorkers.put(p.name(), p.publicKey().orElseThrow());
        }
        Session s = new Session(cluster, hub(text), pattern -> {
            try {
                return inv.limit(pattern);
            } catch (Exception e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }, workers -> {
            Map<String, String> keys = new HashMap<>();
            workers.forEach(w -> keys.put(w.name(), onWorkers.get(w.name())));
            return keys;
        }, Session.Options.defaults(), Clock.systemUTC());

        Plan plan = s.plan(s.workersMatching("vpn").workers());
        assertThat(plan.summary().status()).isEqualTo(DryRunSummary.Status.NO_CHANGE);
        assertThat(plan.unifiedDiff()).isEmpty();

        List<PeerRow> rows = s.rows();
        assertThat(rows).filteredOn(r -> r.worker().isPresent()).extracting(PeerRow::status)
                .containsOnly(PeerStatus.OK);
        assertThat(rows).filteredOn(r -> r.status() == PeerStatus.EXTRA).extracting(PeerRow::name)
                .containsExactly("phone.example.net", "laptop.example.net");
        assertThat(rows).filteredOn(r -> r.status() == PeerStatus.EXTRA)
                .allSatisfy(r -> assertThat(r.differences()).singleElement().asString()
                        .contains("wireguard_unmanaged_peers"));

        assertThat(s.prunePlan().changed()).isFalse();
    }
}
