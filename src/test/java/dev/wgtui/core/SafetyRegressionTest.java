package dev.wgtui.core;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.cluster.NodeReader;
import dev.wgtui.core.config.ConfigCheck;
import dev.wgtui.core.config.Keys;
import dev.wgtui.core.config.PeerBlock;
import dev.wgtui.core.config.PeerMerge;
import dev.wgtui.core.config.Problem;
import dev.wgtui.core.config.Redaction;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.PeerStatus;
import dev.wgtui.core.plan.StatusTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test is named after what it guards; they came from a review of the safety rules. */
class SafetyRegressionTest {

    static final String KEY = "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=";
    static final String SECRET = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";

    @Test
    void allowedIpsWithHostBitsCompareAsWgStoresThem() {
        assertThat(PeerMerge.sameCidrs(List.of("10.0.0.3/32", "192.168.50.1/24"), List.of("192.168.50.0/24", "10.0.0.3/32")))
                .isTrue();
        assertThat(PeerMerge.sameCidrs(List.of("10.0.1.0/24"), List.of("10.0.0.0/24"))).isFalse();
    }

    @Test
    void aKeyWhoseUnusedBitsAreSetIsRejectedAsWgRejectsIt() {
        String almost = "A".repeat(42) + "B=";
        assertThat(Keys.isValid(almost)).isFalse();
        assertThat(Keys.isValid("A".repeat(42) + "E=")).isTrue();
        assertThat(Keys.isValid(KEY)).isTrue();
    }

    @Test
    void aWrappedPrivateKeyIsNeverQuotedInAnError() {
        WgConfig c = WgConfig.parse("wg0.conf", "[Interface]\nPrivateKey =\n" + SECRET + "\nListenPort = 51820\n");
        String errors = ConfigCheck.problems(c).stream().map(Problem::toString).reduce("", (a, b) -> a + b + "\n");
        assertThat(errors).isNotEmpty().doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 40));
    }

    @Test
    void anInlineSecretInAHookIsHiddenButPublicKeysAreNot() {
        assertThat(Redaction.line("PostUp = wg set %i private-key <(echo " + SECRET + ")")).doesNotContain(SECRET);
        assertThat(Redaction.line(SECRET)).doesNotContain(SECRET);
        assertThat(Redaction.line("PublicKey = " + KEY)).contains(KEY);
    }

    @Test
    void aCommentAboveTheFirstPeerStaysWithTheInterfaceWhenPeersMoveOrGo() {
        String text = "[Interface]\nListenPort = 51820\n# PostDown = iptables -D FORWARD -i %i -j ACCEPT\n[Peer]\n# zz\n"
                + "PublicKey = " + KEY + "\nAllowedIPs = 10.0.0.9/32\n";
        WgConfig c = WgConfig.parse("wg0.conf", text);
        assertThat(c.preamble().get(c.preamble().size() - 1).raw()).startsWith("# PostDown");
        WgConfig pruned = PeerMerge.prune(c, Set.of()).config();
        assertThat(pruned.render()).contains("# PostDown = iptables").doesNotContain("[Peer]");
    }

    @Test
    void aHostNameThatCannotBeReadBackAsANameIsNotWritable() {
        assertThat(PeerBlock.isWritableName("cm4")).isTrue();
        assertThat(PeerBlock.isWritableName("k8s-proxy.example")).isTrue();
        assertThat(PeerBlock.isWritableName("fd00::5")).isFalse();
        assertThat(PeerBlock.isWritableName("two words")).isFalse();
    }

    @Test
    void anUnnamedPeerWithAWorkersKeyIsThatWorkerNotAnExtra() {
        WgConfig hub = WgConfig.parse("wg0.conf", "[Interface]\nListenPort = 51820\n\n[Peer]\nPublicKey = " + KEY
                + "\nAllowedIPs = 10.0.0.3/32\n");
        Node cm4 = NodeReader.read("inv", "cm4", Map.of("wireguard_ip", "10.0.0.3", "wireguard_public_key", KEY));
        Cluster cluster = new Cluster("inv", NodeReader.read("inv", "k8s", Map.of("wireguard_ip", "10.0.0.20")), List.of(cm4));
        List<PeerRow> rows = StatusTable.rows(hub, cluster, Map.of(), List.of(), Optional.empty());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).name()).isEqualTo("cm4");
        assertThat(rows.get(0).status()).isEqualTo(PeerStatus.CHANGED);
        assertThat(rows.get(0).differences()).anyMatch(d -> d.contains("without a name comment"));
    }

    /** Issue 8.7: the key name as wg reads it (whitespace inside dropped, any case), not a text pattern. */
    @Test
    void aSecretIsHiddenWhateverTheSpellingOfItsKeyName() {
        String psk = "cHNrLXNwbGl0LWtleS1uYW1lLXRlc3QtLi4uLi4uLi4=";
        // wg drops whitespace in names and values alike: a key split by a space is still the key
        String split = SECRET.substring(0, 22) + " " + SECRET.substring(22);
        String splitPsk = psk.substring(0, 22) + " " + psk.substring(22);
        for (String line : new String[] {"PrivateK ey = " + split, "private\tkey=" + split, "+PRIVATEKEY = " + split,
                "Preshared Key = " + splitPsk, "PrivateK ey = " + SECRET,
                "Preshared Key = " + psk, "-PresharedK ey = " + psk, "# -WGP- PrivateKey: " + SECRET, "PrivateKey",
                "PrivateKey " + SECRET.substring(0, 20)}) {
            String shown = Redaction.line(line);
            assertThat(shown).as(line).doesNotContain(SECRET.substring(0, 20)).doesNotContain(psk.substring(0, 20))
                    .doesNotContain(SECRET.substring(22, 40)).doesNotContain(psk.substring(22, 40));
        }
        WgConfig c = WgConfig.parse("wg0.conf", "[Interface]\nPrivateK ey = " + split + "\nListenPort = x\n");
        assertThat(ConfigCheck.problems(c).toString()).doesNotContain(SECRET.substring(0, 20));
        assertThat(dev.wgtui.core.plan.Plan.unifiedDiff("[Interface]\n", c.render(), "a", "b"))
                .doesNotContain(SECRET.substring(0, 20)).doesNotContain(SECRET.substring(22, 40))
                .contains("PrivateK ey = (hidden)");
    }

    @Test
    void proseThatMentionsAPrivateKeyIsNotCut() {
        String prose = "Preview file: /tmp/wg0.conf.preview (holds the hub's private key; mode 0600; the apply removes it)";
        assertThat(Redaction.line(prose)).isEqualTo(prose);
    }

    /** Issue 8.13: a NUL byte in the hub's file is refused as invalid UTF-8 is, naming its line. */
    @Test
    void aNulByteInTheHubFileIsAnErrorWithItsLine() {
        WgConfig c = WgConfig.parse("wg0.conf", "[Interface]\nListenPort = 51820\n# a\u0000b\n");
        assertThat(ConfigCheck.problems(c)).extracting(Problem::toString)
                .containsExactly("wg0.conf:3: NUL byte in the line (not a text file?): `# a\\x00b'");
    }
}
