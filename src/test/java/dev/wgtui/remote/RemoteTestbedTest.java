package dev.wgtui.remote;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.host.ExecResult;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.plan.Drift;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.PeerStatus;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.ApplyOutcome;
import dev.wgtui.core.session.PlanRefused;
import dev.wgtui.core.session.Session;
import dev.wgtui.ssh.SshHostShell;
import dev.wgtui.ssh.SshOptions;
import dev.wgtui.ssh.SshTarget;
import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.wgtui.core.hub.RunReport;
import dev.wgtui.local.LocalHub;
import java.nio.file.Path;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RemoteHub, RemoteWorkerKeys and WorkerDeploy driven by the Session over real SSH
 * (sshd per network namespace) against real WireGuard (wireguard-go): the operator's flows.
 * Every test starts from hosts with nothing in /etc/wireguard and no interface.
 */
@Tag("testbed")
@ExtendWith(TestbedExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RemoteTestbedTest {

    private final Map<String, HostShell> shells = new ConcurrentHashMap<>();
    private Testbed bed;
    private Cluster cluster;
    private final List<String> echo = new ArrayList<>();

    @BeforeEach
    void cleanHosts(Testbed bed) {
        this.bed = bed;
        bed.resetWireGuard();
        Node hub = node("k8s", null);
        List<Node> workers = TestbedExtension.WORKERS.stream().map(w -> node(w, null)).toList();
        cluster = new Cluster("testbed", hub, workers);
    }

    @AfterEach
    void closeShells() {
        shells.values().forEach(HostShell::close);
        shells.clear();
    }

    private Node node(String name, String key) {
        String ip = bed.host(name).wgIp();
        return new Node(name, ip, List.of(ip + "/32"), Optional.ofNullable(key), null, null,
                TestbedExtension.HUB_PORT, "wg0", false, Map.of("ansible_host", bed.host(name).underlayIp()));
    }

    private HostShell shell(String host, String user) {
        return shells.computeIfAbsent(host + "/" + user, k -> connect(host, user));
    }

    private HostShell connect(String host, String user) {
        try {
            return SshHostShell.connect(SshTarget.of(host, bed.host(host).underlayIp(), 22, user, List.of(bed.operatorKey())),
                    SshOptions.defaults().withKnownHosts(bed.knownHosts()));
        } catch (HostException e) {
            throw new IllegalStateException(e);
        }
    }

    private RemoteHub hub(String user, boolean become) {
        return new RemoteHub(cluster.hub(), shell("k8s", user), RemoteHub.Layout.standard("wg0"),
                RemoteHub.Settings.defaults().withBecome(become).withEcho(echo::add));
    }

    private RemoteHub freshHub() {
        return new RemoteHub(cluster.hub(), connect("k8s", "root"), RemoteHub.Layout.standard("wg0"),
                RemoteHub.Settings.defaults().withEcho(echo::add));
    }

    private Session session(RemoteHub hub) {
        RemoteWorkerKeys keys = new RemoteWorkerKeys(n -> shell(n.name(), "root"));
        return new Session(cluster, hub, pattern -> pattern.equals("all")
                ? cluster.workers().stream().map(Node::name).toList()
                : Arrays.asList(pattern.split(",")), keys, Session.Options.defaults(), Clock.systemUTC());
    }

    /** Hub apply for {@code pattern}, then each selected worker's own config. */
    private ApplyOutcome deploy(Session s, String pattern) throws Exception {
        s.select(pattern);
        Plan plan = s.plan();
        ApplyOutcome out = s.apply(plan);
        assertThat(out.ok()).as("hub apply: %s", out.validation()).isTrue();
        RemoteHub hub = (RemoteHub) s.hub();
        WorkerDeploy deploy = new WorkerDeploy(cluster.hub(), hub.publicKey(), WorkerDeploy.overlayOf(cluster.hub(), "24"));
        for (String w : s.selectedWorkers()) {
            Node worker = cluster.worker(w).orElseThrow();
            RemoteHub on = new RemoteHub(worker, shell(w, "root"), false);
            WorkerDeploy.Outcome o = deploy.apply(deploy.plan(worker, on), on);
            assertThat(o.ok()).as("%s: %s", w, o.problems()).isTrue();
        }
        return out;
    }

    private List<String> hubPeers() {
        return bed.execOk("k8s", "wg show wg0 peers").lines().filter(l -> !l.isBlank()).toList();
    }

    private void assertPingsHub(String worker) throws InterruptedException {
        ExecResult ping = bed.ping(worker, "10.0.0.20", Duration.ofSeconds(20));
        assertThat(ping.exitCode()).as("%s pings 10.0.0.20: %s%s", worker, ping.out(), ping.err()).isZero();
    }

    private String hubFile() {
        return bed.execOk("k8s", "cat /etc/wireguard/wg0.conf");
    }

    private List<String> hubBackups() {
        return bed.execOk("k8s", "ls /etc/wireguard").lines().filter(l -> l.endsWith(".backup")).toList();
    }

    // ---- the flows -----------------------------------------------------------------------

    @Test
    void deployAllThenAPartialDeployOfCm4KeepsAllThreePeersAndEveryTunnel() throws Exception {
        RemoteHub hub = hub("root", false);
        Session s = session(hub);
        long before = hub.roundTrips();
        deploy(s, "all");

        assertThat(hubPeers()).hasSize(3);
        for (String w : TestbedExtension.WORKERS) {
            assertPingsHub(w);
        }
        // the private key generated on each host never left it
        String allOutput = String.join("\n", echo);
        for (var h : bed.hosts()) {
            String priv = bed.execOk(h.name(), "cat /etc/wireguard/privatekey").strip();
            assertThat(allOutput).doesNotContain(priv);
            assertThat(hubFile()).doesNotContain(priv);
        }
        assertThat(hub.roundTrips() - before).as("read + commit + public key").isEqualTo(3);

        // cm4's key is rotated on cm4; a partial run for cm4 picks it up and drops nobody
        bed.execOk("cm4", "wg genkey > /etc/wireguard/privatekey && wg pubkey < /etc/wireguard/privatekey > /etc/wireguard/publickey");
        String rotated = bed.execOk("cm4", "cat /etc/wireguard/publickey").strip();
        bed.execOk("cm4", "wg set wg0 private-key /etc/wireguard/privatekey");
        Session partial = session(hub);
        partial.refresh();
        ApplyOutcome out = deploy(partial, "cm4");

        assertThat(out.written()).isTrue();
        assertThat(hubPeers()).hasSize(3).contains(rotated);
        assertThat(hubFile()).contains("PublicKey = " + rotated);
        for (String w : TestbedExtension.WORKERS) {
            assertPingsHub(w);
        }
        List<Hub.PingResult> pings = hub.ping(List.of("10.0.0.3", "10.0.0.4", "10.0.0.21")).orElseThrow();
        assertThat(pings).allSatisfy(p -> assertThat(p.reachable()).as(p.address() + " " + p.detail()).isTrue());
    }

    @Test
    void dryRunLeavesThePreviewAndChangesNothingElse() throws Exception {
        Session s = session(hub("root", false));
        deploy(s, "cm4");
        String file = hubFile();
        List<String> backups = hubBackups();

        s.select("cm4,s2204");
        Plan plan = s.plan();
        s.writePreview(plan);

        assertThat(hubFile()).isEqualTo(file);
        assertThat(hubBackups()).isEqualTo(backups);
        assertThat(hubPeers()).hasSize(1);
        assertThat(bed.execOk("k8s", "stat -c %a /tmp/wg0.conf.preview").strip()).isEqualTo("600");
        assertThat(bed.execOk("k8s", "cat /tmp/wg0.conf.preview")).isEqualTo(plan.previewText())
                .contains("PublicKey = (made on s2204 at apply)");
        // a dry-run looks at the workers' keys but makes none: s2204's pair is made at apply
        assertThat(bed.execOk("s2204", "ls /etc/wireguard")).doesNotContain("privatekey");
    }

    /** Workers with key pairs already, for flows about the hub rather than about new workers. */
    private void keyPairsOnWorkers() {
        TestbedExtension.WORKERS.forEach(bed::wgSetup);
    }

    @Test
    void restoreABackupAndPruneAHandAddedPeer() throws Exception {
        RemoteHub hub = hub("root", false);
        Session s = session(hub);
        deploy(s, "all");
        // someone adds a peer by hand: wgtui keeps it as extra on a partial run
        String stranger = bed.execOk("k8s", "wg genkey | wg pubkey").strip();
        bed.exec("k8s", "cat >> /etc/wireguard/wg0.conf", ("\n[Peer]\n# laptop\nPublicKey = " + stranger
                + "\nAllowedIPs = 10.0.0.50/32\n").getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
        hub.reload();
        String withLaptop = hubFile();
        assertThat(hubPeers()).hasSize(4);

        s.refresh();
        assertThat(s.rows()).filteredOn(r -> r.name().equals("laptop")).extracting(PeerRow::status)
                .containsExactly(PeerStatus.EXTRA);

        Plan prune = s.prunePlan();
        ApplyOutcome pruned = s.apply(prune);
        assertThat(pruned.ok()).isTrue();
        assertThat(hubFile()).doesNotContain("laptop");
        assertThat(hubPeers()).hasSize(3).doesNotContain(stranger);

        // restore the backup the prune took: the laptop comes back, in the file and live
        List<Backup> backups = s.backups();
        assertThat(backups.get(0).name()).isEqualTo(pruned.backupName());
        assertThat(backups.get(0).peers()).isEqualTo(4);
        ApplyOutcome restored = s.restore(pruned.backupName());
        assertThat(restored.ok()).as("%s", restored.validation()).isTrue();
        assertThat(hubFile()).isEqualTo(withLaptop);
        assertThat(hubPeers()).hasSize(4).contains(stranger);
        assertThat(s.backups()).hasSize(backups.size() + 1);
    }

    @Test
    void driftAfterARuntimeWgSet() throws Exception {
        Session s = session(hub("root", false));
        deploy(s, "cm4,s2204");
        assertThat(s.drift()).contains(List.of());

        String runtime = bed.execOk("k8s", "wg genkey | wg pubkey").strip();
        bed.execOk("k8s", "wg set wg0 peer " + runtime + " allowed-ips 10.0.0.77/32");
        bed.execOk("k8s", "wg set wg0 peer " + bed.execOk("cm4", "cat /etc/wireguard/publickey").strip()
                + " allowed-ips 10.0.0.3/32,10.0.0.33/32");

        List<Drift.Change> drift = s.drift().orElseThrow();
        assertThat(drift).extracting(Drift.Change::kind)
                .containsExactlyInAnyOrder(Drift.Change.Kind.ADDED_AT_RUNTIME, Drift.Change.Kind.CHANGED);
        assertThat(s.hub().runningConfig().orElseThrow()).doesNotContainIgnoringCase("privatekey");
        assertThat(s.hub().strippedConfig()).doesNotContainIgnoringCase("privatekey");
    }

    @Test
    void aNonRootUserWithSudoWorks() throws Exception {
        RemoteHub hub = hub("wgtuser", true);
        Session s = session(hub);
        deploy(s, "s2204");

        assertThat(hubPeers()).hasSize(1);
        assertThat(bed.execOk("k8s", "stat -c '%U %a' /etc/wireguard/wg0.conf").strip()).isEqualTo("root 600");
        assertPingsHub("s2204");
        assertThat(echo).anyMatch(l -> l.startsWith("[#] k8s: sudo "));
    }

    @Test
    void withoutSudoANonRootUserGetsAClearError() {
        RemoteHub hub = hub("wgtuser", false);

        assertThatThrownBy(() -> hub.commit("[Interface]\nListenPort = 51820\n", "absent"))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("k8s");
    }

    @Test
    void aRunKilledMidCommitLeavesTheOldOrNewFileAndARerunConverges() throws Exception {
        keyPairsOnWorkers();
        Session s = session(hub("root", false));
        deploy(s, "cm4");
        String old = hubFile();
        for (String step : List.of("write", "rename", "syncconf")) {
            RemoteHub h = freshHub();
            h.testVar("KILL_AT", step);
            Session again = session(h);
            again.select("cm4,s2204");
            Plan plan = again.plan();
            String expected = plan.proposed().render();
            assertThatThrownBy(() -> again.apply(plan)).isInstanceOf(HubException.class);
            h.close();

            assertThat(hubFile()).isIn(old, expected);
            assertThat(hubBackups()).isNotEmpty();

            // the operator runs again: plan against what is there now, apply, converge
            RemoteHub next = freshHub();
            Session rerun = session(next);
            rerun.select("cm4,s2204");
            Plan p2 = rerun.plan();
            if (p2.changed()) {
                assertThat(rerun.apply(p2).ok()).isTrue();
            } else {
                next.reload();
            }
            assertThat(hubFile()).isEqualTo(expected);
            assertThat(hubPeers()).hasSize(2);
            next.close();

            // back to one peer for the next step
            RemoteHub back = freshHub();
            HubState now = back.read();
            back.commit(old, now.hash());
            back.close();
        }
    }

    @Test
    void theConnectionCutDuringApplyTheHubFinishesTheJob() throws Exception {
        keyPairsOnWorkers();
        Session s = session(hub("root", false));
        deploy(s, "cm4");
        String old = hubFile();
        HostShell cut = connect("k8s", "root");
        RemoteHub h = new RemoteHub(cluster.hub(), cut, RemoteHub.Layout.standard("wg0"), RemoteHub.Settings.defaults());
        h.testVar("PAUSE_AT", "syncconf");
        Session doomed = session(h);
        doomed.select("cm4,s2204");
        Plan plan = doomed.plan();
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                return doomed.apply(plan);
            } catch (HubException | PlanRefused e) {
                return e;
            }
        });
        Thread.sleep(1500);
        cut.close();
        assertThat(running.get(30, TimeUnit.SECONDS)).isInstanceOf(HubException.class);

        // the script ignores the hangup after taking the lock: it finishes, then the lock is free
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && hubPeers().size() < 2) {
            Thread.sleep(200);
        }
        assertThat(hubFile()).isEqualTo(plan.proposed().render()).isNotEqualTo(old);
        assertThat(hubPeers()).hasSize(2);
        assertThat(hubBackups()).hasSize(1);
        Session after = session(freshHub());
        after.select("cm4,s2204");
        assertThat(after.plan().changed()).isFalse();
    }

    @Test
    void twoAppliesAtOnceOneIsRefusedAndNothingIsLost() throws Exception {
        keyPairsOnWorkers();
        deploy(session(hub("root", false)), "cm4");
        RemoteHub slow = freshHub();
        slow.testVar("PAUSE_AT", "syncconf");
        RemoteHub quick = freshHub();
        Session a = session(slow);
        Session b = session(quick);
        a.select("cm4,s2204");
        b.select("cm4,k8s-proxy");
        Plan pa = a.plan();
        Plan pb = b.plan();

        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> {
            try {
                return a.apply(pa);
            } catch (HubException | PlanRefused e) {
                return e;
            }
        });
        Thread.sleep(1000);
        assertThatThrownBy(() -> b.apply(pb))
                .isInstanceOf(HubException.class)
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.LOCKED))
                .hasMessageContaining("locked by another operator");
        Object won = first.get(60, TimeUnit.SECONDS);
        assertThat(won).isInstanceOf(ApplyOutcome.class);
        assertThat(((ApplyOutcome) won).ok()).isTrue();

        assertThat(hubFile()).isEqualTo(pa.proposed().render());
        assertThat(hubPeers()).hasSize(2);
        // b plans again against the new file: k8s-proxy is added, s2204 stays
        b.refresh();
        b.select("cm4,k8s-proxy");
        assertThat(b.apply(b.plan()).ok()).isTrue();
        assertThat(hubPeers()).hasSize(3);
        slow.close();
        quick.close();
    }

    @Test
    void commitIsOneRoundTripAndPreviewedHashIsChecked() throws Exception {
        RemoteHub hub = hub("root", false);
        HubState empty = hub.read();
        long n = hub.roundTrips();
        Commit c = hub.commit("[Interface]\nAddress = 10.0.0.20/24\nListenPort = 51820\n"
                + "PostUp = wg set %i private-key /etc/wireguard/privatekey\n", empty.hash());
        assertThat(hub.roundTrips() - n).isEqualTo(1);
        assertThat(c.after().live()).isPresent();
        assertThat(c.after().live().get().publicKey()).isEqualTo(hub.publicKey());

        assertThatThrownBy(() -> hub.commit("[Interface]\n", empty.hash()))
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.CONFLICT));
    }

    // ---- issue 8: the hub's key, its identity, one lock, and commits no client can cut ----------

    private static final String PAUSE = "/tmp/wgtui-pause";

    /** A hub with cm4 (a made-up key), up, its key pair made by this first apply; returns the file. */
    private String runningHub() throws Exception {
        String cm4Key = bed.execOk("k8s", "wg genkey | wg pubkey").strip();
        String text = "[Interface]\nAddress = 10.0.0.20/24\nListenPort = 51820\n"
                + "PostUp = wg set %i private-key /etc/wireguard/privatekey\n\n[Peer]\n# cm4\nPublicKey = " + cm4Key
                + "\nAllowedIPs = 10.0.0.3/32\n";
        RemoteHub h = freshHub();
        h.commit(text, "absent");
        h.close();
        return text;
    }

    private String withS2204(String text) {
        return text + "\n[Peer]\n# s2204\nPublicKey = " + bed.execOk("k8s", "wg genkey | wg pubkey").strip()
                + "\nAllowedIPs = 10.0.0.4/32\n";
    }

    private String runningPublicKey() {
        return bed.execOk("k8s", "wg show wg0 public-key").strip();
    }

    private void awaitOnHub(String test, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (bed.exec("k8s", test).ok()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("k8s: " + what + " did not happen within 30 s");
    }

    /**
     * The client goes away while the commit job is at {@code step}: its ssh process killed, its
     * connection closed, or its own timeout (the SSH shell kills the command and closes the
     * channel). The hub finishes the job: the new file whole, the key loaded, every peer in the
     * interface; the next run reads the outcome, once.
     */
    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource({"lock,kill", "check,kill", "key,kill", "backup,kill", "write,kill", "rename,kill", "strip,kill",
            "syncconf,kill", "routes,kill", "readback,kill",
            "lock,cut", "check,cut", "key,cut", "backup,cut", "write,cut", "rename,cut", "strip,cut",
            "syncconf,cut", "routes,cut", "readback,cut",
            "backup,timeout", "syncconf,timeout"})
    void aClientGoneAtAnyCommitStepTheHubFinishesAndTheNextRunSaysHow(String step, String how) throws Exception {
        // no pause file and no job left by an earlier test: the pause waited for is this job's
        bed.execOk("k8s", "rm -f " + PAUSE);
        awaitOnHub("! pgrep -f 'wgtui-commi[t]' >/dev/null", "the end of earlier tests' jobs");
        String old = runningHub();
        String hubKey = runningPublicKey();
        String text = withS2204(old);
        RemoteHub h = freshHub();
        h.testVar("PAUSE_AT", step);
        h.testVar("PAUSE_FILE", PAUSE);
        String command = RemoteRunner.command(h.commitScript(text, Plan.hash(old), "0123456789abcdef").text(), false);
        byte[] stdin = text.getBytes(StandardCharsets.UTF_8);
        switch (how) {
            case "kill" -> {
                // the OpenSSH client as the operator's end: killed outright once the job is at the step
                Process ssh = new ProcessBuilder(bed.sshCommand("root", "k8s", command)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                ssh.getOutputStream().write(stdin);
                ssh.getOutputStream().close();
                awaitOnHub("grep -qx " + step + " " + PAUSE, "the pause at " + step);
                ssh.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            case "cut" -> {
                HostShell cut = connect("k8s", "root");
                CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
                    try {
                        return cut.exec(command, stdin, Duration.ofSeconds(120));
                    } catch (HostException e) {
                        return e;
                    }
                });
                awaitOnHub("grep -qx " + step + " " + PAUSE, "the pause at " + step);
                cut.close();
                assertThat(running.get(30, TimeUnit.SECONDS)).isInstanceOf(HostException.class);
            }
            default -> {
                HostShell impatient = connect("k8s", "root");
                // the job pauses until the test lets it go: the client runs out of time first
                assertThatThrownBy(() -> impatient.exec(command, stdin, Duration.ofSeconds(5)))
                        .isInstanceOf(HostException.class)
                        .satisfies(e -> assertThat(((HostException) e).kind()).isEqualTo(HostException.Kind.TIMEOUT));
                impatient.close();
                awaitOnHub("grep -qx " + step + " " + PAUSE, "the pause at " + step);
            }
        }
        bed.execOk("k8s", "rm -f " + PAUSE);
        // nothing holds the lock; the job's record has its outcome and its client is gone (the
        // record must be there: paused before the lock, the job has not written it yet)
        awaitOnHub("flock -n /etc/wireguard/.wg0.lock true && r=/etc/wireguard/.wg0.run.0123456789abcdef"
                + " && [ -e $r ] && grep -q '^result' $r && c=$(awk -F'\\t' '$1 == \"client\" { print $2 }' $r)"
                + " && case $(sed 's/.*) //' /proc/$c/stat 2>/dev/null) in ''|Z*|X*) true;; *) false;; esac",
                "the job's end");

        assertThat(hubFile()).isEqualTo(text);
        assertThat(runningPublicKey()).isEqualTo(hubKey);
        assertThat(bed.execOk("k8s", "wg show wg0 private-key").strip()).isNotEqualTo("(none)");
        assertThat(hubPeers()).hasSize(2);
        RemoteHub next = freshHub();
        assertThat(next.read().unreported()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunReport.Outcome.DONE);
            assertThat(r.backupName()).isEqualTo(hubBackups().get(hubBackups().size() - 1));
        });
        next.close();
        assertThat(freshHub().read().unreported()).isEmpty();
        assertThat(bed.execOk("k8s", "ls -A /etc/wireguard")).doesNotContain(".wgtui.").doesNotContain(".wg0.run.");
    }

    @Test
    void anApplyKeepsTheHubsRunningKeyWhenItsKeyFileWasReplacedOnDisk() throws Exception {
        keyPairsOnWorkers();
        Session s = session(hub("root", false));
        deploy(s, "cm4");
        String identity = runningPublicKey();
        bed.execOk("k8s", "wg genkey > /etc/wireguard/privatekey");

        Session again = session(freshHub());
        again.select("cm4,s2204");
        ApplyOutcome out = again.apply(again.plan());

        assertThat(out.ok()).as("%s", out.validation()).isTrue();
        assertThat(runningPublicKey()).isEqualTo(identity);
        assertThat(hubPeers()).hasSize(2);
        assertPingsHub("cm4");
    }

    @Test
    void anExistingHubWhoseKeyFileIsGoneIsRefusedNotGivenANewIdentity() throws Exception {
        String old = runningHub();
        String identity = runningPublicKey();
        bed.execOk("k8s", "wg-quick down wg0 >/dev/null 2>&1; rm /etc/wireguard/privatekey; rm -f /etc/wireguard/publickey");
        // (a public key file left by an earlier test is another case, with its own message and test)

        assertThatThrownBy(() -> freshHub().commit(withS2204(old), Plan.hash(old)))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("/etc/wireguard/privatekey")
                .hasMessageContaining("does not make a new key for an existing hub");

        assertThat(hubFile()).isEqualTo(old);
        assertThat(bed.exec("k8s", "test -e /etc/wireguard/privatekey").ok()).isFalse();
        assertThat(bed.exec("k8s", "ip link show wg0").ok()).isFalse();
        assertThat(identity).isNotBlank();
    }

    @Test
    void localAndRemoteTakeTheSameLock() throws Exception {
        String old = runningHub();
        // the hub's /etc/wireguard, as --local on the control plane sees it
        Path conf = Path.of("/etc/netns", bed.namespace("k8s"), "wireguard", "wg0.conf");
        LocalHub local = new LocalHub("k8s", conf, Path.of(bed.dir().toString(), "local.preview"), Clock.systemUTC());
        RemoteHub paused = freshHub();
        paused.testVar("PAUSE_AT", "backup");
        paused.testVar("PAUSE_FILE", PAUSE);
        String text = withS2204(old);
        CompletableFuture<Object> remote = CompletableFuture.supplyAsync(() -> {
            try {
                return paused.commit(text, Plan.hash(old));
            } catch (HubException e) {
                return e;
            }
        });
        awaitOnHub("test -e " + PAUSE, "the pause at backup");
        try {
            assertThatThrownBy(() -> local.commit(old + "# by hand\n", Plan.hash(old)))
                    .isInstanceOf(HubException.class)
                    .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.LOCKED));
        } finally {
            bed.execOk("k8s", "rm -f " + PAUSE);
        }
        assertThat(remote.get(60, TimeUnit.SECONDS)).isInstanceOf(Commit.class);
        assertThat(hubFile()).isEqualTo(text);
        paused.close();

        // and the other way round: a local commit in the lock, then the remote one sees its file
        Commit mine = local.commit(text + "# by hand\n", Plan.hash(text));
        assertThat(mine.backupName()).isNotNull();
        assertThatThrownBy(() -> freshHub().commit(withS2204(old), Plan.hash(text)))
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.CONFLICT));
    }
}
