package dev.wgtui.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator fixtures' sidecars agree with their files, and each tool's own delete rule
 * (GeneratorRules) removes exactly the lines the .owners sidecar gives the peer it names, with
 * the separator that tool drops beside it, and nothing else.
 */
class GeneratorRulesTest {

    private static final String DIR = "configs/generators";

    /** Fixture -> the tool whose delete rule applies to it (hand-written conventions have none). */
    private static final Map<String, GeneratorRules.Tool> TOOLS = Map.ofEntries(
            Map.entry("nyr", GeneratorRules.NYR),
            Map.entry("mixed-handedit", GeneratorRules.NYR),
            Map.entry("angristan", GeneratorRules.ANGRISTAN),
            Map.entry("pivpn", GeneratorRules.PIVPN),
            Map.entry("pivpn-disabled", GeneratorRules.PIVPN),
            Map.entry("pivpn-prefix", GeneratorRules.PIVPN),
            Map.entry("wg-easy", GeneratorRules.WG_EASY),
            Map.entry("wg-easy-v15", GeneratorRules.WG_EASY_V15),
            Map.entry("wg-gen-web", GeneratorRules.WG_GEN_WEB),
            Map.entry("wireguard-ui", GeneratorRules.WIREGUARD_UI),
            Map.entry("wg-portal", GeneratorRules.WG_PORTAL),
            Map.entry("wg-portal-v1", GeneratorRules.WG_PORTAL_V1),
            Map.entry("linuxserver", GeneratorRules.LINUXSERVER),
            Map.entry("linuxserver-named", GeneratorRules.LINUXSERVER),
            Map.entry("githubixx", GeneratorRules.GITHUBIXX),
            Map.entry("wgdashboard", GeneratorRules.WGDASHBOARD));

    record Peer(String name, String keyPrefix, String flag) {
    }

    record Fixture(String id, String text, List<String> lines, List<Peer> peers, List<String> owners) {

        static Fixture load(String id) {
            String text = Fixtures.read(Fixtures.dir(DIR).resolve(id + ".conf"));
            List<Peer> peers = new ArrayList<>();
            for (String row : Fixtures.read(Fixtures.dir(DIR).resolve(id + ".peers")).split("\n")) {
                String[] f = row.split("\t", -1);
                peers.add(new Peer(f[0], f[1], f[2]));
            }
            List<String> owners = new ArrayList<>();
            String[] rows = Fixtures.read(Fixtures.dir(DIR).resolve(id + ".owners")).split("\n");
            for (int i = 0; i < rows.length; i++) {
                String[] f = rows[i].split("\t", -1);
                assertThat(f).as("%s.owners row %d", id, i + 1).hasSize(2);
                assertThat(f[0]).as("%s.owners row %d", id, i + 1).isEqualTo(Integer.toString(i + 1));
                owners.add(f[1]);
            }
            return new Fixture(id, text, GeneratorRules.Sed.of(text).lines, peers, owners);
        }

        Set<Integer> ownedBy(String name) {
            Set<Integer> owned = new TreeSet<>();
            for (int i = 0; i < owners.size(); i++) {
                if (owners.get(i).equals(name)) {
                    owned.add(i);
                }
            }
            return owned;
        }

        /** The file without the given lines (0-based), keeping whether it ended with a newline. */
        String without(Set<Integer> removed) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!removed.contains(i)) {
                    kept.add(lines.get(i));
                }
            }
            return String.join("\n", kept) + (text.endsWith("\n") ? "\n" : "");
        }

        Peer peer(String name) {
            return peers.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        }

        String key(String name) {
            String prefix = peer(name).keyPrefix();
            return lines.stream().map(String::strip).filter(l -> l.startsWith("PublicKey"))
                    .map(l -> l.substring(l.indexOf('=') + 1).strip()).filter(k -> k.startsWith(prefix))
                    .findFirst().orElseThrow();
        }
    }

    static Stream<String> fixtures() {
        return Fixtures.files(DIR, ".conf").stream()
                .map(p -> p.getFileName().toString().replaceFirst("\\.conf$", ""));
    }

    // ------------------------------------------------------------------------------------------
    // the sidecars

    @ParameterizedTest
    @MethodSource("fixtures")
    void sidecarsDescribeTheirFile(String id) {
        Fixture f = Fixture.load(id);
        assertThat(f.owners()).as("one owner per line").hasSize(f.lines().size());
        Set<String> names = new HashSet<>();
        f.peers().forEach(p -> names.add(p.name()));
        assertThat(names).as("names are unique").hasSize(f.peers().size());
        assertThat(f.peers()).extracting(Peer::flag).allMatch(flag -> Set.of("-", "disabled", "unnamed").contains(flag));
        for (String owner : f.owners()) {
            assertThat(owner.equals("interface") || owner.equals("-") || names.contains(owner))
                    .as("%s: owner %s", id, owner).isTrue();
        }
        // the k-th peer section (or PiVPN disabled block) belongs to the k-th name, in file order
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < f.lines().size(); i++) {
            String line = f.lines().get(i).strip();
            boolean header = line.toLowerCase().startsWith("[peer]")
                    || line.matches("#\\[disabled] ### begin .+ ###");
            if (header) {
                headers.add(f.owners().get(i));
            }
        }
        assertThat(headers).containsExactlyElementsOf(f.peers().stream().map(Peer::name).toList());
        for (Peer p : f.peers()) {
            Set<Integer> owned = f.ownedBy(p.name());
            // a peer's lines are one run, and its key is among them
            assertThat(owned.size()).as("%s: %s owns a run of lines", id, p.name())
                    .isEqualTo(((TreeSet<Integer>) owned).last() - ((TreeSet<Integer>) owned).first() + 1);
            assertThat(owned.stream().map(f.lines()::get))
                    .as("%s: %s owns its key line", id, p.name())
                    .anyMatch(l -> l.replace(PIVPN_PREFIX, "").strip().startsWith("PublicKey")
                            && l.contains("= " + p.keyPrefix()) || l.contains("=\t" + p.keyPrefix()));
        }
        assertThat(f.peers().stream().filter(p -> p.flag().equals("unnamed")))
                .allMatch(p -> p.name().equals(PeerBlockName.derived(f.key(p.name()))));
    }

    private static final String PIVPN_PREFIX = GeneratorRules.PiVpn.DISABLED;

    /** wgtui's current name for an unnamed peer (PeerBlock.derivedName), restated without main code. */
    static final class PeerBlockName {
        static String derived(String key) {
            byte[] b = java.util.Base64.getDecoder().decode(key);
            return "peer-" + java.util.HexFormat.of().formatHex(b, 0, 4);
        }
    }

    @Test
    void everyGeneratorHasAFixtureAndEveryFixtureIsDescribed() throws Exception {
        for (GeneratorRules.Tool tool : GeneratorRules.all()) {
            assertThat(Fixtures.dir(DIR).resolve(tool.id() + ".conf")).exists();
        }
        String readme = Files.readString(Fixtures.dir(DIR).resolve("README.md"));
        fixtures().forEach(id -> assertThat(readme).as("README mentions %s.conf", id).contains(id + ".conf"));
    }

    // ------------------------------------------------------------------------------------------
    // delete rules against the sidecars

    /** How a tool's delete treats the lines around the peer it removes. */
    enum Separator {
        /** Only the marker range (Nyr, PiVPN). */
        NONE,
        /** The range runs through the next empty line (angristan). */
        BLANK_BELOW,
        /** The file is rendered again: one blank separator less, above the block if there is one. */
        BLANK_ADJACENT
    }

    static Separator separator(GeneratorRules.Tool tool) {
        if (tool == GeneratorRules.NYR || tool == GeneratorRules.PIVPN) {
            return Separator.NONE;
        }
        return tool == GeneratorRules.ANGRISTAN ? Separator.BLANK_BELOW : Separator.BLANK_ADJACENT;
    }

    /**
     * Owned lines a tool's delete leaves behind, because SPEC's ownership is wider than the
     * tool's rule: a hand note above a BEGIN marker (Nyr only deletes from the marker), and
     * githubixx's "not managed" header, which it renders as long as any unmanaged peer is left.
     */
    static Set<Integer> ownedButKept(Fixture f, GeneratorRules.Tool tool, String name) {
        Set<Integer> kept = new TreeSet<>();
        for (int i : f.ownedBy(name)) {
            String line = f.lines().get(i);
            if (line.equals(GeneratorRules.Githubixx.UNMANAGED_HEADER)) {
                kept.add(i);
            }
            if (tool == GeneratorRules.NYR || tool == GeneratorRules.PIVPN) {
                // comment lines of the peer above its BEGIN marker
                boolean beforeMarker = f.ownedBy(name).stream().filter(j -> j > i)
                        .anyMatch(j -> f.lines().get(j).startsWith("# BEGIN_PEER ")
                                || f.lines().get(j).startsWith("### begin "));
                if (beforeMarker) {
                    kept.add(i);
                }
            }
        }
        return kept;
    }

    static Stream<Arguments> deletablePeers() {
        List<Arguments> cases = new ArrayList<>();
        fixtures().filter(TOOLS::containsKey).forEach(id -> {
            Fixture f = Fixture.load(id);
            GeneratorRules.Tool tool = TOOLS.get(id);
            for (Peer p : f.peers()) {
                String arg = tool == GeneratorRules.WGDASHBOARD ? f.key(p.name()) : p.name();
                if (tool.names(f.text()).contains(arg)) {
                    cases.add(Arguments.of(id, p.name()));
                }
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: delete {1}")
    @MethodSource("deletablePeers")
    void theToolsDeleteRemovesExactlyThePeersLines(String id, String name) {
        Fixture f = Fixture.load(id);
        GeneratorRules.Tool tool = TOOLS.get(id);
        Set<Integer> removed = new TreeSet<>(f.ownedBy(name));
        removed.removeAll(ownedButKept(f, tool, name));
        int first = ((TreeSet<Integer>) removed).first();
        int last = ((TreeSet<Integer>) removed).last();
        switch (separator(tool)) {
            case NONE -> {
            }
            case BLANK_BELOW -> {
                if (last + 1 < f.lines().size() && f.lines().get(last + 1).isEmpty()) {
                    removed.add(last + 1);
                }
            }
            case BLANK_ADJACENT -> {
                if (first > 0 && f.lines().get(first - 1).isBlank()) {
                    removed.add(first - 1);
                } else if (last + 1 < f.lines().size() && f.lines().get(last + 1).isBlank()) {
                    removed.add(last + 1);
                }
            }
        }
        String arg = tool == GeneratorRules.WGDASHBOARD ? f.key(name) : name;

        String after = tool.delete(f.text(), arg);

        assertThat(after).isEqualTo(f.without(removed));
        assertThat(tool.names(after)).doesNotContain(arg);
    }

    /** Where SPEC's ownership and a tool's own delete part ways; listed so a change is noticed. */
    @Test
    void theOnlyOwnedLinesAToolLeavesBehindAreTheDocumentedOnes() {
        List<String> found = new ArrayList<>();
        deletablePeers().forEach(a -> {
            String id = (String) a.get()[0];
            String name = (String) a.get()[1];
            Fixture f = Fixture.load(id);
            for (int i : ownedButKept(f, TOOLS.get(id), name)) {
                found.add(id + ":" + (i + 1) + " " + name);
            }
        });
        assertThat(found).containsExactlyInAnyOrder("mixed-handedit:18 backup", "githubixx:39 phone.example.net");
    }

    // ------------------------------------------------------------------------------------------
    // the shell installers' sed quirks

    @Test
    void nyrLeavesPeersWithoutItsMarkersAlone() {
        Fixture f = Fixture.load("mixed-handedit");
        for (String name : List.of("Телефон", "Client 1", "build server", "Kassa: Filiale Nord")) {
            assertThat(GeneratorRules.NYR.delete(f.text(), name)).as(name).isEqualTo(f.text());
        }
        assertThat(GeneratorRules.NYR.names(f.text())).containsExactly("router", "backup", "tv");
    }

    @Test
    void nyrTakesTheFirstKeyAfterTheMarkerOffTheRunningInterface() {
        Fixture f = Fixture.load("mixed-handedit");
        assertThat(GeneratorRules.NYR.liveRemovalKey(f.text(), "backup")).contains(f.key("backup"));
        Fixture nyr = Fixture.load("nyr");
        assertThat(GeneratorRules.NYR.liveRemovalKey(nyr.text(), "db1")).contains(nyr.key("db1"));
        assertThat(GeneratorRules.NYR.liveRemovalKey(nyr.text(), "db")).isEmpty();
    }

    @Test
    void angristanRevokeDoesNothingOnACrlfFile() {
        Fixture f = Fixture.load("angristan-crlf");
        for (Peer p : f.peers()) {
            assertThat(GeneratorRules.ANGRISTAN.delete(f.text(), p.name())).isEqualTo(f.text());
        }
        // and its menu lists each name with the \r still on it
        assertThat(GeneratorRules.ANGRISTAN.names(f.text())).allMatch(n -> n.endsWith("\r"));
    }

    @Test
    void angristanRevokeWithoutABlankLineAfterThePeerTakesTheNextPeersToo() {
        Fixture f = Fixture.load("angristan");
        // a writer that drops the blank line between phone and laptop
        String glued = f.text().replace("AllowedIPs = 10.66.66.2/32,fd42:42:42::2/128\n\n",
                "AllowedIPs = 10.66.66.2/32,fd42:42:42::2/128\n");
        assertThat(glued).isNotEqualTo(f.text());
        String after = GeneratorRules.ANGRISTAN.delete(glued, "phone");
        assertThat(GeneratorRules.ANGRISTAN.names(after)).containsExactly("db1", "router-home", "Anna_2");
    }

    @Test
    void pivpnDisableAndEnableAreEachOthersInverse() {
        String enabled = Fixture.load("pivpn").text();
        String disabled = Fixture.load("pivpn-disabled").text();
        assertThat(GeneratorRules.PIVPN.disable(enabled, "tv.box")).isEqualTo(disabled);
        assertThat(GeneratorRules.PIVPN.enable(disabled, "tv.box")).isEqualTo(enabled);
        assertThat(GeneratorRules.PIVPN.disable(disabled, "tv.box")).as("already disabled").isEqualTo(disabled);
    }

    @Test
    void pivpnRangesAreNotAnchored() {
        Fixture f = Fixture.load("pivpn-prefix"); // phone, phone2 (disabled), laptop
        // remove closes its pattern with " ###": only phone goes
        assertThat(PeerNames.of(GeneratorRules.PIVPN.delete(f.text(), "phone"))).containsExactly("phone2", "laptop");
        // disable: "#[disabled] ### begin phone" is found in phone2's line, so phone is "already disabled"
        assertThat(GeneratorRules.PIVPN.disable(f.text(), "phone")).isEqualTo(f.text());
        // enable phone: the range /begin phone/,/end phone/ opens again on phone2 and enables it
        String enabled = GeneratorRules.PIVPN.enable(f.text(), "phone");
        assertThat(enabled).doesNotContain("#[disabled]");
        // with phone2 enabled, disabling phone disables phone2 as well
        String both = GeneratorRules.PIVPN.disable(enabled, "phone");
        assertThat(both.lines().filter(l -> l.startsWith("#[disabled] ")).count()).isEqualTo(12);
        // a '.' in a name is a regex wildcard
        String dots = GeneratorRules.PIVPN.addPeer(GeneratorRules.PIVPN.addPeer("", "tvxbox", "K1", "10.0.0.9/32"),
                "tv.box", "K2", "10.0.0.10/32");
        assertThat(PeerNames.of(GeneratorRules.PIVPN.delete(dots, "tv.box"))).isEmpty();
    }

    /** [Peer] sections left in a text, by their PiVPN marker. */
    static final class PeerNames {
        static List<String> of(String text) {
            return GeneratorRules.PIVPN.names(text);
        }
    }

    @Test
    void sedNamesThatWouldBreakTheScriptAreRefused() {
        assertThatThrownBy(() -> GeneratorRules.NYR.delete("", "a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------------------------------
    // adding clients

    @ParameterizedTest
    @MethodSource("fixtures")
    void aClientTheToolAddsIsDeletedAgainByTheTool(String id) {
        GeneratorRules.Tool tool = TOOLS.get(id);
        if (tool == null || id.endsWith("-crlf")) {
            return;
        }
        Fixture f = Fixture.load(id);
        String key = "n3wP33rK3yForTheRoundTripTestAAAAAAAAAAAAAA=";
        String added = tool.addPeer(f.text(), "peernew", key, "10.99.0.2/32");
        assertThat(added).contains("PublicKey = " + key);
        assertThat(added.lines().filter(l -> l.strip().equals("[Peer]")).count())
                .isEqualTo(f.text().lines().filter(l -> l.strip().equals("[Peer]")).count() + 1);
        String arg = tool == GeneratorRules.WGDASHBOARD ? key : "peernew";
        assertThat(tool.names(added)).contains(arg);
        String back = tool.delete(added, arg);
        if (tool == GeneratorRules.ANGRISTAN) {
            // the blank line written before "### Client" stays behind
            assertThat(back).isEqualTo(f.text() + "\n");
        } else {
            assertThat(back).isEqualTo(f.text());
        }
    }

    @Test
    void newClientsGoWhereTheToolPutsThem() {
        String gx = Fixture.load("githubixx").text();
        String added = GeneratorRules.GITHUBIXX.addPeer(gx, "worker03.example.net", "K", "10.8.0.113/32");
        assertThat(GeneratorRules.GITHUBIXX.names(added)).containsExactly("worker02.example.net",
                "controller01.example.net", "worker01.example.net", "workstation.example.net",
                "worker03.example.net", "phone.example.net", "laptop.example.net");
        String ggw = Fixture.load("wg-gen-web").text();
        assertThat(GeneratorRules.WG_GEN_WEB.names(GeneratorRules.WG_GEN_WEB.addPeer(ggw, "neu", "K", "10.6.6.9/32")))
                .first().isEqualTo("neu");
        String v15 = Fixture.load("wg-easy-v15").text();
        assertThat(GeneratorRules.WG_EASY_V15.addPeer(v15, "neu", "K", "10.8.0.9/32")).contains("# Client: neu (6)");
    }

    // ------------------------------------------------------------------------------------------
    // tools that render the whole file

    @ParameterizedTest
    @MethodSource("fixtures")
    void theRenderingModelReproducesTheToolsOwnFile(String id) {
        GeneratorRules.Tool tool = TOOLS.get(id);
        Fixture f = Fixture.load(id);
        if (tool instanceof GeneratorRules.Regenerator r) {
            assertThat(r.regenerate(f.text())).isEqualTo(f.text());
            assertThat(r.names(f.text())).containsExactlyElementsOf(f.peers().stream().map(Peer::name).toList());
        } else if (tool == GeneratorRules.WGDASHBOARD) {
            assertThat(GeneratorRules.WGDASHBOARD.save(f.text())).isEqualTo(f.text());
        }
    }

    @Test
    void aToolThatRendersTheFileDropsPeersItDidNotWrite() {
        String foreign = "\n[Peer]\n# db1\nPublicKey = ZGIxLWZvcmVpZ24tcGVlci1ub3QtYS1yZWFsLWtleSE=\nAllowedIPs = 10.8.0.60/32\n";
        for (String id : List.of("wg-easy", "wireguard-ui", "wg-portal", "linuxserver", "githubixx", "wg-gen-web")) {
            GeneratorRules.Regenerator tool = (GeneratorRules.Regenerator) TOOLS.get(id);
            Fixture f = Fixture.load(id);
            String mixed = f.text() + foreign;
            String after = tool.delete(mixed, f.peers().get(0).name());
            assertThat(after).as(id).doesNotContain("ZGIxLWZvcmVpZ24t");
        }
        // wg-quick save keeps the peer (it is on the interface) but not its name
        Fixture d = Fixture.load("wgdashboard");
        String after = GeneratorRules.WGDASHBOARD.delete(d.text() + foreign, d.key(d.peers().get(0).name()));
        assertThat(after).contains("ZGIxLWZvcmVpZ24t").doesNotContain("# db1");
    }

    @Test
    void wgQuickSaveDropsEveryComment() {
        String named = Fixture.load("wgdashboard-import").text();
        String saved = GeneratorRules.WGDASHBOARD.save(named);
        assertThat(saved).doesNotContain("#Name#");
        assertThat(saved.lines().filter(l -> l.startsWith("PublicKey"))).hasSize(3);
    }

    @Test
    void sedRangesFollowGnuSed() {
        GeneratorRules.Sed file = GeneratorRules.Sed.of("a\nx\nb\nc\na\nb\nd\na\ne");
        boolean[] in = file.range(GeneratorRules.bre("^a$"), GeneratorRules.bre("^b$"));
        // the range reopens after it closed, and one without an end runs to the last line
        assertThat(file.delete(in)).isEqualTo("c\nd\n");
        assertThat(GeneratorRules.bre("^x.y$").matcher("x\ry").find()).as("'.' matches \\r").isTrue();
        assertThat(GeneratorRules.bre("^xy$").matcher("xy\r").find()).as("'$' is not before \\r").isFalse();
        assertThat(GeneratorRules.bre("a+b").matcher("a+b").find()).as("+ is literal in a BRE").isTrue();
        assertThat(GeneratorRules.bre("a\\+b").matcher("aab").find()).as("\\+ is GNU's operator").isTrue();
        assertThat(GeneratorRules.Sed.of("a\nb").delete(new boolean[] {false, true})).isEqualTo("a\n");
        assertThat(GeneratorRules.Sed.of("a\nb").delete(new boolean[] {true, false})).isEqualTo("b");
    }
}
