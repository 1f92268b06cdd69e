package dev.wgtui.core.plan;

import dev.wgtui.core.config.PeerSpec;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.live.LiveState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DriftAndValidationTest {

    static final String A = "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=";
    static final String B = "URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=";
    static final String C = "Enf+hoH/jWtZLBIoXuK8nqgd6F6m2iL/m3feMuENuW0=";

    static final String FILE = "[Interface]\nListenPort = 51820\n\n[Peer]\n# cm4\nPublicKey = " + A
            + "\nAllowedIPs = 10.0.0.3/32\n\n[Peer]\n# s2204\nPublicKey = " + B + "\nAllowedIPs = 10.0.0.4/32\n";

    @Test
    void driftFindsRuntimeAdditionsRemovalsAndChangesButIgnoresEndpoints() {
        String running = "[Interface]\nListenPort = 51820\n\n[Peer]\nPublicKey = " + A
                + "\nAllowedIPs = 10.0.0.3/32, 10.0.7.0/24\nEndpoint = 192.168.77.3:40000\n\n[Peer]\nPublicKey = " + C
                + "\nAllowedIPs = 10.0.0.99/32\n";
        List<Drift.Change> changes = Drift.compare(WgConfig.parse("run", running), WgConfig.parse("file", FILE));
        assertThat(changes).extracting(Drift.Change::kind).containsExactly(Drift.Change.Kind.CHANGED,
                Drift.Change.Kind.ADDED_AT_RUNTIME, Drift.Change.Kind.REMOVED_AT_RUNTIME);
        assertThat(changes.get(0).name()).isEqualTo("cm4");
        assertThat(changes.get(0).detail()).contains("10.0.7.0/24").doesNotContain("Endpoint");
        assertThat(changes.get(2).name()).isEqualTo("s2204");

        String sameButRoamed = FILE.replace("AllowedIPs = 10.0.0.3/32", "AllowedIPs = 10.0.0.3/32\nEndpoint = 1.2.3.4:5");
        assertThat(Drift.compare(WgConfig.parse("run", sameButRoamed), WgConfig.parse("file", FILE))).isEmpty();
    }

    @Test
    void validationChecksFileAndRunningInterfaceAndReportsExtras() {
        WgConfig file = WgConfig.parse("f", FILE);
        List<PeerSpec> expected = List.of(new PeerSpec("cm4", A, List.of("10.0.0.3/32"), null, null),
                new PeerSpec("k8s-proxy", C, List.of("10.0.0.21/32"), null, null));
        LiveState live = LiveState.parse("x\tHUB=\t51820\toff\n" + A + "\t(none)\t(none)\t10.0.0.3/32\t0\t0\t0\toff\n");
        Validation.Report r = Validation.check(file, Optional.of(live), expected, Set.of("cm4", "k8s-proxy"));
        assertThat(r.passed()).isFalse();
        assertThat(r.count(Validation.Finding.Kind.OK)).isEqualTo(1);
        assertThat(r.count(Validation.Finding.Kind.MISSING)).isEqualTo(1);
        assertThat(r.count(Validation.Finding.Kind.EXTRA)).isEqualTo(1);
        assertThat(r.summary()).isEqualTo("Validation FAILED: 2 expected, 1 ok, 1 missing, 0 mismatched, 1 extra (preserved)");

        LiveState without = LiveState.parse("x\tHUB=\t51820\toff\n");
        Validation.Report notRunning = Validation.check(file, Optional.of(without),
                List.of(expected.get(0)), Set.of("cm4", "s2204"));
        assertThat(notRunning.passed()).isFalse();
        assertThat(notRunning.render()).contains("not a peer of the running interface");
    }

    @Test
    void validationAfterAnApplyFailsWhenTheInterfaceLostOrChangedItsKey() {
        WgConfig file = WgConfig.parse("f", FILE);
        List<PeerSpec> expected = List.of(new PeerSpec("cm4", A, List.of("10.0.0.3/32"), null, null));
        String peers = A + "\t(none)\t(none)\t10.0.0.3/32\t0\t0\t0\toff\n";
        Optional<String> before = Optional.of(C);

        Validation.Report same = Validation.check(file, Optional.of(LiveState.parse("(hidden)\t" + C
                + "\t51820\toff\n" + peers)), expected, Set.of("cm4", "s2204"), before);
        assertThat(same.passed()).isTrue();

        Validation.Report changed = Validation.check(file, Optional.of(LiveState.parse("(hidden)\t" + B
                + "\t51820\toff\n" + peers)), expected, Set.of("cm4", "s2204"), before);
        assertThat(changed.passed()).isFalse();
        assertThat(changed.summary()).contains("public key changed from " + C + " to " + B);
        assertThat(changed.render()).startsWith("✗ the running interface's public key changed");

        Validation.Report cleared = Validation.check(file, Optional.of(LiveState.parse("(none)\t(none)\t51820\toff\n"
                + peers)), expected, Set.of("cm4", "s2204"), before);
        assertThat(cleared.passed()).isFalse();
        assertThat(cleared.summary()).contains("has no private key");

        Validation.Report down = Validation.check(file, Optional.empty(), expected, Set.of("cm4", "s2204"), before);
        assertThat(down.passed()).isFalse();
        assertThat(down.summary()).contains("not running any more");
    }
}
