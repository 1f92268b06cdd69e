package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seed's merge rules on a lossless config, refined for files other tools wrote: selected
 * peers are added or updated, every other peer keeps its bytes and its place, and a merge that
 * changes nothing returns the very same config (so nothing is written).
 *
 * <p>Order: a file sorted by name stays sorted (a new peer goes to its sorted place); any other
 * file keeps its order and new peers go after the last peer. Re-sorting is {@link #sort}, an
 * action of its own. A peer's lines ({@link PeerBlock}) always move or go as one.
 */
public final class PeerMerge {

    private PeerMerge() {
    }

    /**
     * What a merge, prune or sort did. {@code config} is {@code current} itself when nothing
     * changed; {@code reordered} says peers moved (a sort).
     */
    public record Result(WgConfig config, List<String> added, List<String> updated, List<String> removed,
                         boolean reordered) {

        public Result(WgConfig config, List<String> added, List<String> updated, List<String> removed) {
            this(config, added, updated, removed, false);
        }

        public boolean changed() {
            return !added.isEmpty() || !updated.isEmpty() || !removed.isEmpty() || reordered;
        }
    }

    /**
     * Merges {@code selected} into {@code current}. A selected peer matches an existing one by
     * name, or else an unnamed peer with the same key (which then gets a name in the file's
     * convention).
     *
     * @throws IllegalArgumentException when a selected peer has no public key, a name twice, a
     *                                  value that does not fit on one config line, or the name of
     *                                  a disabled peer
     */
    public static Result merge(WgConfig current, Collection<PeerSpec> selected) {
        String eol = current.lineEnding();
        List<PeerBlock> blocks = current.blocks();
        Map<String, Integer> byName = new HashMap<>();
        Map<String, Integer> unnamedByKey = new HashMap<>();
        Set<String> disabledNames = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            PeerBlock b = blocks.get(i);
            if (b.disabled()) {
                disabledNames.add(b.name());
            } else if (b.named()) {
                byName.putIfAbsent(b.name(), i);
            } else {
                int index = i;
                b.publicKey().ifPresent(k -> unnamedByKey.putIfAbsent(k, index));
            }
        }
        NameStyle style = current.nameStyleForNewPeers();
        // every name the file will have: a marker is written only when no other name can be taken
        // for it by the tool's own patterns
        Set<String> allNames = new HashSet<>();
        blocks.forEach(b -> allNames.add(b.name()));
        selected.forEach(spec -> allNames.add(spec.name()));
        Map<Integer, List<ConfigLine>> replaced = new HashMap<>();
        List<PeerSpec> fresh = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PeerSpec spec : selected) {
            requireWritable(spec);
            if (!seen.add(spec.name())) {
                throw new IllegalArgumentException("peer '" + spec.name() + "' selected twice");
            }
            if (disabledNames.contains(spec.name()) && !byName.containsKey(spec.name())) {
                throw new IllegalArgumentException("peer '" + spec.name() + "' is disabled in " + current.source()
                        + " (PiVPN); enable or remove it there first");
            }
            Integer index = byName.get(spec.name());
            if (index == null) {
                index = unnamedByKey.get(spec.publicKey());
            }
            if (index == null) {
                if (!PeerBlock.isWritableName(spec.name())) {
                    throw new IllegalArgumentException("'" + spec.name() + "' cannot be written as a peer's name "
                            + "(letters, digits, '.', '_', '@', '-' only)");
                }
                fresh.add(spec);
                added.add(spec.name());
                continue;
            }
            List<ConfigLine> changed = update(blocks.get(index), spec, styleFor(spec.name(), style, allNames), eol);
            if (changed != null) {
                replaced.put(index, changed);
                updated.add(spec.name());
            }
        }
        if (added.isEmpty() && updated.isEmpty()) {
            return new Result(current, List.of(), List.of(), List.of());
        }
        fresh.sort(Comparator.comparing(PeerSpec::name));
        List<Piece> pieces = new ArrayList<>(blocks.size() + fresh.size());
        boolean sorted = current.sortedByName();
        int next = 0;
        for (int i = 0; i < blocks.size(); i++) {
            String name = blocks.get(i).name();
            while (sorted && next < fresh.size() && fresh.get(next).name().compareTo(name) < 0) {
                PeerSpec f = fresh.get(next++);
                pieces.add(new Piece(newBlock(f, styleFor(f.name(), style, allNames), eol), true));
            }
            pieces.add(new Piece(replaced.getOrDefault(i, blocks.get(i).lines()), false));
            if (!blocks.get(i).gap().isEmpty()) {
                pieces.add(new Piece(blocks.get(i).gap(), false));
            }
        }
        while (next < fresh.size()) {
            PeerSpec f = fresh.get(next++);
            pieces.add(new Piece(newBlock(f, styleFor(f.name(), style, allNames), eol), true));
        }
        return new Result(assemble(current, pieces, eol), added, updated, List.of());
    }

    /** Removes every active peer whose name is not in {@code keep}; the rest stay as they are. */
    public static Result prune(WgConfig current, Set<String> keep) {
        List<PeerBlock> blocks = current.blocks();
        List<String> removed = new ArrayList<>();
        for (PeerBlock b : blocks) {
            if (!b.disabled() && !keep.contains(b.name())) {
                removed.add(b.name());
            }
        }
        if (removed.isEmpty()) {
            return new Result(current, List.of(), List.of(), List.of());
        }
        List<ConfigLine> out = new ArrayList<>(current.lines().size());
        out.addAll(current.preamble());
        boolean gap = false;
        boolean closed = true; // what is written so far ends with no peer's open lines (the preamble, an END marker)
        for (PeerBlock b : blocks) {
            if (b.disabled() || keep.contains(b.name())) {
                if (gap && !out.isEmpty() && WgConfig.joinsPeerBelow(out.get(out.size() - 1))) {
                    // the block that stood between went: keep this comment from becoming the next peer's
                    endLine(out, current.lineEnding());
                    out.add(line("", current.lineEnding()));
                }
                out.addAll(b.lines());
                out.addAll(b.gap());
                gap = false;
                closed = endsWithMarker(b);
            } else if (hasSection(b.gap()) || closed && b.gap().stream().anyMatch(l -> !(l instanceof ConfigLine.Blank))) {
                // What followed its closing marker is no peer's: it stays where it was - a section
                // after it ([Interface] written after the peers) always; a note when what comes
                // before it has no open lines to take it (else it would become that peer's).
                out.addAll(b.gap());
                gap = false;
            } else {
                gap = true;
            }
        }
        PeerBlock last = blocks.get(blocks.size() - 1);
        if (!keep.contains(last.name()) && !last.disabled()) {
            // The file's last peer went: what ends the file now ends as the file did.
            int trailing = trailingBlanks(withGap(last));
            int keepFrom = out.size() - trailingBlanks(out);
            while (out.size() > keepFrom + trailing) {
                out.remove(out.size() - 1);
            }
        }
        return new Result(WgConfig.of(current.source(), out), List.of(), List.of(), removed);
    }

    /**
     * Every peer block in name order, each with its own lines, one separator between them; the
     * very same config when the file is sorted already.
     */
    public static Result sort(WgConfig current) {
        if (current.sortedByName()) {
            return new Result(current, List.of(), List.of(), List.of());
        }
        if (current.blocks().stream().anyMatch(b -> hasSection(b.gap()))) {
            throw new IllegalArgumentException(current.source() + " has a section after its peers (an [Interface] at "
                    + "the end?); sorting would move it with a peer. Move it above the peers first");
        }
        String eol = current.lineEnding();
        List<PeerBlock> order = new ArrayList<>(current.blocks());
        order.sort(Comparator.comparing(PeerBlock::name));
        boolean blankSeparated = blankSeparated(current);
        List<ConfigLine> out = new ArrayList<>(current.lines().size());
        out.addAll(current.preamble());
        for (int n = 0; n < order.size(); n++) {
            List<ConfigLine> block = new ArrayList<>(order.get(n).lines());
            block.addAll(order.get(n).gap());
            while (block.size() > 1 && block.get(block.size() - 1) instanceof ConfigLine.Blank) {
                block.remove(block.size() - 1);
            }
            endLine(out, eol);
            if (!out.isEmpty() && (n > 0 && blankSeparated || WgConfig.joinsPeerBelow(out.get(out.size() - 1)))) {
                out.add(line("", eol));
            }
            out.addAll(block);
        }
        endLine(out, eol);
        return new Result(WgConfig.of(current.source(), out), List.of(), List.of(), List.of(), true);
    }

    /** A run of lines that stays together: an existing block (maybe updated) or a new one. */
    private record Piece(List<ConfigLine> lines, boolean fresh) {
    }

    /**
     * The preamble, then the pieces. Existing blocks keep their lines, separators included; a
     * new block gets the separator the file uses (a blank line, unless its peers are written
     * without) before it, and after it when an existing block follows.
     */
    private static WgConfig assemble(WgConfig current, List<Piece> pieces, String eol) {
        boolean blankSeparated = blankSeparated(current);
        List<ConfigLine> out = new ArrayList<>(current.lines().size() + 8 * pieces.size());
        out.addAll(current.preamble());
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (!p.fresh()) {
                out.addAll(p.lines());
                continue;
            }
            endLine(out, eol);
            if (!out.isEmpty() && (blankSeparated && !(out.get(out.size() - 1) instanceof ConfigLine.Blank)
                    || WgConfig.joinsPeerBelow(out.get(out.size() - 1)))) {
                // (a comment right above the new [Peer] would become the new peer's)
                out.add(line("", eol));
            }
            out.addAll(p.lines());
            if (blankSeparated && i + 1 < pieces.size()) {
                out.add(line("", eol));
            }
        }
        return WgConfig.of(current.source(), out);
    }

    /** True unless the file writes its peers without blank lines between them. */
    private static boolean blankSeparated(WgConfig current) {
        List<PeerBlock> blocks = current.blocks();
        if (blocks.size() < 2) {
            return true;
        }
        int blank = 0;
        for (int i = 0; i < blocks.size() - 1; i++) {
            if (trailingBlanks(withGap(blocks.get(i))) > 0) {
                blank++;
            }
        }
        return blank * 2 >= blocks.size() - 1;
    }

    private static boolean endsWithMarker(PeerBlock b) {
        for (int i = b.lines().size() - 1; i >= 0; i--) {
            ConfigLine l = b.lines().get(i);
            if (!(l instanceof ConfigLine.Blank)) {
                return l instanceof ConfigLine.Comment c && NameStyle.isEndMarker(c.raw());
            }
        }
        return false;
    }

    private static boolean hasSection(List<ConfigLine> lines) {
        return lines.stream().anyMatch(l -> l instanceof ConfigLine.Section);
    }

    private static List<ConfigLine> withGap(PeerBlock b) {
        if (b.gap().isEmpty()) {
            return b.lines();
        }
        List<ConfigLine> all = new ArrayList<>(b.lines());
        all.addAll(b.gap());
        return all;
    }

    private static int trailingBlanks(List<ConfigLine> lines) {
        int n = 0;
        for (int i = lines.size() - 1; i >= 0 && lines.get(i) instanceof ConfigLine.Blank; i--) {
            n++;
        }
        return n;
    }

    /** Gives the last line a line ending when the file ended without one. */
    private static void endLine(List<ConfigLine> out, String eol) {
        if (!out.isEmpty() && out.get(out.size() - 1).eol().isEmpty()) {
            ConfigLine last = out.get(out.size() - 1);
            out.set(out.size() - 1, ConfigParser.classify(last.raw(), eol, last.number()));
        }
    }

    /** Each value goes on a line of its own: nothing in it may end that line or start a comment. */
    private static void requireWritable(PeerSpec spec) {
        if (spec.publicKey() == null) {
            throw new IllegalArgumentException("no public key known for peer '" + spec.name() + "'");
        }
        if (!Keys.isValid(spec.publicKey())) {
            throw new IllegalArgumentException("peer '" + spec.name() + "': the public key is not 32 bytes of base64");
        }
        List<String> values = new ArrayList<>(spec.allowedIps());
        values.add(spec.name());
        if (spec.endpoint() != null) {
            values.add(spec.endpoint());
        }
        for (String v : values) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < 0x20 || c == 0x7f || c == '#' || c == '=') {
                    throw new IllegalArgumentException("peer '" + spec.name() + "': a value holds a line break, "
                            + "'#', '=' or a control character; refusing to write it into the config");
                }
            }
        }
    }

    /** The block's lines with the spec's values, or null when they already match. */
    private static List<ConfigLine> update(PeerBlock peer, PeerSpec spec, NameStyle style, String eol) {
        List<ConfigLine> lines = new ArrayList<>(peer.lines());
        boolean changed = false;
        if (!peer.named()) {
            nameUnnamed(lines, peer.headerIndex(), spec.name(), style, eol);
            changed = true;
        }
        if (!spec.publicKey().equals(peer.publicKey().orElse(null))) {
            setEntry(lines, "PublicKey", spec.publicKey(), eol);
            changed = true;
        }
        if (!sameCidrs(spec.allowedIps(), peer.allowedIps())) {
            setEntry(lines, "AllowedIPs", spec.allowedIpsText(), eol);
            changed = true;
        }
        if (spec.endpoint() != null && !PeerSpec.sameEndpoint(spec.endpoint(), peer.endpoint().orElse(null))) {
            setEntry(lines, "Endpoint", spec.endpoint(), eol);
            changed = true;
        }
        if (spec.persistentKeepalive() != null && !PeerSpec.sameKeepalive(spec.persistentKeepalive(),
                peer.persistentKeepalive().map(PeerSpec::keepaliveValue).orElse(null))) {
            setEntry(lines, "PersistentKeepalive", spec.persistentKeepalive().toString(), eol);
            changed = true;
        }
        return changed ? lines : null;
    }

    /** An unnamed peer adopted by a worker gets its name written in the file's convention. */
    private static void nameUnnamed(List<ConfigLine> lines, int header, String name, NameStyle style, String eol) {
        NameStyle s = PeerBlock.isWritableName(name, style) ? style : NameStyle.BELOW;
        if (s == NameStyle.SECTION_LINE && lines.get(header).raw().indexOf('#') >= 0) {
            s = NameStyle.BELOW; // the [Peer] line has a comment of its own already
        }
        int after = lastEntryIndex(lines) + 1;
        List<String> closing = s.linesAfter(name);
        for (int i = closing.size() - 1; i >= 0; i--) {
            lines.add(after, line(closing.get(i), eol));
        }
        List<String> below = s.linesBelow(name);
        for (int i = below.size() - 1; i >= 0; i--) {
            lines.add(header + 1, line(below.get(i), eol));
        }
        ConfigLine h = lines.get(header);
        if (s == NameStyle.SECTION_LINE && h.raw().indexOf('#') < 0) {
            lines.set(header, line(h.raw().stripTrailing() + " # " + name, h.eol().isEmpty() ? eol : h.eol()));
        }
        List<String> above = s.linesAbove(name);
        for (int i = above.size() - 1; i >= 0; i--) {
            lines.add(header, line(above.get(i), eol));
        }
    }

    /** True when both lists name the same set of prefixes (order and spelling aside). */
    public static boolean sameCidrs(List<String> a, List<String> b) {
        return cidrSet(a).equals(cidrSet(b));
    }

    private static Set<String> cidrSet(List<String> ips) {
        Set<String> out = new TreeSet<>();
        for (String ip : ips) {
            // wg keeps prefixes masked (10.0.0.3/24 is 10.0.0.0/24), so compare them that way.
            out.add(Cidr.parse(ip).map(Cidr::networkText).orElse(ip));
        }
        return out;
    }

    /**
     * Sets {@code key} to {@code value}: the last such entry (the one wg reads) is rewritten
     * keeping its key spelling, indentation and trailing comment; repeats are dropped; a missing
     * key is added after the peer's last entry.
     */
    private static void setEntry(List<ConfigLine> lines, String key, String value, String eol) {
        int keep = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i) instanceof ConfigLine.Entry e && e.is(key)) {
                if (keep < 0) {
                    keep = i;
                } else {
                    lines.remove(i);
                    keep--;
                }
            }
        }
        if (keep >= 0) {
            ConfigLine old = lines.get(keep);
            String raw = old.raw();
            int eq = raw.indexOf('=');
            int hash = raw.indexOf('#', eq);
            String comment = hash < 0 ? "" : " " + raw.substring(hash);
            String head = raw.substring(0, eq).stripTrailing();
            lines.set(keep, line(head + " = " + value + comment, old.eol().isEmpty() ? eol : old.eol()));
            return;
        }
        int at = lastEntryIndex(lines);
        if (at >= 0 && lines.get(at).eol().isEmpty()) {
            lines.set(at, ConfigParser.classify(lines.get(at).raw(), eol, lines.get(at).number()));
        }
        lines.add(at + 1, line(key + " = " + value, eol));
    }

    /** The last entry (or the header when there is none): a closing marker and comments stay after it. */
    private static int lastEntryIndex(List<ConfigLine> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            ConfigLine l = lines.get(i);
            if (l instanceof ConfigLine.Entry || l instanceof ConfigLine.Section) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The convention a peer named {@code name} is written in: the file's, unless the tool that owns
     * that convention could take another name's lines for it (Nyr and angristan make names of
     * letters, digits, '_' and '-' and match them as sed patterns, where '.' is any character;
     * PiVPN matches "### begin NAME" unanchored, so a name that begins another is taken along):
     * then the seed's {@code # name}.
     */
    static NameStyle styleFor(String name, NameStyle fileStyle, Set<String> allNames) {
        NameStyle style = PeerBlock.isWritableName(name, fileStyle) ? fileStyle : NameStyle.BELOW;
        if (style == NameStyle.BEGIN_END_PEER || style == NameStyle.CLIENT_HASHES) {
            if (!name.matches("[A-Za-z0-9_-]+") || allNames.stream().anyMatch(other -> !other.equals(name)
                    && other.length() == name.length() && sedMatches(other, name))) {
                return NameStyle.BELOW;
            }
        } else if (style == NameStyle.PIVPN) {
            if (!name.matches("[A-Za-z0-9@_-]+") || allNames.stream().anyMatch(other -> !other.equals(name)
                    && (other.startsWith(name) || name.startsWith(other) || sedMatchesPrefix(other, name)))) {
                return NameStyle.BELOW;
            }
        }
        return style;
    }

    /** True when {@code pattern}, read as sed reads a name pasted into a regex ('.' is any character), matches {@code text}. */
    private static boolean sedMatches(String pattern, String text) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '.' && pattern.charAt(i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sedMatchesPrefix(String pattern, String text) {
        return pattern.indexOf('.') >= 0 && pattern.length() <= text.length()
                && sedMatches(pattern, text.substring(0, pattern.length()));
    }

    private static List<ConfigLine> newBlock(PeerSpec spec, NameStyle style, String eol) {
        List<ConfigLine> lines = new ArrayList<>();
        style.linesAbove(spec.name()).forEach(l -> lines.add(line(l, eol)));
        lines.add(line(style.header(spec.name()), eol));
        style.linesBelow(spec.name()).forEach(l -> lines.add(line(l, eol)));
        lines.add(line("PublicKey = " + spec.publicKey(), eol));
        lines.add(line("AllowedIPs = " + spec.allowedIpsText(), eol));
        if (spec.endpoint() != null) {
            lines.add(line("Endpoint = " + spec.endpoint(), eol));
        }
        if (spec.persistentKeepalive() != null) {
            lines.add(line("PersistentKeepalive = " + spec.persistentKeepalive(), eol));
        }
        style.linesAfter(spec.name()).forEach(l -> lines.add(line(l, eol)));
        return lines;
    }

    private static ConfigLine line(String raw, String eol) {
        return ConfigParser.classify(raw, eol, 0);
    }

    /**
     * What going from {@code before} to {@code after} does to the peers, by name: added, updated
     * (key, AllowedIPs, endpoint or keepalive differ) and removed. {@code before} may be null.
     */
    public static Result changes(WgConfig before, WgConfig after) {
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (PeerBlock p : after.peers()) {
            Optional<PeerBlock> was = before == null ? Optional.empty() : before.peer(p.name());
            if (was.isEmpty()) {
                added.add(p.name());
            } else {
                PeerSpec a = was.get().toSpec();
                PeerSpec b = p.toSpec();
                if (!Objects.equals(a.publicKey(), b.publicKey()) || !sameCidrs(a.allowedIps(), b.allowedIps())
                        || !PeerSpec.sameEndpoint(a.endpoint(), b.endpoint())
                        || !PeerSpec.sameKeepalive(a.persistentKeepalive(), b.persistentKeepalive())) {
                    updated.add(p.name());
                }
            }
        }
        if (before != null) {
            for (PeerBlock p : before.peers()) {
                if (after.peer(p.name()).isEmpty()) {
                    removed.add(p.name());
                }
            }
        }
        return new Result(after, added, updated, removed);
    }
}
