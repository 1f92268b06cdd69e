package dev.wgtui.core.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * wgtui on hub files written by the installers and web UIs (configs/generators, each with the
 * truth about it in .peers and .owners): it reads every peer's name, gives every line to the
 * owner SPEC's rule names, and after an add, an update and a prune each peer it did not touch
 * has its bytes and its place, and each tool's own delete rule still removes exactly the peer
 * it names.
 */
class GeneratorFilesTest {

    private static final String DIR = "configs/generators";

    /** Tools that edit the file in place, so their delete rule must keep working after wgtui wrote it. */
    private static final Map<String, GeneratorRules.Tool> EDITS_IN_PLACE = Map.of(
            "nyr", GeneratorRules.NYR, "mixed-handedit", GeneratorRules.NYR, "angristan", GeneratorRules.ANGRISTAN,
            "pivpn", GeneratorRules.PIVPN, "pivpn-disabled", GeneratorRules.PIVPN,
            "pivpn-prefix", GeneratorRules.PIVPN);

    static Stream<String> fixtures() {
        return Fixtures.files(DIR, ".conf").stream().map(p -> p.getFileName().toString().replaceFirst("\\.conf$", ""));
    }

    static String read(String id, String ext) {
        return Fixtures.read(Fixtures.dir(DIR).resolve(id + ext));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyPeerIsReadWithItsNameInFileOrder(String id) {
        WgConfig config = WgConfig.parse(id, read(id, ".conf"));
        List<String> seen = new ArrayList<>();
        for (PeerBlock b : config.blocks()) {
            String flag = b.disabled() ? "disabled" : b.named() ? "-" : "unnamed";
            seen.add(b.name() + "\t" + b.publicKey().orElse("").substring(0, 8) + "\t" + flag);
        }
        assertThat(seen).isEqualTo(List.of(read(id, ".peers").strip().split("\n")));
        assertThat(config.render()).isEqualTo(read(id, ".conf"));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyLineBelongsToTheOwnerSpecNames(String id) {
        WgConfig config = WgConfig.parse(id, read(id, ".conf"));
        List<String> owner = owners(config);
        String[] expected = read(id, ".owners").strip().split("\n");
        assertThat(owner).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            String want = expected[i].split("\t", -1)[1];
            if (config.lines().get(i) instanceof ConfigLine.Blank) {
                continue; // a separator: wgtui keeps it beside whichever peer it follows
            }
            assertThat(owner.get(i)).as("%s line %d: %s", id, i + 1, config.lines().get(i).raw()).isEqualTo(want);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void addUpdateAndPruneLeaveOtherPeersAndTheToolsDeleteIntact(String id) {
        String original = read(id, ".conf");
        WgConfig hub = WgConfig.parse(id, original);
        GeneratorRules.Tool tool = EDITS_IN_PLACE.get(id);

        WgConfig added = step(hub, PeerMerge.merge(hub, List.of(new PeerSpec("newworker",
                "8Q8VZ1wBpkgN3FzXcgzTn3yqUDPVG9nKnAA8ZWP4WWY=", List.of("10.250.0.9/32"), null, 25))), Set.of("newworker"));
        assertThat(added.peer("newworker")).isPresent();
        if (tool != null) {
            assertToolStillDeletesEachPeerExactly(tool, added);
            if (hub.nameStyleForNewPeers() != NameStyle.BELOW) {
                // a file in one convention throughout: the new peer got it, so the tool finds it too
                assertThat(tool.names(added.render())).contains("newworker");
                WgConfig gone = WgConfig.parse(id, tool.delete(added.render(), "newworker"));
                assertThat(names(gone)).isEqualTo(names(hub));
            }
        }

        PeerBlock target = hub.peers().stream().filter(p -> p.named() && NameStyle.isWord(p.name())).findFirst()
                .orElse(null);
        WgConfig updated = added;
        if (target != null) {
            updated = step(added, PeerMerge.merge(added, List.of(new PeerSpec(target.name(),
                    "kKcgQ8K2vNMaxvVq3FPfkAkz62iNLbK0rE4HkROCbGw=", target.allowedIps(), null, null))),
                    Set.of(target.name()));
            if (tool != null) {
                assertToolStillDeletesEachPeerExactly(tool, updated);
            }
        }

        PeerBlock victim = updated.peers().get(updated.peers().size() / 2);
        Set<String> keep = new HashSet<>(names(updated));
        keep.remove(victim.name());
        WgConfig pruned = step(updated, PeerMerge.prune(updated, keep), Set.of(victim.name()));
        assertThat(pruned.peer(victim.name())).isEmpty();
        if (tool != null) {
            assertToolStillDeletesEachPeerExactly(tool, pruned);
        }
        assertThat(pruned.disabledPeers().stream().map(GeneratorFilesTest::content).toList()).as("disabled clients kept")
                .isEqualTo(hub.disabledPeers().stream().map(GeneratorFilesTest::content).toList());
    }

    /** One operation: the text parses to itself, and every peer it did not touch kept its lines and order. */
    private static WgConfig step(WgConfig before, PeerMerge.Result r, Set<String> touched) {
        String text = r.config().render();
        WgConfig after = WgConfig.parse(before.source(), text);
        assertThat(after.render()).isEqualTo(text);
        // (WGDashboard's files carry SaveConfig = true, refused unless the operator agrees: agreed here)
        assertThat(ConfigCheck.problems(after, true).stream().filter(Problem::isError)).isEmpty();
        List<String> order = new ArrayList<>();
        for (PeerBlock was : before.blocks()) {
            if (touched.contains(was.name())) {
                continue;
            }
            PeerBlock is = after.blocks().stream().filter(b -> b.name().equals(was.name())).findFirst().orElseThrow(
                    () -> new AssertionError(was.name() + " lost"));
            assertThat(content(is)).as("lines of " + was.name()).isEqualTo(content(was));
            order.add(was.name());
        }
        assertThat(after.blocks().stream().map(PeerBlock::name).filter(order::contains).toList()).isEqualTo(order);
        return after;
    }

    /**
     * The tool's delete of each peer it knows removes one run of lines: that peer's own lines and
     * blank lines beside them, nothing of another peer.
     */
    private static void assertToolStillDeletesEachPeerExactly(GeneratorRules.Tool tool, WgConfig config) {
        String text = config.render();
        List<String> before = List.of(text.split("\n", -1));
        for (String name : tool.names(text)) {
            List<String> after = List.of(tool.delete(text, name).split("\n", -1));
            int prefix = 0;
            while (prefix < after.size() && before.get(prefix).equals(after.get(prefix))) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < after.size() - prefix
                    && before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) {
                suffix++;
            }
            List<String> removed = before.subList(prefix, before.size() - suffix).stream()
                    .filter(l -> !l.isBlank()).toList();
            PeerBlock peer = config.blocks().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
            List<String> own = content(peer);
            if (peer.style() == NameStyle.BEGIN_END_PEER || peer.style() == NameStyle.PIVPN) {
                // Nyr and PiVPN delete between their markers: a note above the opening one stays (README)
                int begin = 0;
                while (NameStyle.beginMarker(own.get(begin)).isEmpty()) {
                    begin++;
                }
                own = own.subList(begin, own.size());
            }
            assertThat(removed).as(tool.id() + " delete " + name).isEqualTo(own);
        }
    }

    private static List<String> names(WgConfig c) {
        return c.peers().stream().map(PeerBlock::name).toList();
    }

    private static List<String> allNames(WgConfig c) {
        return c.blocks().stream().map(PeerBlock::name).toList();
    }

    private static List<String> content(PeerBlock p) {
        return p.lines().stream().filter(l -> !(l instanceof ConfigLine.Blank)).map(ConfigLine::raw).toList();
    }

    /** Each line's owner as the .owners sidecar writes it. */
    static List<String> owners(WgConfig config) {
        List<String> out = new ArrayList<>();
        config.preamble().forEach(l -> out.add("interface"));
        for (PeerBlock b : config.blocks()) {
            b.lines().forEach(l -> out.add(b.name()));
            b.gap().forEach(l -> out.add("-"));
        }
        return out;
    }
}
