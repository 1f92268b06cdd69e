package dev.wgtui.core.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed's merge behaviour, case by case. */
class PeerMergeTest {

    static final String KEY_CM4 = "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=";
    static final String KEY_CM4_NEW = "lI0H8Cxnm3JoZz8oYVP3jN7L0m5kB3pzWkq4h3h6h0E=";
    static final String KEY_S2204 = "URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=";
    static final String KEY_PROXY = "Enf+hoH/jWtZLBIoXuK8nqgd6F6m2iL/m3feMuENuW0=";

    static final String HUB = """
            [Interface]
            Address = 10.0.0.20/24
            ListenPort = 51820

            [Peer]
            # cm4
            PublicKey = %s
            AllowedIPs = 10.0.0.3/32

            [Peer]
            # s2204
            PublicKey = %s
            AllowedIPs = 10.0.0.4/32
            """.formatted(KEY_CM4, KEY_S2204);

    @Test
    void newPeerIsAddedAndOthersKept() {
        WgConfig hub = WgConfig.parse("hub", HUB);
        PeerMerge.Result r = PeerMerge.merge(hub, List.of(new PeerSpec("k8s-proxy", KEY_PROXY,
                List.of("10.0.0.21/32"), null, 25)));
        assertThat(r.added()).containsExactly("k8s-proxy");
        assertThat(r.config().render()).isEqualTo("""
                [Interface]
                Address = 10.0.0.20/24
                ListenPort = 51820

                [Peer]
                # cm4
                PublicKey = %s
                AllowedIPs = 10.0.0.3/32

                [Peer]
                # k8s-proxy
                PublicKey = %s
                AllowedIPs = 10.0.0.21/32
                PersistentKeepalive = 25

                [Peer]
                # s2204
                PublicKey = %s
                AllowedIPs = 10.0.0.4/32
                """.formatted(KEY_CM4, KEY_PROXY, KEY_S2204));
    }

    @Test
    void samePeerIsUpdatedInPlaceKeepingItsOtherLines() {
        String text = HUB.replace("# cm4\n", "# cm4\n# rack 2, shelf 3\n");
        WgConfig hub = WgConfig.parse("hub", text);
        PeerMerge.Result r = PeerMerge.merge(hub, List.of(new PeerSpec("cm4", KEY_CM4_NEW, List.of("10.0.0.3/32"),
                null, null)));
        assertThat(r.updated()).containsExactly("cm4");
        assertThat(r.config().render()).isEqualTo(text.replace(KEY_CM4, KEY_CM4_NEW));
    }

    @Test
    void unchangedSelectionReturnsTheSameConfig() {
        WgConfig hub = WgConfig.parse("hub", HUB);
        PeerMerge.Result r = PeerMerge.merge(hub, List.of(new PeerSpec("cm4", KEY_CM4, List.of("10.0.0.3"), null, null)));
        assertThat(r.changed()).isFalse();
        assertThat(r.config()).isSameAs(hub);
    }

    @Test
    void unnamedPeerWithTheSameKeyIsAdoptedNotDuplicated() {
        WgConfig hub = WgConfig.parse("hub", HUB.replace("# cm4\n", ""));
        PeerMerge.Result r = PeerMerge.merge(hub, List.of(new PeerSpec("cm4", KEY_CM4, List.of("10.0.0.3/32"), null, null)));
        assertThat(r.updated()).containsExactly("cm4");
        assertThat(r.config().render()).isEqualTo(HUB);
    }

    @Test
    void repeatedAllowedIpsCollapseIntoOneLineWhenChanged() {
        WgConfig hub = WgConfig.parse("hub", HUB.replace("AllowedIPs = 10.0.0.3/32\n",
                "AllowedIPs = 10.0.0.3/32\nAllowedIPs = 10.0.9.0/24\n"));
        PeerMerge.Result r = PeerMerge.merge(hub, List.of(new PeerSpec("cm4", KEY_CM4,
                List.of("10.0.0.3/32", "10.0.8.0/24"), null, null)));
        assertThat(r.config().peer("cm4").orElseThrow().allowedIps()).containsExactly("10.0.0.3/32", "10.0.8.0/24");
        assertThat(r.config().render()).contains("AllowedIPs = 10.0.0.3/32, 10.0.8.0/24\n").doesNotContain("10.0.9.0");
    }

    @Test
    void anUnsortedHubKeepsItsOrderAndANewPeerGoesAfterTheLast() {
        String unsorted = """
                [Interface]
                ListenPort = 51820

                [Peer]
                # s2204
                PublicKey = %s
                AllowedIPs = 10.0.0.4/32
                [Peer]
                # cm4
                PublicKey = %s
                AllowedIPs = 10.0.0.3/32""".formatted(KEY_S2204, KEY_CM4);
        WgConfig hub = WgConfig.parse("hub", unsorted);
        WgConfig out = PeerMerge.merge(hub, List.of(new PeerSpec("k8s-proxy", KEY_PROXY, List.of("10.0.0.21/32"),
                null, null))).config();
        assertThat(out.peers()).extracting(PeerBlock::name).containsExactly("s2204", "cm4", "k8s-proxy");
        assertThat(out.render()).isEqualTo(unsorted + "\n[Peer]\n# k8s-proxy\nPublicKey = " + KEY_PROXY
                + "\nAllowedIPs = 10.0.0.21/32\n");
        assertThat(PeerMerge.merge(out, List.of(new PeerSpec("k8s-proxy", KEY_PROXY, List.of("10.0.0.21/32"),
                null, null))).config()).isSameAs(out);
    }

    @Test
    void anUpdatedPeerOfAnUnsortedHubStaysWhereItIs() {
        String unsorted = HUB.replace("# cm4", "# zz").replace("# s2204", "# aa");
        WgConfig hub = WgConfig.parse("hub", unsorted);
        WgConfig out = PeerMerge.merge(hub, List.of(new PeerSpec("zz", KEY_CM4_NEW, List.of("10.0.0.3/32"), null, null)))
                .config();
        assertThat(out.render()).isEqualTo(unsorted.replace(KEY_CM4, KEY_CM4_NEW));
    }

    @Test
    void sortIsAnActionOfItsOwnAndKeepsEachPeersLines() {
        String unsorted = """
                [Interface]
                ListenPort = 51820

                ### Client zeta
                [Peer]
                PublicKey = %s
                AllowedIPs = 10.0.0.4/32

                ### Client alpha
                [Peer]
                PublicKey = %s
                AllowedIPs = 10.0.0.3/32
                """.formatted(KEY_S2204, KEY_CM4);
        PeerMerge.Result r = PeerMerge.sort(WgConfig.parse("hub", unsorted));
        assertThat(r.changed()).isTrue();
        assertThat(r.config().render()).isEqualTo("""
                [Interface]
                ListenPort = 51820

                ### Client alpha
                [Peer]
                PublicKey = %s
                AllowedIPs = 10.0.0.3/32

                ### Client zeta
                [Peer]
                PublicKey = %s
                AllowedIPs = 10.0.0.4/32
                """.formatted(KEY_CM4, KEY_S2204));
        assertThat(PeerMerge.sort(r.config()).config()).isSameAs(r.config());
    }

    @Test
    void crlfFileStaysCrlf() {
        WgConfig hub = WgConfig.parse("hub", HUB.replace("\n", "\r\n"));
        String out = PeerMerge.merge(hub, List.of(new PeerSpec("k8s-proxy", KEY_PROXY, List.of("10.0.0.21/32"),
                null, null))).config().render();
        assertThat(out.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void pruneRemovesOnlyPeersOutsideTheInventory() {
        WgConfig hub = WgConfig.parse("hub", HUB);
        PeerMerge.Result r = PeerMerge.prune(hub, Set.of("s2204"));
        assertThat(r.removed()).containsExactly("cm4");
        assertThat(r.config().peers()).extracting(PeerBlock::name).containsExactly("s2204");
        assertThat(PeerMerge.prune(hub, Set.of("cm4", "s2204")).config()).isSameAs(hub);
    }

    @Test
    void selectedPeerWithoutKeyIsRejected() {
        WgConfig hub = WgConfig.parse("hub", HUB);
        assertThatThrownBy(() -> PeerMerge.merge(hub, List.of(new PeerSpec("x", null, List.of("10.0.0.9/32"), null, null))))
                .hasMessageContaining("no public key known for peer 'x'");
    }

    @Test
    void mergingIntoAnEmptyFileGivesAPeerSection() {
        WgConfig empty = WgConfig.parse("hub", "");
        WgConfig out = PeerMerge.merge(empty, List.of(new PeerSpec("cm4", KEY_CM4, List.of("10.0.0.3/32"), null, null))).config();
        assertThat(out.render()).isEqualTo("[Peer]\n# cm4\nPublicKey = " + KEY_CM4 + "\nAllowedIPs = 10.0.0.3/32\n");
    }
}
