package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seed's merge rules on a lossless config: selected peers are added or updated in place,
 * every other peer is kept as it was, peers are written sorted by name, and a merge that
 * changes nothing returns the very same config (so nothing is written).
 */
public final class PeerMerge {

    private PeerMerge() {
    }

    /** What a merge or prune did. {@code config} is {@code current} itself when nothing changed. */
    public record Result(WgConfig config, List<String> added, List<String> updated, List<String> removed) {
        public boolean changed() {
            return !added.isEmpty() || !updated.isEmpty() || !removed.isEmpty();
        }
    }

    /**
     * Merges {@code selected} into {@code current}. A selected peer matches an existing one by
     * name, or else an unnamed peer with the same key (which then gets the name comment).
     *
     * @throws IllegalArgumentException when a selected peer has no public key or a name twice
     */
    public static Result merge(WgConfig current, Collection<PeerSpec> selected) {
        String eol = current.lineEnding();
        List<List<ConfigLine>> blocks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PeerBlock peer : current.peers()) {
            blocks.add(new ArrayList<>(peer.lines()));
            names.add(peer.name());
        }
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (PeerSpec spec : selected) {
            if (spec.publicKey() == null) {
                throw new IllegalArgumentException("no public key known for peer '" + spec.name() + "'");
            }
            if (!seen.add(spec.name())) {
                throw new IllegalArgumentException("peer '" + spec.name() + "' selected twice");
            }
            int index = indexOf(current, spec);
            if (index < 0) {
                blocks.add(newBlock(spec, eol));
                names.add(spec.name());
                added.add(spec.name());
                continue;
            }
            PeerBlock peer = current.peers().get(index);
            List<ConfigLine> changed = update(peer, spec, eol);
            if (changed != null) {
                blocks.set(index, changed);
                names.set(index, spec.name());
                updated.add(spec.name());
            }
        }
        if (added.isEmpty() && updated.isEmpty()) {
            return new Result(current, List.of(), List.of(), List.of());
        }
        return new Result(layout(current, blocks, names, eol), added, updated, List.of());
    }

    /** Removes every peer whose name is not in {@code keep}; the rest stay as they are. */
    public static Result prune(WgConfig current, Set<String> keep) {
        List<List<ConfigLine>> blocks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (PeerBlock peer : current.peers()) {
            if (keep.contains(peer.name())) {
                blocks.add(peer.lines());
                names.add(peer.name());
            } else {
                removed.add(peer.name());
            }
        }
        if (removed.isEmpty()) {
            return new Result(current, List.of(), List.of(), List.of());
        }
        return new Result(layout(current, blocks, names, current.lineEnding()), List.of(), List.of(), removed);
    }

    private static int indexOf(WgConfig current, PeerSpec spec) {
        List<PeerBlock> peers = current.peers();
        for (int i = 0; i < peers.size(); i++) {
            if (peers.get(i).named() && peers.get(i).name().equals(spec.name())) {
                return i;
            }
        }
        for (int i = 0; i < peers.size(); i++) {
            PeerBlock p = peers.get(i);
            if (!p.named() && p.publicKey().filter(spec.publicKey()::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /** The block's lines with the spec's values, or null when they already match. */
    private static List<ConfigLine> update(PeerBlock peer, PeerSpec spec, String eol) {
        List<ConfigLine> lines = new ArrayList<>(peer.lines());
        boolean changed = false;
        if (!peer.named()) {
            lines.add(peer.headerIndex() + 1, line("# " + spec.name(), eol));
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
        if (spec.endpoint() != null && !spec.endpoint().equals(peer.endpoint().orElse(null))) {
            setEntry(lines, "Endpoint", spec.endpoint(), eol);
            changed = true;
        }
        if (spec.persistentKeepalive() != null && !Objects.equals(spec.persistentKeepalive(),
                peer.persistentKeepalive().map(PeerSpec::keepaliveValue).orElse(null))) {
            setEntry(lines, "PersistentKeepalive", spec.persistentKeepalive().toString(), eol);
            changed = true;
        }
        return changed ? lines : null;
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
     * Sets {@code key} to {@code value}: the first such entry is rewritten keeping its key
     * spelling, indentation and trailing comment; repeats are dropped; a missing key is added
     * after the last entry wg-style order would put before it.
     */
    private static void setEntry(List<ConfigLine> lines, String key, String value, String eol) {
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof ConfigLine.Entry e && e.is(key)) {
                if (first < 0) {
                    first = i;
                } else {
                    lines.remove(i--);
                }
            }
        }
        if (first >= 0) {
            ConfigLine old = lines.get(first);
            String raw = old.raw();
            int eq = raw.indexOf('=');
            int hash = raw.indexOf('#', eq);
            String comment = hash < 0 ? "" : " " + raw.substring(hash);
            String head = raw.substring(0, eq).stripTrailing();
            lines.set(first, line(head + " = " + value + comment, old.eol().isEmpty() ? eol : old.eol()));
            return;
        }
        int at = lastEntryIndex(lines);
        lines.add(at + 1, line(key + " = " + value, eol));
        if (at + 1 == lines.size() - 1 && at >= 0 && lines.get(at).eol().isEmpty()) {
            lines.set(at, withEol(lines.get(at), eol));
        }
    }

    private static int lastEntryIndex(List<ConfigLine> lines) {
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            ConfigLine l = lines.get(i);
            if (l instanceof ConfigLine.Entry || l instanceof ConfigLine.Section
                    || (l instanceof ConfigLine.Comment && last == i - 1)) {
                last = i;
            }
        }
        return last;
    }

    private static List<ConfigLine> newBlock(PeerSpec spec, String eol) {
        List<ConfigLine> lines = new ArrayList<>();
        lines.add(line("[Peer]", eol));
        lines.add(line("# " + spec.name(), eol));
        lines.add(line("PublicKey = " + spec.publicKey(), eol));
        lines.add(line("AllowedIPs = " + spec.allowedIpsText(), eol));
        if (spec.endpoint() != null) {
            lines.add(line("Endpoint = " + spec.endpoint(), eol));
        }
        if (spec.persistentKeepalive() != null) {
            lines.add(line("PersistentKeepalive = " + spec.persistentKeepalive(), eol));
        }
        return lines;
    }

    /** Preamble as it was, then the blocks sorted by name, one blank line between them. */
    private static WgConfig layout(WgConfig current, List<List<ConfigLine>> blocks, List<String> names,
                                   String eol) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(names::get));
        List<ConfigLine> out = new ArrayList<>(current.preamble());
        if (!out.isEmpty() && !order.isEmpty()) {
            int last = out.size() - 1;
            if (out.get(last).eol().isEmpty()) {
                out.set(last, withEol(out.get(last), eol));
            }
            if (!(out.get(last) instanceof ConfigLine.Blank)) {
                out.add(line("", eol));
            }
        }
        for (int n = 0; n < order.size(); n++) {
            List<ConfigLine> block = new ArrayList<>(blocks.get(order.get(n)));
            while (block.size() > 1 && block.get(block.size() - 1) instanceof ConfigLine.Blank) {
                block.remove(block.size() - 1);
            }
            int last = block.size() - 1;
            if (block.get(last).eol().isEmpty()) {
                block.set(last, withEol(block.get(last), eol));
            }
            if (n > 0) {
                out.add(line("", eol));
            }
            out.addAll(block);
        }
        // Number the lines as they will be in the file written, so problems point at it.
        for (int i = 0; i < out.size(); i++) {
            out.set(i, ConfigParser.renumbered(out.get(i), i + 1));
        }
        return WgConfig.of(current.source(), out);
    }

    private static ConfigLine line(String raw, String eol) {
        return ConfigParser.classify(raw, eol, 0);
    }

    private static ConfigLine withEol(ConfigLine l, String eol) {
        return ConfigParser.classify(l.raw(), eol, l.number());
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
            java.util.Optional<PeerBlock> was = before == null ? java.util.Optional.empty() : before.peer(p.name());
            if (was.isEmpty()) {
                added.add(p.name());
            } else {
                PeerSpec a = was.get().toSpec();
                PeerSpec b = p.toSpec();
                if (!Objects.equals(a.publicKey(), b.publicKey()) || !sameCidrs(a.allowedIps(), b.allowedIps())
                        || !Objects.equals(a.endpoint(), b.endpoint())
                        || !Objects.equals(a.persistentKeepalive(), b.persistentKeepalive())) {
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
