package dev.wgtui.core.session;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.cluster.NodeReader;
import dev.wgtui.core.plan.Plan;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.wgtui.core.session.SessionTest.A;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adversarial review of the core (issues 7 and 8), through the Session: what Session.finish
 * (re-parse, RenderCheck, ConfigCheck) lets through to a commit, and what it refuses that it
 * should not. Each test names its finding (see REVIEW.md).
 */
class ReviewSessionTest {

    static final String B = "URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=";
    static final String D = "yUenA7mXV84Hudj8s/+JKcPyVj29mKP/TQc2xqM/m3U=";
    /** base64 of a readable string: stands in for the hub's private key. */
    static final String HUB_KEY = "d2ctcG9ydGFsLXYxLWh1Yi1maXh0dXJlLXNlY3JldC4=";

    private static Session session(SessionTest.MemoryHub hub, Cluster cluster) {
        return new Session(cluster, hub, p -> List.of(p.split(",")), WorkerKeys.NONE, Session.Options.defaults(),
                Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC));
    }

    /**
     * REVIEW F1 (high): a hub whose [Interface] is written after its peers (legal for wg and
     * wg-quick; wgtui reads it without a problem). The [Interface] is owned by the last peer, so
     * pruning that peer (an extra) deletes the hub's [Interface] with its PrivateKey, ListenPort
     * and Address. RenderCheck does not look at lines outside peers and ConfigCheck does not
     * require an [Interface]: the plan is made, applied, and validation passes.
     */
    @Test
    void prunePlanKeepsTheHubsInterface() throws Exception {
        SessionTest.MemoryHub hub = new SessionTest.MemoryHub("[Peer]\n# cm4\nPublicKey = " + A
                + "\nAllowedIPs = 10.0.0.3/32\n\n[Peer]\n# laptop\nPublicKey = " + B + "\nAllowedIPs = 10.0.0.50/32\n\n"
                + "[Interface]\nPrivateKey = " + HUB_KEY + "\nListenPort = 51820\nAddress = 10.0.0.20/24\n");
        Session s = session(hub, SessionTest.cluster());

        Plan plan = s.prunePlan();
        assertThat(plan.merge().removed()).containsExactly("laptop");
        ApplyOutcome out = s.apply(plan);

        assertThat(out.ok()).as("applied and validated").isTrue();
        // Fails today: the file on the hub is now only "[Peer] # cm4 ..." - no [Interface], no key.
        assertThat(hub.text).contains("[Interface]\nPrivateKey = " + HUB_KEY + "\nListenPort = 51820\n");
    }

    /**
     * REVIEW F2 (high): 'apply bob' on a hub where alice (named the seed's way) is followed, after
     * a blank line, by bob's old angristan block commented out by hand. wgtui reads alice as bob
     * and the plan rewrites alice's key and AllowedIPs; the diff shows it as "update bob".
     */
    @Test
    void applyOfOneWorkerNeverRewritesAnotherPeersKey() throws Exception {
        SessionTest.MemoryHub hub = new SessionTest.MemoryHub("[Interface]\nPrivateKey = " + HUB_KEY
                + "\nListenPort = 51820\n\n[Peer]\n# alice\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.3/32\n\n"
                + "### Client bob\n#[Peer]\n#PublicKey = " + B + "\n#AllowedIPs = 10.0.0.4/32\n");
        Node k8s = NodeReader.read("inv", "k8s", Map.of("wireguard_ip", "10.0.0.20"));
        Node alice = NodeReader.read("inv", "alice", Map.of("wireguard_ip", "10.0.0.3", "wireguard_public_key", A));
        Node bob = NodeReader.read("inv", "bob", Map.of("wireguard_ip", "10.0.0.9", "wireguard_public_key", D));
        Session s = session(hub, new Cluster("inv", k8s, List.of(alice, bob)));
        s.select("bob");

        Plan plan = s.plan();
        // Fails today: updated [bob], and the block under "# alice" now has bob's key D
        assertThat(plan.merge().updated()).isEmpty();
        assertThat(plan.proposed().render()).contains("# alice\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.3/32\n");
    }

    /**
     * REVIEW F7 (medium): two unnamed peers whose keys start with the same 4 bytes share a derived
     * name; every plan on that hub is then refused by RenderCheck, here one that only adds cm4.
     */
    @Test
    void twoUnnamedPeersWithTheSameDerivedNameDoNotBlockEveryPlan() throws Exception {
        String k1 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        String k2 = "AAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        SessionTest.MemoryHub hub = new SessionTest.MemoryHub("[Interface]\nPrivateKey = " + HUB_KEY
                + "\nListenPort = 51820\n\n[Peer]\nPublicKey = " + k1 + "\nAllowedIPs = 10.0.0.50/32\n\n"
                + "[Peer]\nPublicKey = " + k2 + "\nAllowedIPs = 10.0.0.51/32\n");
        Session s = session(hub, SessionTest.cluster());
        assertThat(s.currentProblems()).isEmpty();
        s.select("cm4");
        // Fails today: PlanRefused "peer 'peer-00000000' is in the text twice; ... lines changed"
        Plan plan = s.plan();
        assertThat(plan.merge().added()).containsExactly("cm4");
    }
}
