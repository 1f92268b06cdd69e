package dev.wgtui.core.plan;

import dev.wgtui.core.config.ConfigEdits;
import dev.wgtui.core.config.PeerMerge;
import dev.wgtui.core.config.PeerSpec;
import dev.wgtui.core.config.WgConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the operator must read before confirming: a preview that holds the key, a new hub key. */
class DryRunSummaryTest {

    static final String A = "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=";
    static final String SECRET = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    static final PeerSpec CM4 = new PeerSpec("cm4", A, List.of("10.0.0.3/32"), null, null);

    private static Plan plan(WgConfig current, WgConfig base) {
        PeerMerge.Result merge = PeerMerge.merge(base, List.of(CM4));
        return new Plan("k8s", "/etc/wireguard/wg0.conf", "/tmp/wg0.conf.preview", current,
                Plan.hash(current == null ? null : current.render()), merge.config(), merge);
    }

    @Test
    void aNewHubSaysItsKeyPairMayBeMadeAndWhere() {
        WgConfig fresh = ConfigEdits.newHub("k8s", "10.0.0.20/24", 51820, "/etc/wireguard/privatekey");

        String summary = plan(null, fresh).summary().render();

        assertThat(summary).contains("Status: CREATE NEW")
                .contains("Hub key: NEW HUB - its key is loaded from /etc/wireguard/privatekey; over SSH the apply "
                        + "makes a new key pair there if that file does not exist");
    }

    @Test
    void anExistingHubSaysNothingAboutItsKey() {
        WgConfig current = WgConfig.parse("k8s", "[Interface]\nListenPort = 51820\n"
                + "PostUp = wg set %i private-key /etc/wireguard/privatekey\n");

        assertThat(plan(current, current).summary().render()).doesNotContain("Hub key").doesNotContain("holds");
    }

    @Test
    void aPreviewThatHoldsThePrivateKeySaysSoAndThatTheApplyRemovesIt() {
        // the key name split by whitespace, as wg reads it
        WgConfig current = WgConfig.parse("k8s", "[Interface]\nListenPort = 51820\nPrivateK ey = " + SECRET + "\n");

        DryRunSummary s = plan(current, current).summary();

        assertThat(s.previewHoldsPrivateKey()).isTrue();
        assertThat(s.render()).contains("Preview file: /tmp/wg0.conf.preview (holds the hub's private key; mode 0600; "
                + "the apply removes it)").doesNotContain(SECRET);
    }

    @Test
    void aSortSaysEveryPeerIsPutInNameOrderNotThatZeroPeersChange() {
        WgConfig current = WgConfig.parse("k8s", "[Interface]\nListenPort = 51820\n\n[Peer]\n# s2204\nPublicKey = "
                + SECRET + "\nAllowedIPs = 10.0.0.4/32\n\n[Peer]\n# cm4\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.3/32\n");
        PeerMerge.Result sorted = PeerMerge.sort(current);

        DryRunSummary s = new Plan("k8s", "/etc/wireguard/wg0.conf", "/tmp/wg0.conf.preview", current,
                Plan.hash(current.render()), sorted.config(), sorted).summary();

        assertThat(s.change()).isEqualTo("every peer put in name order, none added, removed or changed");
        assertThat(s.render()).doesNotContain("0 peer(s)");
    }
}
