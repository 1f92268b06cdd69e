package dev.wgtui.core.config;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded randomized files mixing every naming convention, comment blocks, blank lines, tabs and
 * CRLF, put through random sequences of add, update and prune. After every step: each peer the
 * step did not touch has exactly its lines (comments included) in the same order; no comment
 * changes owner; the disabled clients stay byte for byte; the same step again changes nothing.
 */
class PeerOwnershipPropertyTest {

    private static final long BASE_SEED = 0x6f776e73L;

    @RepeatedTest(400)
    void peersKeepTheirLinesThroughRandomAddUpdatePrune(RepetitionInfo info) {
        long seedValue = BASE_SEED + info.getCurrentRepetition();
        Random rnd = new Random(seedValue);
        String seed = "seed " + seedValue;
        RandomHubs.Hub generated = RandomHubs.generate(rnd);
        WgConfig config = WgConfig.parse("hub", generated.text());
        assertThat(config.render()).as(seed).isEqualTo(generated.text());
        assertThat(config.peers()).extracting(PeerBlock::name).as(seed).containsExactlyElementsOf(generated.names());
        assertThat(config.disabledPeers()).extracting(PeerBlock::name).as(seed)
                .containsExactlyElementsOf(generated.disabled());
        assertThat(ConfigCheck.problems(config).stream().filter(Problem::isError)).as(seed).isEmpty();

        int next = 0;
        for (int step = 0; step < 3; step++) {
            WgConfig before = config;
            Set<String> touched = new HashSet<>();
            PeerMerge.Result r;
            if (rnd.nextInt(3) == 0 && !before.peers().isEmpty()) {
                Set<String> keep = new HashSet<>();
                for (PeerBlock p : before.peers()) {
                    if (rnd.nextInt(3) > 0) {
                        keep.add(p.name());
                    } else {
                        touched.add(p.name());
                    }
                }
                r = PeerMerge.prune(before, keep);
                assertThat(r.removed()).as(seed).containsExactlyInAnyOrderElementsOf(touched);
            } else {
                List<PeerSpec> selected = new ArrayList<>();
                for (PeerBlock p : before.peers()) {
                    if (p.named() && NameStyle.isWord(p.name()) && rnd.nextInt(4) == 0) {
                        selected.add(new PeerSpec(p.name(), RandomHubs.key(rnd), List.of(RandomHubs.address(900 + next++)),
                                rnd.nextBoolean() ? "198.51.100.7:51820" : null, null));
                        touched.add(p.name());
                    }
                }
                for (int i = 0, n = rnd.nextInt(3); i < n; i++) {
                    String name = "new" + rnd.nextInt(100_000);
                    if (before.peer(name).isEmpty() && touched.add(name)) {
                        selected.add(new PeerSpec(name, RandomHubs.key(rnd), List.of(RandomHubs.address(2000 + next++)),
                                null, 25));
                    }
                }
                r = PeerMerge.merge(before, selected);
                WgConfig again = WgConfig.parse("hub", r.config().render());
                assertThat(PeerMerge.merge(again, selected).changed()).as(seed + " idempotent").isFalse();
                for (PeerSpec s : selected) {
                    PeerBlock p = again.peer(s.name()).orElseThrow(() -> new AssertionError(seed + " lost " + s.name()));
                    assertThat(p.publicKey()).as(seed).contains(s.publicKey());
                }
            }
            WgConfig after = WgConfig.parse("hub", r.config().render());
            assertThat(after.render()).as(seed).isEqualTo(r.config().render());
            assertUntouchedPeersKeepTheirLines(seed + " step " + step, before, after, touched);
            assertThat(after.disabledPeers().stream().map(RandomHubsContent::of).toList()).as(seed)
                    .isEqualTo(before.disabledPeers().stream().map(RandomHubsContent::of).toList());
            assertThat(ConfigCheck.problems(after).stream().filter(Problem::isError)).as(seed).isEmpty();
            if (!generated.crlf()) {
                assertThat(after.render()).as(seed).doesNotContain("\r");
            } else {
                assertThat(after.render().replace("\r\n", "")).as(seed).doesNotContain("\n");
            }
            config = after;
        }
    }

    /** Each untouched peer: the same non-blank lines, and the untouched peers in the same order. */
    private static void assertUntouchedPeersKeepTheirLines(String seed, WgConfig before, WgConfig after,
                                                           Set<String> touched) {
        Map<String, PeerBlock> now = new HashMap<>();
        after.peers().forEach(p -> now.put(p.name(), p));
        List<String> orderBefore = new ArrayList<>();
        for (PeerBlock was : before.peers()) {
            if (touched.contains(was.name())) {
                continue;
            }
            orderBefore.add(was.name());
            PeerBlock is = now.get(was.name());
            assertThat(is).as(seed + " kept " + was.name()).isNotNull();
            assertThat(RandomHubsContent.of(is)).as(seed + " lines of " + was.name())
                    .isEqualTo(RandomHubsContent.of(was));
        }
        List<String> orderAfter = after.peers().stream().map(PeerBlock::name).filter(orderBefore::contains).toList();
        assertThat(orderAfter).as(seed + " order").isEqualTo(orderBefore);
    }

    /** A block's non-blank lines as written: its bytes, separators aside. */
    static final class RandomHubsContent {
        static List<String> of(PeerBlock p) {
            return p.lines().stream().filter(l -> !(l instanceof ConfigLine.Blank)).map(ConfigLine::raw).toList();
        }
    }
}
