package dev.wgtui.core.config;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded randomized properties over many random hubs and partial selections: merge never loses
 * an unselected peer, keeps the file's order (a sorted file stays sorted), is idempotent, and
 * parse∘render is the identity.
 */
class PeerMergePropertyTest {

    private static final long BASE_SEED = 0x77677475L;

    @RepeatedTest(300)
    void mergeKeepsEveryUnselectedPeerAndIsIdempotent(RepetitionInfo info) {
        Random rnd = new Random(BASE_SEED + info.getCurrentRepetition());
        String seed = "seed " + (BASE_SEED + info.getCurrentRepetition());
        List<String> names = new ArrayList<>();
        String text = randomHub(rnd, names);

        WgConfig hub = WgConfig.parse("hub", text);
        assertThat(hub.render()).as(seed).isEqualTo(text);
        assertThat(hub.peers()).as(seed).hasSize(names.size());

        List<PeerSpec> selected = new ArrayList<>();
        Set<String> selectedNames = new HashSet<>();
        int base = 1000;
        for (String n : names) {
            if (rnd.nextInt(3) == 0) {
                selected.add(new PeerSpec(n, key(rnd), List.of(address(base++)), null, rnd.nextBoolean() ? 25 : null));
                selectedNames.add(n);
            }
        }
        for (int i = 0, extra = rnd.nextInt(4); i < extra; i++) {
            String n = "new-" + rnd.nextInt(1_000_000);
            if (selectedNames.add(n) && !names.contains(n)) {
                selected.add(new PeerSpec(n, key(rnd), List.of(address(base++)), null, null));
            }
        }

        PeerMerge.Result r = PeerMerge.merge(hub, selected);
        WgConfig out = r.config();
        for (PeerBlock before : hub.peers()) {
            if (!selectedNames.contains(before.name())) {
                PeerBlock after = out.peer(before.name()).orElseThrow(() -> new AssertionError(seed + " lost " + before.name()));
                assertThat(after.publicKey()).as(seed).isEqualTo(before.publicKey());
                assertThat(after.allowedIps()).as(seed).isEqualTo(before.allowedIps());
            }
        }
        for (PeerSpec s : selected) {
            PeerBlock p = out.peer(s.name()).orElseThrow();
            assertThat(p.publicKey()).as(seed).contains(s.publicKey());
            assertThat(PeerMerge.sameCidrs(p.allowedIps(), s.allowedIps())).as(seed).isTrue();
        }
        if (r.changed()) {
            List<String> order = out.peers().stream().map(PeerBlock::name).toList();
            List<String> before = hub.peers().stream().map(PeerBlock::name).toList();
            if (hub.sortedByName()) {
                assertThat(order).as(seed).isSorted();
            } else {
                // an unsorted file keeps its order; new peers come after the last one
                assertThat(order.subList(0, before.size())).as(seed).isEqualTo(before);
            }
        } else {
            assertThat(out.render()).as(seed).isEqualTo(text);
        }
        assertThat(out.preamble().stream().map(ConfigLine::raw).toList()).as(seed)
                .startsWith(hub.preamble().stream().map(ConfigLine::raw).toList().toArray(String[]::new));

        String once = out.render();
        PeerMerge.Result again = PeerMerge.merge(WgConfig.parse("hub", once), selected);
        assertThat(again.changed()).as(seed).isFalse();
        assertThat(again.config().render()).as(seed).isEqualTo(once);
        assertThat(WgConfig.parse("x", once).render()).as(seed).isEqualTo(once);
    }

    @RepeatedTest(200)
    void parseRenderIsIdentityOnArbitraryText(RepetitionInfo info) {
        Random rnd = new Random(BASE_SEED * 31 + info.getCurrentRepetition());
        String alphabet = "[]=#\r\n \tPeerInterfacePublicKeyAllowedIPs,./:0123456789abc";
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = rnd.nextInt(400); i < n; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        String text = sb.toString();
        WgConfig config = WgConfig.parse("fuzz", text);
        assertThat(config.render()).isEqualTo(text);
        ConfigCheck.problems(config);
    }

    private static String randomHub(Random rnd, List<String> names) {
        StringBuilder sb = new StringBuilder("[Interface]\nAddress = 10.0.0.1/16\nListenPort = 51820\n");
        if (rnd.nextBoolean()) {
            sb.append("PostUp = echo '# hi' # comment\n");
        }
        int peers = rnd.nextInt(30);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < peers; i++) {
            String name = "node" + rnd.nextInt(500);
            if (!used.add(name)) {
                continue;
            }
            names.add(name);
            sb.append(rnd.nextInt(4) == 0 ? "\n\n" : "\n");
            boolean before = rnd.nextInt(4) == 0;
            if (before) {
                sb.append("# ").append(name).append('\n');
            }
            sb.append(rnd.nextBoolean() ? "[Peer]\n" : "[peer]\n");
            if (!before) {
                sb.append(rnd.nextBoolean() ? "# " + name + "\n" : "# Name = " + name + "\n");
            }
            sb.append("PublicKey = ").append(key(rnd)).append('\n');
            sb.append(rnd.nextBoolean() ? "AllowedIPs = " : "allowedips=").append(address(i)).append('\n');
            if (rnd.nextInt(5) == 0) {
                sb.append("PersistentKeepalive = 25\n");
            }
        }
        return sb.toString();
    }

    private static String address(int i) {
        return "10.0." + (i / 250) + "." + (i % 250 + 2) + "/32";
    }

    private static String key(Random rnd) {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
