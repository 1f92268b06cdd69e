package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.hub.HubException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker's own config written by the real scripts on a fake worker host. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerDeployTest {

    @TempDir
    Path root;

    final String hubKey = FakeHubHost.key();
    final Node hub = new Node("k8s", "10.0.0.20", List.of("10.0.0.20/32"), Optional.empty(), null, null, 51820, "wg0",
            false, Map.of("ansible_host", "192.168.56.20"));
    final Node cm4 = new Node("cm4", "10.0.0.3", List.of("10.0.0.3/32"), Optional.empty(), null, null, 51820, "wg0",
            false, Map.of());
    FakeHubHost host;
    RemoteHub worker;
    WorkerDeploy deploy;

    @BeforeEach
    void setUp() {
        host = new FakeHubHost(root);
        worker = host.hub();
        deploy = new WorkerDeploy(hub, hubKey, WorkerDeploy.overlayOf(hub, "24"));
    }

    @Test
    void overlayAndEndpointComeFromTheHubsInventory() {
        assertThat(WorkerDeploy.overlayOf(hub, "24")).isEqualTo("10.0.0.0/24");
        assertThat(WorkerDeploy.overlayOf(hub, "16")).isEqualTo("10.0.0.0/16");
        assertThat(WorkerDeploy.endpointOf(hub)).isEqualTo("192.168.56.20:51820");
        Node named = new Node("k8s", "10.0.0.20", List.of(), Optional.empty(), "vpn.example.org", null, 51999, "wg0",
                false, Map.of());
        assertThat(WorkerDeploy.endpointOf(named)).isEqualTo("vpn.example.org:51999");
        Node explicit = new Node("k8s", "10.0.0.20", List.of(), Optional.empty(), "vpn.example.org:4500", null, 51820,
                "wg0", false, Map.of());
        assertThat(WorkerDeploy.endpointOf(explicit)).isEqualTo("vpn.example.org:4500");
        Node v6 = new Node("k8s", "10.0.0.20", List.of(), Optional.empty(), null, null, 51820, "wg0", false,
                Map.of("ansible_host", "fd00::20"));
        assertThat(WorkerDeploy.endpointOf(v6)).isEqualTo("[fd00::20]:51820");
    }

    @Test
    void aWorkerWithoutConfigGetsOneAndComesUpWithAGeneratedKey() throws Exception {
        WorkerDeploy.WorkerPlan plan = deploy.plan(cm4, worker);

        assertThat(plan.current()).isNull();
        assertThat(plan.proposed()).isEqualTo("[Interface]\n"
                + "# written by wgtui for cm4\n"
                + "Address = 10.0.0.3/24\n"
                + "ListenPort = 51820\n"
                + "PostUp = wg set %i private-key " + host.etc.resolve("privatekey") + "\n"
                + "\n"
                + "[Peer]\n"
                + "# k8s\n"
                + "PublicKey = " + hubKey + "\n"
                + "Endpoint = 192.168.56.20:51820\n"
                + "AllowedIPs = 10.0.0.0/24\n"
                + "PersistentKeepalive = 25\n");
        assertThat(plan.diff()).contains("+PublicKey = " + hubKey);

        WorkerDeploy.Outcome out = deploy.apply(plan, worker);

        assertThat(out.ok()).as(out.problems().toString()).isTrue();
        assertThat(out.written()).isTrue();
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(plan.proposed());
        assertThat(FakeHubHost.mode(host.etc.resolve("privatekey"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(host.calls()).contains("wg-quick up");
        assertThat(host.allOutput()).doesNotContain(FakeHubHost.read(host.etc.resolve("privatekey")).strip());
    }

    @Test
    void deployingAgainChangesNothing() throws Exception {
        deploy.apply(deploy.plan(cm4, worker), worker);

        WorkerDeploy.WorkerPlan again = deploy.plan(cm4, worker);
        WorkerDeploy.Outcome out = deploy.apply(again, worker);

        assertThat(again.changed()).isFalse();
        assertThat(out.written()).isFalse();
        assertThat(out.ok()).isTrue();
        assertThat(host.etcFiles()).noneMatch(n -> n.endsWith(".backup"));
    }

    @Test
    void anExistingConfigKeepsItsInterfaceAndGetsTheNewHubKeyWithABackup() throws Exception {
        String oldHub = FakeHubHost.key();
        String workerKey = FakeHubHost.key();
        String old = "[Interface]\nAddress = 10.0.0.3/24\nPrivateKey = " + workerKey + "\nDNS = 10.0.0.1\n\n"
                + "[Peer]\nPublicKey = " + oldHub + "\nEndpoint = 192.168.56.20:51820\nAllowedIPs = 10.0.0.0/24\n";
        host.writeConf(old.replace(oldHub, hubKey));
        host.up(workerKey, old);
        String current = old.replace(oldHub, hubKey);

        WorkerDeploy.WorkerPlan plan = deploy.plan(cm4, worker);

        // the unnamed peer with the hub's key is the hub: updated in place, keepalive added
        assertThat(plan.proposed()).contains("DNS = 10.0.0.1").contains("PersistentKeepalive = 25")
                .contains("PrivateKey = " + workerKey);
        assertThat(plan.proposed().split("\\[Peer\\]", -1)).hasSize(2);
        assertThat(plan.diff()).doesNotContain(workerKey);

        WorkerDeploy.Outcome out = deploy.apply(plan, worker);

        assertThat(out.backupName()).isNotNull();
        assertThat(FakeHubHost.read(host.etc.resolve(out.backupName()))).isEqualTo(current);
        assertThat(host.calls()).contains("wg syncconf wg0");
        assertThat(out.ok()).as(out.problems().toString()).isTrue();
    }

    @Test
    void aWorkerThatRefusesTheWriteReportsWhy() throws Exception {
        WorkerDeploy.WorkerPlan plan = deploy.plan(cm4, worker);
        host.writeConf("[Interface]\n# someone else was faster\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deploy.apply(plan, worker))
                .isInstanceOf(HubException.class)
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.CONFLICT));
    }

    /** What is rendered is what is checked: a hub endpoint that adds lines to a worker's config is refused. */
    @Test
    void aHubEndpointThatWouldAddLinesToAWorkersConfigIsRefusedAndNothingIsWritten() throws Exception {
        String oldHub = FakeHubHost.key();
        String existing = "[Interface]\nAddress = 10.0.0.3/24\nListenPort = 51820\n\n[Peer]\n# k8s\nPublicKey = " + oldHub
                + "\nEndpoint = 192.168.56.20:51820\nAllowedIPs = 10.0.0.0/24\n";
        for (String endpoint : List.of("198.51.100.7:51820\nAllowedIPs = 0.0.0.0/0",
                "198.51.100.7:51820 #\n[Interface]\nPostUp = touch /tmp/x", "198.51.100.7:51820\n[Peer]\nPublicKey = " + oldHub)) {
            Node evil = new Node("k8s", "10.0.0.20", List.of("10.0.0.20/32"), Optional.empty(), endpoint, null, 51820,
                    "wg0", false, Map.of());
            WorkerDeploy d = new WorkerDeploy(evil, hubKey, WorkerDeploy.overlayOf(evil, "24"));
            for (boolean hasConfig : List.of(false, true)) {
                if (hasConfig) {
                    host.writeConf(existing);
                }
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.plan(cm4, worker))
                        .as("%s, worker has a config: %s", endpoint, hasConfig)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("refusing to write cm4:" + host.conf());
                assertThat(host.tmp.resolve("wg0.conf.preview")).doesNotExist();
            }
            assertThat(FakeHubHost.read(host.conf())).isEqualTo(existing);
            java.nio.file.Files.delete(host.conf());
        }
        assertThat(host.calls()).doesNotContain("wg-quick up").doesNotContain("syncconf");
    }
}
