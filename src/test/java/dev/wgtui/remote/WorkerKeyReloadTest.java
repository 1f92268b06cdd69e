package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker whose config is already as planned: its interface is reloaded with its key file only
 * when the interface runs another key than the hub's peer for it was planned with and the key
 * file holds the planned one (a key rotated on its disk). The real scripts, on a fake host.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WorkerKeyReloadTest {

    @TempDir
    Path root;

    FakeHubHost host;
    final String hubKey = FakeHubHost.key();
    final Node hubNode = FakeHubHost.HUB_NODE;
    final Node cm4Node = FakeHubHost.CM4_NODE;
    WorkerDeploy deploy;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHubHost(root);
        deploy = new WorkerDeploy(hubNode, FakeHubHost.publicKeyOf(hubKey), WorkerDeploy.overlayOf(hubNode, "24"));
    }

    /** cm4 deployed with its key file holding {@code key}, running with it. */
    private void deployedWith(String key) throws Exception {
        host.keyFile(key);
        RemoteHub worker = host.hub();
        WorkerDeploy.Outcome first = deploy.apply(deploy.plan(cm4Node, worker), worker,
                Optional.of(FakeHubHost.publicKeyOf(key)));
        assertThat(first.written()).isTrue();
        // (the fake wg-quick runs no PostUp: the interface gets the key as the real hook gives it)
        host.up(key, FakeHubHost.read(host.conf()));
        assertThat(host.runningPrivateKey()).isEqualTo(key);
    }

    private int reloads() {
        return (int) host.calls().lines().filter(l -> l.contains("syncconf")).count();
    }

    @Test
    void aKeyRotatedOnTheWorkersDiskIsLoadedWhenTheHubPeerWasPlannedWithIt() throws Exception {
        String old = FakeHubHost.key();
        deployedWith(old);
        String rotated = FakeHubHost.key();
        host.keyFile(rotated);

        RemoteHub worker = host.hub();
        WorkerDeploy.WorkerPlan plan = deploy.plan(cm4Node, worker);
        assertThat(plan.changed()).isFalse();
        WorkerDeploy.Outcome o = deploy.apply(plan, worker, Optional.of(FakeHubHost.publicKeyOf(rotated)));

        assertThat(o.written()).isFalse();
        assertThat(o.reloadedWithKeyFile()).isTrue();
        assertThat(host.runningPrivateKey()).isEqualTo(rotated);
        assertThat(host.allOutput()).doesNotContain(rotated).doesNotContain(old);
    }

    @Test
    void aWorkerRunningThePlannedKeyIsNotReloadedWhateverItsKeyFileHolds() throws Exception {
        // the hub's peer planned with the key the inventory gives, the one cm4 runs with
        String running = FakeHubHost.key();
        deployedWith(running);
        host.keyFile(FakeHubHost.key());
        int before = reloads();

        RemoteHub worker = host.hub();
        WorkerDeploy.Outcome o = deploy.apply(deploy.plan(cm4Node, worker), worker,
                Optional.of(FakeHubHost.publicKeyOf(running)));

        assertThat(o.problems()).isEmpty();
        assertThat(o.reloadedWithKeyFile()).isFalse();
        assertThat(host.runningPrivateKey()).isEqualTo(running);
        assertThat(reloads()).as("syncconf calls").isEqualTo(before);
    }

    @Test
    void aKeyFileThatDoesNotHoldThePlannedKeyIsNotLoaded() throws Exception {
        String running = FakeHubHost.key();
        deployedWith(running);
        host.keyFile(FakeHubHost.key());

        RemoteHub worker = host.hub();
        deploy.apply(deploy.plan(cm4Node, worker), worker, Optional.of(FakeHubHost.publicKeyOf(FakeHubHost.key())));

        assertThat(host.runningPrivateKey()).as("neither key is the planned one: the running key stays").isEqualTo(running);
    }

    @Test
    void aWorkerWhoseConfigInlinesItsKeyIsReadWithThatKeyNotALeftoverKeyFile() throws Exception {
        String inline = FakeHubHost.key();
        host.writeConf("[Interface]\nAddress = 10.0.0.3/24\nListenPort = 51820\nPrivateKey = " + inline + "\n");
        host.keyFile(FakeHubHost.key());   // a leftover of another setup, loaded by nothing
        RemoteWorkerKeys keys = new RemoteWorkerKeys(n -> host.shell, 2, Duration.ofSeconds(20),
                n -> RemoteHub.Layout.under(host.etc.toString(), host.tmp.toString(), "wg0"), l -> {
        });

        RemoteWorkerKeys.Result read = keys.lookUp(List.of(cm4Node)).get(0);

        assertThat(read.publicKey()).contains(FakeHubHost.publicKeyOf(inline));
        assertThat(read.source()).contains(RemoteWorkerKeys.Source.CONFIG);
    }
}
