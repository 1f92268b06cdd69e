package dev.wgtui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import dev.wgtui.remote.RemoteHub;
import dev.wgtui.remote.RemoteWorkerKeys;
import dev.wgtui.remote.WorkerDeploy;
import dev.wgtui.ssh.SshHostShell;
import dev.wgtui.ssh.SshOptions;
import dev.wgtui.ssh.SshTarget;
import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live table on a real hub: wireguard-go in network namespaces over OpenSSH. After a real
 * new handshake of cm4, the dashboard's own refresh (no key pressed) shows the younger age.
 */
@Tag("testbed")
@ExtendWith(TestbedExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiveRefreshTestbedTest {

    private final List<HostShell> shells = new ArrayList<>();

    @AfterEach
    void close() {
        shells.forEach(HostShell::close);
    }

    private HostShell shell(Testbed bed, String host) {
        try {
            HostShell s = SshHostShell.connect(SshTarget.of(host, bed.host(host).underlayIp(), 22, "root",
                    List.of(bed.operatorKey())), SshOptions.defaults().withKnownHosts(bed.knownHosts()));
            shells.add(s);
            return s;
        } catch (HostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Node node(Testbed bed, String name) {
        String ip = bed.host(name).wgIp();
        return new Node(name, ip, List.of(ip + "/32"), Optional.empty(), null, null, TestbedExtension.HUB_PORT, "wg0",
                false, Map.of("ansible_host", bed.host(name).underlayIp()));
    }

    /** cm4 pings the hub over the tunnel (the first handshake through wireguard-go can take a while). */
    private static void pingHub(Testbed bed) throws InterruptedException {
        bed.ping("cm4", "10.0.0.20", Duration.ofSeconds(20));
    }

    private static long cm4Age(ScreenDriver s) {
        Matcher m = Pattern.compile("(\\d+)s ago").matcher(s.peerRow("cm4"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Test
    void aRealHandshakeShowsUpAtTheNextRefreshWithoutAKey(Testbed bed) throws Exception {
        bed.resetWireGuard();
        Cluster cluster = new Cluster("testbed", node(bed, "k8s"),
                TestbedExtension.WORKERS.stream().map(w -> node(bed, w)).toList());
        RemoteHub hub = new RemoteHub(cluster.hub(), shell(bed, "k8s"), RemoteHub.Layout.standard("wg0"),
                RemoteHub.Settings.defaults());
        Session session = new Session(cluster, hub, p -> cluster.workers().stream().map(Node::name).toList(),
                new RemoteWorkerKeys(n -> shell(bed, n.name())), Session.Options.defaults(), Clock.systemUTC());
        session.selectAllWorkers();
        Plan plan = session.plan();
        assertThat(session.apply(plan).ok()).isTrue();
        WorkerDeploy deploy = new WorkerDeploy(cluster.hub(), hub.publicKey(), WorkerDeploy.overlayOf(cluster.hub(), "24"));
        Node cm4 = cluster.worker("cm4").orElseThrow();
        RemoteHub onCm4 = new RemoteHub(cm4, shell(bed, "cm4"), false);
        // What is tested here is the dashboard's refresh, not a worker's first start: on a loaded
        // machine wireguard-go's socket is sometimes not ready for wg-quick's `wg setconf` ("Unable
        // to modify interface: Connection reset by peer"); the worker is brought up again then.
        for (int attempt = 1; ; attempt++) {
            try {
                assertThat(deploy.apply(deploy.plan(cm4, onCm4), onCm4).ok()).isTrue();
                break;
            } catch (dev.wgtui.core.hub.HubException e) {
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("Unable to modify interface")) {
                    throw e;
                }
                bed.exec("cm4", "wg-quick down wg0 >/dev/null 2>&1; ip link del wg0 2>/dev/null; true");
            }
        }
        pingHub(bed);
        session.refresh();

        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(140, 30));
        Dashboard dashboard = new Dashboard(session, Theme.load("default"), Commands.NONE, new TerminalScreen(terminal),
                Runnable::run);
        ScreenDriver s = new ScreenDriver(terminal, dashboard);
        dashboard.millisClock = System::currentTimeMillis;
        s.start();
        long first = cm4Age(s);
        assertThat(first).as("cm4 shook hands: %s", s.peerRow("cm4")).isGreaterThanOrEqualTo(0);

        Thread.sleep(6_000);
        // a new handshake: cm4's tunnel comes up again and sends traffic
        bed.exec("cm4", "wg-quick down wg0; wg-quick up wg0");
        pingHub(bed);
        // the age alone would have ticked past first + 6 by now; only a refresh can show less
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long after = Long.MAX_VALUE;
        while (System.nanoTime() < deadline && after >= first + 6) {
            Thread.sleep(500);
            dashboard.tick();
            dashboard.pump();
            after = cm4Age(s);
        }
        assertThat(after).as("the refresh read the new handshake: %s", s.peerRow("cm4")).isBetween(0L, first + 5);
        dashboard.close();
    }
}
