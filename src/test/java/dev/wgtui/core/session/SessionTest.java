package dev.wgtui.core.session;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.cluster.NodeReader;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.plan.DryRunSummary;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.plan.PeerStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Session orchestration against an in-memory hub that can be told to misbehave. */
class SessionTest {

    static final String A = "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=";
    static final String B = "URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=";

    /** A hub in memory: the file, an interface that loads it unless told to drop a peer. */
    static final class MemoryHub implements Hub {
        String text;
        final List<String> backups = new ArrayList<>();
        final List<String> backupTexts = new ArrayList<>();
        boolean interfaceDropsPeers;
        int commits;

        MemoryHub(String text) {
            this.text = text;
        }

        public String node() { return "k8s"; }
        public String configPath() { return "/etc/wireguard/wg0.conf"; }
        public String previewPath() { return "/tmp/wg0.conf.preview"; }
        public HubState read() { return new HubState(text, Optional.of(live())); }
        public void writePreview(String t) { }

        LiveState live() {
            StringBuilder dump = new StringBuilder("(hidden)\tHUB=\t51820\toff\n");
            if (text != null && !interfaceDropsPeers) {
                for (var p : dev.wgtui.core.config.WgConfig.parse("x", text).peers()) {
                    dump.append(p.publicKey().orElseThrow()).append("\t(none)\t(none)\t")
                            .append(String.join(",", p.allowedIps())).append("\t0\t0\t0\toff\n");
                }
            }
            return LiveState.parse(dump.toString());
        }

        public Commit commit(String t, String expectedHash) throws HubException {
            if (!Plan.hash(text).equals(expectedHash)) {
                throw new HubException(HubException.Kind.CONFLICT, "changed since the preview");
            }
            commits++;
            String name = null;
            if (text != null) {
                name = "wg0.conf.2026112" + backups.size() + "T000000Z.backup";
                backups.add(name);
                backupTexts.add(text);
            }
            text = t;
            return new Commit(name, read());
        }

        public HubState rollback(String backupName) {
            text = backupTexts.get(backups.indexOf(backupName));
            interfaceDropsPeers = false;
            return read();
        }

        int reloads;

        @Override
        public HubState reload() {
            reloads++;
            interfaceDropsPeers = false;
            return read();
        }

        public List<Backup> backups() { return List.of(); }
        public String readBackup(String name) { return backupTexts.get(backups.indexOf(name)); }
        public Optional<String> runningConfig() { return Optional.empty(); }
        public String strippedConfig() { return text; }
        public void close() { }
    }

    static Cluster cluster() {
        Node hub = NodeReader.read("inv", "k8s", Map.of("wireguard_ip", "10.0.0.20"));
        Node cm4 = NodeReader.read("inv", "cm4", Map.of("wireguard_ip", "10.0.0.3", "wireguard_public_key", A));
        Node s2204 = NodeReader.read("inv", "s2204", Map.of("wireguard_ip", "10.0.0.4"));
        return new Cluster("inv", hub, List.of(cm4, s2204));
    }

    static Session session(Hub hub, WorkerKeys keys) {
        return new Session(cluster(), hub, p -> List.of(p.split(",")), keys, Session.Options.defaults(),
                Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aHubWithoutConfigGetsANewOneThatKeepsItsPrivateKeyAtHome() throws Exception {
        MemoryHub hub = new MemoryHub(null);
        Session s = session(hub, WorkerKeys.NONE);
        s.select("cm4");
        Plan plan = s.plan();
        assertThat(plan.summary().status()).isEqualTo(DryRunSummary.Status.CREATE_NEW);
        assertThat(plan.proposed().render()).startsWith("[Interface]\n# written by wgtui\nAddress = 10.0.0.20/24\n"
                + "ListenPort = 51820\nPostUp = wg set %i private-key /etc/wireguard/privatekey\n\n[Peer]\n# cm4\n");
        ApplyOutcome out = s.apply(plan);
        assertThat(out.written()).isTrue();
        assertThat(out.backupName()).isNull();
        assertThat(out.ok()).isTrue();
    }

    @Test
    void workerKeysComeFromTheWorkerWhenTheInventoryHasNone() throws Exception {
        MemoryHub hub = new MemoryHub(null);
        List<String> asked = new ArrayList<>();
        Session s = session(hub, workers -> {
            workers.forEach(w -> asked.add(w.name()));
            return Map.of("s2204", B);
        });
        s.select("cm4,s2204");
        Plan plan = s.plan();
        assertThat(asked).containsExactly("s2204");
        assertThat(plan.proposed().peer("s2204").orElseThrow().publicKey()).contains(B);
    }

    @Test
    void aWorkerWithoutAnyKeyIsRefusedClearly() {
        Session s = session(new MemoryHub(null), WorkerKeys.NONE);
        s.select("s2204");
        assertThatThrownBy(s::plan).isInstanceOf(PlanRefused.class)
                .hasMessageContaining("host s2204: no public key");
    }

    @Test
    void failedValidationRollsBack() throws Exception {
        MemoryHub hub = new MemoryHub(null);
        Session s = session(hub, WorkerKeys.NONE);
        s.select("cm4");
        s.apply(s.plan());
        String good = hub.text;

        Session again = session(hub, w -> Map.of("s2204", B));
        again.select("cm4,s2204");
        Plan plan = again.plan();
        hub.interfaceDropsPeers = true;
        ApplyOutcome out = again.apply(plan);
        assertThat(out.rolledBack()).isTrue();
        assertThat(out.ok()).isFalse();
        assertThat(out.validation().render()).contains("not a peer of the running interface");
        assertThat(hub.text).isEqualTo(good);
    }

    @Test
    void aRunCutBeforeItsReloadIsReloadedByTheNextApply() throws Exception {
        MemoryHub hub = new MemoryHub(null);
        Session s = session(hub, WorkerKeys.NONE);
        s.select("cm4");
        assertThat(s.apply(s.plan()).ok()).isTrue();
        hub.interfaceDropsPeers = true; // the file is new, the interface still old
        Session again = session(hub, WorkerKeys.NONE);
        again.select("cm4");
        Plan plan = again.plan();
        assertThat(plan.changed()).isFalse();
        ApplyOutcome out = again.apply(plan);
        assertThat(out.written()).isFalse();
        assertThat(hub.reloads).isEqualTo(1);
        assertThat(out.ok()).isTrue();
    }

    @Test
    void aFileChangedSinceThePreviewIsRefused() throws Exception {
        MemoryHub hub = new MemoryHub(null);
        Session s = session(hub, WorkerKeys.NONE);
        s.select("cm4");
        Plan plan = s.plan();
        hub.text = "[Interface]\nListenPort = 51820\n";
        assertThatThrownBy(() -> s.apply(plan)).isInstanceOf(HubException.class)
                .hasMessageContaining("changed since the preview");
        assertThat(hub.text).isEqualTo("[Interface]\nListenPort = 51820\n");
        assertThat(hub.commits).isZero();
    }

    @Test
    void statusRowsCarryMarkersAndLiveColumns() throws Exception {
        MemoryHub hub = new MemoryHub("[Interface]\nListenPort = 51820\n\n[Peer]\n# cm4\nPublicKey = " + A
                + "\nAllowedIPs = 10.0.0.3/32\n\n[Peer]\n# laptop\nPublicKey = " + B + "\nAllowedIPs = 10.0.0.50/32\n");
        Session s = session(hub, WorkerKeys.NONE);
        s.toggle("s2204");
        var rows = s.rows();
        assertThat(rows).extracting(r -> r.name() + " " + r.status()).containsExactly("cm4 OK", "s2204 NEW",
                "laptop EXTRA");
        assertThat(rows.get(0).live()).isPresent();
        assertThat(rows.get(1).status()).isEqualTo(PeerStatus.NEW);
        s.toggle("s2204");
        assertThat(s.rows().get(1).status()).isEqualTo(PeerStatus.MISSING);
    }

    static final String C = "GOu5mfbhAxxg8zTdOEV0qphZwRZB7Bb6L4FqUBn70Wg=";

    @Test
    void everyPlanReadsTheHubAfreshSoAnotherOperatorsChangeIsInTheDiff() throws Exception {
        MemoryHub hub = new MemoryHub("[Interface]\nListenPort = 51820\n");
        Session s = session(hub, w -> Map.of("s2204", B));
        s.select("cm4");
        s.state(); // the session has read the hub once, as a shell does at start
        hub.text = "[Interface]\nListenPort = 51820\n\n[Peer]\n# laptop\nPublicKey = " + C + "\nAllowedIPs = 10.0.0.50/32\n";
        Plan plan = s.plan(List.of("s2204"));
        assertThat(plan.current().render()).contains("# laptop");
        assertThat(plan.proposed().peer("laptop")).isPresent();
        ApplyOutcome out = s.apply(plan);
        assertThat(out.written()).isTrue();
        assertThat(hub.text).contains("# laptop").contains("# s2204");
    }

    @Test
    void aKeyRotatedOnAWorkerDuringTheSessionIsPickedUpByTheNextPlan() throws Exception {
        MemoryHub hub = new MemoryHub("[Interface]\nListenPort = 51820\n");
        String[] onWorker = {B};
        List<String> asked = new ArrayList<>();
        Session s = session(hub, workers -> {
            workers.forEach(w -> asked.add(w.name()));
            return Map.of("s2204", onWorker[0]);
        });
        s.apply(s.plan(List.of("s2204")));
        assertThat(hub.text).contains(B);
        onWorker[0] = C;
        Plan second = s.plan(List.of("s2204"));
        assertThat(second.merge().updated()).containsExactly("s2204");
        s.apply(second);
        assertThat(hub.text).contains(C).doesNotContain(B);
        assertThat(asked).containsExactly("s2204", "s2204");
    }

    @Test
    void planningForAPatternLeavesTheSelectionAlone() throws Exception {
        Session s = session(new MemoryHub(null), w -> Map.of("s2204", B));
        s.select("cm4");
        Plan plan = s.plan(s.workersMatching("s2204,k8s").workers());
        assertThat(plan.merge().added()).containsExactly("s2204");
        assertThat(s.selection()).containsExactly("cm4");
        assertThat(s.workersMatching("s2204,k8s").ignored()).containsExactly("k8s");
    }

    @Test
    void aPlanForAHostThatIsNotAWorkerIsRefused() {
        Session s = session(new MemoryHub(null), WorkerKeys.NONE);
        assertThatThrownBy(() -> s.plan(List.of("k8s"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k8s is not a worker");
    }

    /** Review R4: a worker whose key pair could not be made leaves the confirmed plan; nothing is read again. */
    @Test
    void aPlanWithoutAWorkerIsTheShownPlanLessItsPeerReadingNothingAgain() throws Exception {
        MemoryHub hub = new MemoryHub("[Interface]\nListenPort = 51820\n");
        KeysMadeAtApply keys = new KeysMadeAtApply(Map.of());
        Session s = session(hub, keys);
        Plan shown = s.plan(List.of("cm4", "s2204"));
        assertThat(shown.pendingKeys()).containsValue("s2204");
        hub.text = hub.text + "# someone else's edit\n";   // read again, this would be in the plan

        Plan without = s.without(shown, List.of("s2204"));
        assertThat(without.proposed().peer("s2204")).isEmpty();
        assertThat(without.proposed().peer("cm4")).isPresent();
        assertThat(without.pendingKeys()).isEmpty();
        assertThat(without.currentHash()).isEqualTo(shown.currentHash());
        assertThat(without.proposed().render()).doesNotContain("someone else's edit");
        assertThat(keys.existingAsked).isEqualTo(1);
    }

    /** A new hub whose workers get their key pairs at apply: the made keys fill in the plan shown. */
    @Test
    void aNewHubWhoseWorkersGetKeyPairsAtApplyIsWrittenAsShown() throws Exception {
        MemoryHub hub = new MemoryHub(null);
        WorkerKeys keys = new KeysMadeAtApply(Map.of("s2204", B));
        Session s = session(hub, keys);
        Plan shown = s.plan(List.of("cm4", "s2204"));
        assertThat(shown.previewText()).contains("(made on s2204 at apply)");
        ApplyOutcome out = s.apply(shown);
        assertThat(out.written()).isTrue();
        assertThat(hub.text).isEqualTo(shown.previewText().replace("(made on s2204 at apply)", B));
    }

    /** Workers with no key yet: a dry-run finds none; the apply makes {@code made}. Counts the dry-run reads. */
    private static final class KeysMadeAtApply implements WorkerKeys {
        private final Map<String, String> made;
        int existingAsked;

        KeysMadeAtApply(Map<String, String> made) {
            this.made = made;
        }

        @Override
        public Map<String, String> publicKeys(java.util.Collection<Node> workers) {
            return made;
        }

        @Override
        public Map<String, String> existingKeys(java.util.Collection<Node> workers) {
            existingAsked++;
            return Map.of();
        }

        @Override
        public boolean canGenerate() {
            return true;
        }
    }
}
