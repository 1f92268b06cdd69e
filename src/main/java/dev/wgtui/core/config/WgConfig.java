package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A wg0.conf as a list of lines, cut into the preamble and the blocks its peers own (see
 * {@link PeerBlock}). Immutable; {@link #render()} gives back the exact text it was parsed from.
 */
public final class WgConfig {

    private final String source;
    private final List<ConfigLine> lines;
    /** The preamble's end, the blocks and the active peers: found when first asked for. */
    private Structure structure;
    private Map<String, PeerBlock> byName;

    private record Structure(int preambleEnd, List<PeerBlock> blocks, List<PeerBlock> peers) {
    }

    private WgConfig(String source, List<ConfigLine> lines) {
        this.source = source;
        this.lines = Collections.unmodifiableList(lines);
    }

    private Structure structure() {
        Structure s = structure;
        if (s == null) {
            s = cut(lines);
            structure = s;
        }
        return s;
    }

    private static Structure cut(List<ConfigLine> lines) {
        List<int[]> units = units(lines);
        int preambleEnd = units.isEmpty() ? lines.size() : units.get(0)[0];
        List<NameStyle.Found> names = new ArrayList<>(units.size());
        Map<String, Integer> weakCount = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            int[] u = units.get(i);
            int end = i + 1 < units.size() ? units.get(i + 1)[0] : lines.size();
            NameStyle.Found found = PeerBlock.readName(lines.subList(u[0], end), u[1] - u[0], u[2] == 1);
            names.add(found);
            if (found != null && !found.strong()) {
                weakCount.merge(found.name(), 1, Integer::sum);
            }
        }
        for (int i = 0; i < names.size(); i++) {
            NameStyle.Found found = names.get(i);
            if (found != null && !found.strong() && weakCount.get(found.name()) > 1) {
                names.set(i, null); // the same label on several peers is a remark, not a name
            }
        }
        List<PeerBlock> all = blocks(lines, units, names, Set.of());
        // Two unnamed peers whose keys share their first bytes would share a name: they get longer ones.
        Map<String, Integer> derived = new HashMap<>();
        all.stream().filter(b -> !b.named()).forEach(b -> derived.merge(b.name(), 1, Integer::sum));
        Set<String> clashing = new java.util.HashSet<>();
        derived.forEach((name, n) -> {
            if (n > 1) {
                clashing.add(name);
            }
        });
        if (!clashing.isEmpty()) {
            all = blocks(lines, units, names, clashing);
        }
        List<PeerBlock> active = all.stream().filter(b -> !b.disabled()).toList();
        return new Structure(preambleEnd, Collections.unmodifiableList(all), active);
    }

    private static List<PeerBlock> blocks(List<ConfigLine> lines, List<int[]> units, List<NameStyle.Found> names,
                                          Set<String> clashing) {
        List<PeerBlock> all = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            int[] u = units.get(i);
            int end = i + 1 < units.size() ? units.get(i + 1)[0] : lines.size();
            NameStyle.Found found = names.get(i);
            int owned = ownedEnd(lines, u[1], end, found);
            PeerBlock block = PeerBlock.of(lines.subList(u[0], owned), lines.subList(owned, end), u[1] - u[0], found,
                    u[2] == 1, 4);
            if (!clashing.isEmpty() && !block.named() && clashing.contains(block.name())) {
                block = PeerBlock.of(lines.subList(u[0], owned), lines.subList(owned, end), u[1] - u[0], null,
                        u[2] == 1, 8);
            }
            all.add(block);
        }
        return all;
    }

    /** Parses {@code text}; never fails: problems are reported by {@link ConfigCheck}. */
    public static WgConfig parse(String source, String text) {
        return new WgConfig(source, ConfigParser.parse(text));
    }

    /** A config made of these lines, as they are (merge, prune, and checking what was rendered). */
    public static WgConfig of(String source, List<ConfigLine> lines) {
        return new WgConfig(source, new ArrayList<>(lines));
    }

    /** The same config named after another file (a preview), sharing its lines. */
    public WgConfig withSource(String newSource) {
        return new WgConfig(newSource, this);
    }

    private WgConfig(String source, WgConfig same) {
        this.source = source;
        this.lines = same.lines;
        this.structure = same.structure;
        this.byName = same.byName;
    }

    /** Where the config came from, for messages: a path or {@code host:path}. */
    public String source() {
        return source;
    }

    public List<ConfigLine> lines() {
        return lines;
    }

    /** Everything before the first peer's lines: the [Interface] section and what surrounds it. */
    public List<ConfigLine> preamble() {
        return lines.subList(0, structure().preambleEnd());
    }

    /** The peers wg reads, in file order. */
    public List<PeerBlock> peers() {
        return structure().peers();
    }

    /** Every peer block in file order, the disabled ones (PiVPN) included. */
    public List<PeerBlock> blocks() {
        return structure().blocks();
    }

    /** The disabled peers (PiVPN's {@code #[disabled]}), kept as they are. */
    public List<PeerBlock> disabledPeers() {
        return blocks().stream().filter(PeerBlock::disabled).toList();
    }

    /** The active peer with this name (the first, if the file has it twice). */
    public Optional<PeerBlock> peer(String name) {
        Map<String, PeerBlock> index = byName;
        if (index == null) {
            index = new HashMap<>(peers().size() * 2);
            for (PeerBlock p : peers()) {
                index.putIfAbsent(p.name(), p);
            }
            byName = index;
        }
        return Optional.ofNullable(index.get(name));
    }

    /** True when the peers are in name order (a file of one peer or none is). */
    public boolean sortedByName() {
        List<PeerBlock> blocks = blocks();
        for (int i = 1; i < blocks.size(); i++) {
            if (blocks.get(i - 1).name().compareTo(blocks.get(i).name()) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The naming convention a new peer gets: the one every named peer of this file uses, when
     * wgtui can write it; the seed's {@code # name} under {@code [Peer]} otherwise.
     */
    public NameStyle nameStyleForNewPeers() {
        NameStyle common = null;
        for (PeerBlock p : blocks()) {
            if (!p.named()) {
                continue;
            }
            if (common == null) {
                common = p.style();
            } else if (common != p.style()) {
                return NameStyle.BELOW;
            }
        }
        return common != null && common.writable() ? common : NameStyle.BELOW;
    }

    /** The value of an [Interface] key, e.g. {@code ListenPort}. */
    public Optional<String> interfaceValue(String key) {
        boolean inInterface = false;
        for (ConfigLine line : preamble()) {
            if (line instanceof ConfigLine.Section s) {
                inInterface = s.is("Interface");
            } else if (inInterface && line instanceof ConfigLine.Entry e && e.is(key)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** The line ending this file mostly uses; {@code "\n"} for an empty file. */
    public String lineEnding() {
        int crlf = 0;
        int lf = 0;
        for (ConfigLine line : lines) {
            if (line.eol().equals("\r\n")) {
                crlf++;
            } else if (line.eol().equals("\n")) {
                lf++;
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    /** The exact text: parse then render is the identity. */
    public String render() {
        StringBuilder out = new StringBuilder(lines.size() * 40);
        for (ConfigLine line : lines) {
            out.append(line.raw()).append(line.eol());
        }
        return out.toString();
    }

    /**
     * Where each peer's lines start, as {@code {start, header, disabled}}, in file order. An
     * active peer starts at the comment block right above its {@code [Peer]} (never past a
     * closing marker, a blank line or another line); a disabled PiVPN client at its
     * {@code begin} marker. A block ends where the next one starts.
     */
    private static List<int[]> units(List<ConfigLine> lines) {
        List<int[]> units = new ArrayList<>();
        int floor = 0;
        for (int i = 0; i < lines.size(); i++) {
            ConfigLine line = lines.get(i);
            if (line instanceof ConfigLine.Section s && s.is("Peer")) {
                int start = i;
                while (start - 1 >= floor && joinsPeerBelow(lines.get(start - 1))) {
                    start--;
                }
                start = openingMarkerAbove(lines, start, floor);
                units.add(new int[] {start, i, 0});
                floor = i + 1;
            } else if (line instanceof ConfigLine.Section) {
                floor = i + 1;
            } else if (line instanceof ConfigLine.Comment c && NameStyle.beginMarker(c.raw()).isPresent()) {
                int end = disabledBlockEnd(lines, i);
                if (end > 0) {
                    int header = i;
                    while (!isCommentedPeerHeader(lines.get(header).raw())) {
                        header++;
                    }
                    units.add(new int[] {i, header, 1});
                    i = end;
                    floor = end + 1;
                }
            }
        }
        return units;
    }

    /**
     * Where a peer's lines end: at the next section ({@code [Interface]} written after the peers
     * is no peer's), and for a marked peer after its closing marker ({@code # END_PEER x},
     * {@code ### end x ###}); what follows up to the next peer is no peer's.
     */
    private static int ownedEnd(List<ConfigLine> lines, int header, int end, NameStyle.Found name) {
        for (int i = header + 1; i < end; i++) {
            if (lines.get(i) instanceof ConfigLine.Section) {
                end = i;
                break;
            }
        }
        if (name == null || name.style() != NameStyle.BEGIN_END_PEER && name.style() != NameStyle.PIVPN) {
            return end;
        }
        for (int i = end - 1; i > header; i--) {
            if (lines.get(i) instanceof ConfigLine.Comment c
                    && NameStyle.endMarker(c.raw()).filter(name.name()::equals).isPresent()) {
                return i + 1;
            }
        }
        return end;
    }

    /**
     * A generator's opening marker a few blank or comment lines above the block's start
     * ({@code # BEGIN_PEER x}, blank, {@code [Peer]}) belongs to the block too.
     */
    private static int openingMarkerAbove(List<ConfigLine> lines, int start, int floor) {
        for (int j = start - 1; j >= floor && start - j <= 3; j--) {
            ConfigLine l = lines.get(j);
            if (l instanceof ConfigLine.Comment c) {
                if (NameStyle.isEndMarker(c.raw())) {
                    return start;
                }
                if (NameStyle.beginMarker(c.raw()).isPresent()) {
                    return j;
                }
            } else if (!(l instanceof ConfigLine.Blank)) {
                return start;
            }
        }
        return start;
    }

    /**
     * The index of the closing marker of a disabled client whose opening marker is at
     * {@code begin}, or -1 when the lines there are not one: every line between the markers
     * is a comment and one of them is a commented {@code [Peer]}.
     */
    private static int disabledBlockEnd(List<ConfigLine> lines, int begin) {
        Optional<String> name = NameStyle.beginMarker(lines.get(begin).raw());
        if (name.isEmpty()) {
            return -1;
        }
        boolean sawHeader = false;
        for (int j = begin + 1; j < lines.size(); j++) {
            ConfigLine l = lines.get(j);
            if (!(l instanceof ConfigLine.Comment) || NameStyle.beginMarker(l.raw()).isPresent()) {
                return -1; // another opening marker first: not this one's block (and each line is looked at once)
            }
            if (isCommentedPeerHeader(l.raw())) {
                sawHeader = true;
            }
            Optional<String> end = NameStyle.endMarker(l.raw());
            if (end.isPresent()) {
                return end.get().equals(name.get()) && sawHeader ? j : -1;
            }
        }
        return -1;
    }

    /** True for a comment that, right above a {@code [Peer]} line, would be read as that peer's. */
    static boolean joinsPeerBelow(ConfigLine line) {
        return line instanceof ConfigLine.Comment c && !NameStyle.isEndMarker(c.raw()) && !isCommentedEntry(c.raw());
    }

    private static final java.util.Set<String> KEYS = java.util.Set.of("privatekey", "listenport", "fwmark",
            "address", "dns", "mtu", "table", "preup", "postup", "predown", "postdown", "saveconfig", "publickey",
            "presharedkey", "allowedips", "endpoint", "persistentkeepalive");

    /**
     * {@code # PostDown = iptables ...}, {@code #PersistentKeepalive = 25}: a config line commented
     * out belongs to the section it sits in, not to the peer below it.
     */
    private static boolean isCommentedEntry(String raw) {
        String s = raw.strip();
        int i = 0;
        while (i < s.length() && s.charAt(i) == '#') {
            i++;
        }
        ConfigLine inner = ConfigParser.classify(s.substring(i), "", 0);
        return inner instanceof ConfigLine.Entry e && KEYS.contains(e.key().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isCommentedPeerHeader(String raw) {
        if (!NameStyle.isDisabledLine(raw)) {
            return false;
        }
        ConfigLine inner = ConfigParser.classify(raw.substring(NameStyle.DISABLED_PREFIX.length()), "", 0);
        return inner instanceof ConfigLine.Section s && s.is("Peer");
    }
}
