package dev.wgtui.core.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adversarial review of the core (issues 7 and 8): files on which add, update, prune or sort
 * damage lines they should keep. Each test names its finding (see REVIEW.md); each fails on the
 * code as reviewed.
 */
class ReviewMergeDamageTest {

    static final String A = "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=";
    static final String B = "URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=";
    static final String C = "MKaFakbAOyxk3biIEIL8F6+gEPcBnPKqMowf7Y7wVQ0=";
    static final String D = "yUenA7mXV84Hudj8s/+JKcPyVj29mKP/TQc2xqM/m3U=";
    /** base64 of a readable string, not a secret */
    static final String PRIV = "d2ctcG9ydGFsLXYxLWh1Yi1maXh0dXJlLXNlY3JldC4=";

    static final String INTERFACE = "[Interface]\nPrivateKey = " + PRIV + "\nListenPort = 51820\nAddress = 10.0.0.1/24\n";

    /** The text after a change, checked the way Session.finish checks it: re-parsed, RenderCheck, ConfigCheck. */
    private static WgConfig written(WgConfig before, PeerMerge.Result r, Map<String, PeerSpec> planned) {
        WgConfig after = WgConfig.parse("hub", r.config().render());
        assertThat(RenderCheck.mismatches(before, r.config(), after, planned, Set.copyOf(r.removed())))
                .as("RenderCheck lets this text through").isEmpty();
        return after;
    }

    // --------------------------------------------------------------------------------------------
    // REVIEW F1 (high): a peer written before [Interface] owns the whole [Interface] section.

    /** REVIEW F1: pruning the last peer of a file whose [Interface] comes after the peers deletes the [Interface]. */
    @Test
    void pruneOfThePeerBeforeATrailingInterfaceKeepsTheInterface() {
        String text = "[Peer]\n# alpha\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.2/32\n\n"
                + "[Peer]\n# old\nPublicKey = " + B + "\nAllowedIPs = 10.0.0.3/32\n\n" + INTERFACE;
        WgConfig before = WgConfig.parse("hub", text);
        assertThat(ConfigCheck.problems(before)).as("wg and wgtui accept the file").isEmpty();

        PeerMerge.Result r = PeerMerge.prune(before, Set.of("alpha"));
        WgConfig after = written(before, r, Map.of());

        assertThat(ConfigCheck.problems(after)).as("nothing stops wgtui from writing it").isEmpty();
        // Fails today: the [Interface] (with the hub's PrivateKey) went with peer 'old'.
        assertThat(after.render()).as("the hub's [Interface] and private key survive a prune")
                .contains("[Interface]\n", "PrivateKey = " + PRIV, "ListenPort = 51820");
    }

    /** REVIEW F1: an update of that peer writes its Endpoint into the [Interface] (and the plan is refused). */
    @Test
    void updateOfThePeerBeforeATrailingInterfaceWritesIntoThePeer() {
        String text = "[Peer]\n# alpha\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.2/32\n\n" + INTERFACE;
        WgConfig before = WgConfig.parse("hub", text);
        PeerSpec alpha = new PeerSpec("alpha", A, List.of("10.0.0.2/32"), "198.51.100.7:51820", null);

        PeerMerge.Result r = PeerMerge.merge(before, List.of(alpha));
        WgConfig after = WgConfig.parse("hub", r.config().render());

        // Fails today: "unknown [Interface] key 'Endpoint'": the line went after ListenPort/Address.
        assertThat(ConfigCheck.problems(after)).as("a valid file with a valid update stays valid").isEmpty();
    }

    /**
     * REVIEW F1: why nothing stops it. RenderCheck compares the planned lines with the re-parsed
     * ones (equal by construction) and then only the active peers; the [Interface], the lines no
     * peer owns and PiVPN's disabled clients are never compared with the file as it was. A plan
     * that adds a PostUp to the [Interface] and drops a disabled client passes it.
     */
    @Test
    void renderCheckComparesMoreThanThePeers() {
        String disabled = "#[disabled] ### begin tablet ###\n#[disabled] [Peer]\n#[disabled] PublicKey = " + B
                + "\n#[disabled] AllowedIPs = 10.0.0.9/32\n#[disabled] ### end tablet ###\n";
        String peer = "### begin cm4 ###\n[Peer]\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.2/32\n### end cm4 ###\n";
        WgConfig before = WgConfig.parse("hub", INTERFACE + disabled + peer);
        WgConfig planned = WgConfig.parse("hub", INTERFACE + "PostUp = touch /tmp/owned\n" + peer);
        WgConfig written = WgConfig.parse("hub", planned.render());

        // Fails today: no mismatch
        assertThat(RenderCheck.mismatches(before, planned, written, Map.of(), Set.of())).isNotEmpty();
    }

    // --------------------------------------------------------------------------------------------
    // REVIEW F2 (high): a convention line anywhere in a peer's lines outranks its own name.

    /**
     * REVIEW F2: a peer named the seed's way ({@code # alice} under [Peer]) followed, after a blank
     * line, by an angristan client commented out by hand is read as 'bob'; applying bob overwrites
     * alice's key and AllowedIPs.
     */
    @Test
    void aCommentedOutClientAfterAPeerDoesNotRenameThatPeer() {
        String text = INTERFACE + "\n[Peer]\n# alice\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.2/32\n\n"
                + "### Client bob\n#[Peer]\n#PublicKey = " + B + "\n#AllowedIPs = 10.0.0.3/32\n\n"
                + "[Peer]\n# carol\nPublicKey = " + C + "\nAllowedIPs = 10.0.0.4/32\n";
        WgConfig before = WgConfig.parse("hub", text);

        // Fails today: [bob, carol]
        assertThat(before.peers()).extracting(PeerBlock::name).containsExactly("alice", "carol");

        PeerSpec bob = new PeerSpec("bob", D, List.of("10.0.0.9/32"), null, null);
        PeerMerge.Result r = PeerMerge.merge(before, List.of(bob));
        assertThat(r.config().render()).as("alice's key is not replaced by bob's")
                .contains("# alice\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.2/32\n");
    }

    /** REVIEW F2: the same with wg-easy's marker below an unnamed peer: the unnamed peer becomes 'bob'. */
    @Test
    void aLeftoverWgEasyLineAfterAnUnnamedPeerDoesNotNameIt() {
        String text = INTERFACE + "\n[Peer]\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.2/32\n\n"
                + "# Client: bob (5f0f1a3c-0000-4000-8000-000000000001)\n# removed 2024-03, see ticket 12\n";
        WgConfig before = WgConfig.parse("hub", text);
        // Fails today: the peer with key A is named 'bob' (style WG_EASY) instead of unnamed
        assertThat(before.peers().get(0).named()).as("a comment after a blank line below the peer is not its name")
                .isFalse();
    }

    // --------------------------------------------------------------------------------------------
    // REVIEW F3 (medium): a commented-out [Peer] entry is given to the next peer.

    /**
     * REVIEW F3: in a file without blank lines between peers, {@code #PersistentKeepalive = 25}
     * switched off by hand at the end of alpha belongs to beta; pruning beta deletes it, sorting
     * moves it. A commented [Interface] entry is already kept with its section; a commented
     * [Peer] entry right after a peer's entries is that peer's.
     */
    @Test
    void aCommentedOutEntryStaysWithThePeerItFollows() {
        String text = INTERFACE + "[Peer]\n# alpha\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.2/32\n"
                + "#PersistentKeepalive = 25\n[Peer]\n# beta\nPublicKey = " + B + "\nAllowedIPs = 10.0.0.3/32\n";
        WgConfig before = WgConfig.parse("hub", text);

        PeerMerge.Result r = PeerMerge.prune(before, Set.of("alpha"));
        WgConfig after = written(before, r, Map.of());
        // Fails today: the line went with beta
        assertThat(after.render()).contains("AllowedIPs = 10.0.0.2/32\n#PersistentKeepalive = 25\n");
    }

    // --------------------------------------------------------------------------------------------
    // REVIEW F10 (low): prune deletes comments that no peer owns.

    /**
     * REVIEW F10: a heading comment after Nyr's {@code # END_PEER a} (between blank lines) is no
     * peer's (the .owners sidecars say '-'), Nyr's own delete keeps it, wgtui's prune of 'a'
     * deletes it.
     */
    @Test
    void pruneKeepsACommentThatNoPeerOwns() {
        String text = INTERFACE + "# BEGIN_PEER a\n[Peer]\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.2/32\n"
                + "# END_PEER a\n\n# ---- office devices below ----\n\n"
                + "# BEGIN_PEER b\n[Peer]\nPublicKey = " + B + "\nAllowedIPs = 10.0.0.3/32\n# END_PEER b\n";
        WgConfig before = WgConfig.parse("hub", text);
        assertThat(GeneratorRules.NYR.delete(text, "a")).as("the tool's own delete keeps it")
                .contains("# ---- office devices below ----");

        PeerMerge.Result r = PeerMerge.prune(before, Set.of("b"));
        // Fails today
        assertThat(written(before, r, Map.of()).render()).contains("# ---- office devices below ----");
    }

    // --------------------------------------------------------------------------------------------
    // REVIEW F11 (low): sort gives a preamble comment to the peer it puts first.

    /**
     * REVIEW F11: a comment at the end of the preamble directly above a disabled PiVPN client is
     * the preamble's (a disabled block does not take the comments above it). Sorting puts an
     * active peer first, right under that comment, which then becomes that peer's.
     */
    @Test
    void sortDoesNotGiveThePreamblesLastCommentToAPeer() {
        String text = INTERFACE + "# clients below are managed by pivpn\n"
                + "#[disabled] ### begin tablet ###\n#[disabled] [Peer]\n#[disabled] PublicKey = " + A
                + "\n#[disabled] AllowedIPs = 10.0.0.2/32\n#[disabled] ### end tablet ###\n"
                + "### begin phone ###\n[Peer]\nPublicKey = " + B + "\nAllowedIPs = 10.0.0.3/32\n### end phone ###\n";
        WgConfig before = WgConfig.parse("hub", text);
        PeerBlock phoneBefore = before.peer("phone").orElseThrow();

        WgConfig after = WgConfig.parse("hub", PeerMerge.sort(before).config().render());
        // Fails today: phone now owns "# clients below are managed by pivpn"
        assertThat(after.peer("phone").orElseThrow().lines()).extracting(ConfigLine::raw)
                .containsExactlyElementsOf(phoneBefore.lines().stream().map(ConfigLine::raw).toList());
    }

    // --------------------------------------------------------------------------------------------
    // REVIEW F7 (medium): derived names collide.

    /**
     * REVIEW F7: the name of an unnamed peer is 'peer-' and 4 bytes of its key, so two unnamed
     * peers whose keys share those bytes get the same name. RenderCheck then refuses every plan on
     * that hub ("in the text twice", "lines changed"), even one that adds an unrelated worker. With
     * 100,000 unnamed peers (WGDashboard, wg-quick save) such a pair exists with probability ~0.69.
     */
    @Test
    void twoUnnamedPeersWhoseKeysShareFourBytesDoNotBlockAnUnrelatedAdd() {
        String k1 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        String k2 = "AAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assertThat(Keys.isValid(k1) && Keys.isValid(k2) && !k1.equals(k2)).isTrue();
        String text = INTERFACE + "\n[Peer]\nPublicKey = " + k1 + "\nAllowedIPs = 10.0.0.2/32\n\n"
                + "[Peer]\nPublicKey = " + k2 + "\nAllowedIPs = 10.0.0.3/32\n";
        WgConfig before = WgConfig.parse("hub", text);
        assertThat(ConfigCheck.problems(before)).isEmpty();

        PeerSpec cm4 = new PeerSpec("cm4", C, List.of("10.0.0.4/32"), null, null);
        PeerMerge.Result r = PeerMerge.merge(before, List.of(cm4));
        WgConfig after = WgConfig.parse("hub", r.config().render());
        // Fails today: [peer 'peer-00000000' is in the text twice, peer 'peer-00000000' ... lines changed]
        assertThat(RenderCheck.mismatches(before, r.config(), after, Map.of("cm4", cm4), Set.of())).isEmpty();
    }

    // --------------------------------------------------------------------------------------------
    // REVIEW F12 (low): a prune that makes a repeated label unique is refused.

    /**
     * REVIEW F12: two peers labelled {@code # Office PC} are both unnamed (a repeated weak label is
     * a remark); pruning one makes the other's label unique, so it is renamed from its derived
     * name to 'Office PC' and RenderCheck reports the peer "lost": prune of an extra is refused.
     */
    @Test
    void pruneOfOneOfTwoPeersWithTheSameLabelIsNotRefused() {
        String text = INTERFACE + "\n[Peer]\n# Office PC\nPublicKey = " + A + "\nAllowedIPs = 10.0.0.2/32\n\n"
                + "[Peer]\n# Office PC\nPublicKey = " + B + "\nAllowedIPs = 10.0.0.3/32\n\n"
                + "[Peer]\n# cm4\nPublicKey = " + C + "\nAllowedIPs = 10.0.0.4/32\n";
        WgConfig before = WgConfig.parse("hub", text);
        String first = before.peers().get(0).name();

        PeerMerge.Result r = PeerMerge.prune(before, Set.of("cm4", first));
        WgConfig after = WgConfig.parse("hub", r.config().render());
        // Fails today: [peer 'peer-507bc135' was lost]
        assertThat(RenderCheck.mismatches(before, r.config(), after, Map.of(), Set.copyOf(r.removed()))).isEmpty();
    }

    // --------------------------------------------------------------------------------------------
    // REVIEW F17 (low): an adoption that writes no name.

    /**
     * REVIEW F17: in a file whose peers are named on the section line ({@code [Peer] # phone}), an
     * unnamed peer whose [Peer] line already carries a comment that is no name
     * ({@code [Peer] # added=2024-01}) is "updated" as cm4 but nothing is written: the merge
     * reports a change, RenderCheck refuses the plan ("planned peer 'cm4' is not in the text"),
     * and the same merge on its own result reports the change again.
     */
    @Test
    void adoptingAPeerWhoseSectionLineHasAnotherCommentNamesIt() {
        String text = "[Interface]\nListenPort = 51820\n\n[Peer] # phone\nPublicKey = " + A
                + "\nAllowedIPs = 10.0.0.2/32\n\n[Peer] # added=2024-01\nPublicKey = " + B + "\nAllowedIPs = 10.0.0.3/32\n";
        WgConfig before = WgConfig.parse("hub", text);
        PeerSpec cm4 = new PeerSpec("cm4", B, List.of("10.0.0.3/32"), null, null);

        PeerMerge.Result r = PeerMerge.merge(before, List.of(cm4));
        assertThat(r.updated()).containsExactly("cm4");
        WgConfig after = WgConfig.parse("hub", r.config().render());
        // Fails today: the peer is still unnamed
        assertThat(after.peer("cm4")).as("the adopted peer is named cm4 in the text").isPresent();
    }

    // --------------------------------------------------------------------------------------------
    // REVIEW F13 (low): a write that changes nothing wg sees.

    /**
     * REVIEW F13: {@code wireguard_persistent_keepalive: 0} (off) for a peer that has no
     * PersistentKeepalive line is an update: a backup, a write and a reload for no change.
     */
    @Test
    void aKeepaliveOfZeroOnAPeerWithoutOneIsNoChange() {
        String text = INTERFACE + "\n[Peer]\n# cm4\nPublicKey = " + C + "\nAllowedIPs = 10.0.0.4/32\n";
        PeerMerge.Result r = PeerMerge.merge(WgConfig.parse("hub", text),
                List.of(new PeerSpec("cm4", C, List.of("10.0.0.4/32"), null, 0)));
        // Fails today: updated [cm4], "PersistentKeepalive = 0" written
        assertThat(r.changed()).isFalse();
    }
}
