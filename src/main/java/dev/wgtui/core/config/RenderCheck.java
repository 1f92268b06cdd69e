package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What is rendered is what is checked: the text about to be written, parsed again, must be
 * the config that was planned, line for line, and hold exactly the planned change: the peers
 * the plan names with their planned values, and every other line of the file - the
 * [Interface], the other peers, the lines no peer owns, disabled clients - as it was, in its
 * order. A value that smuggles a line break, a section or a comment into the text fails here
 * even when each line looked right on its own.
 */
public final class RenderCheck {

    private RenderCheck() {
    }

    /**
     * @param before   the file as it is (null when there is none)
     * @param planned  the config built in memory
     * @param written  {@code planned} rendered and parsed again
     * @param changed  the peers the plan adds or updates, with the values they must have
     * @param removed  the peers the plan removes
     * @return what does not hold, one message each; empty when the text is what was planned
     */
    public static List<String> mismatches(WgConfig before, WgConfig planned, WgConfig written,
                                          Map<String, PeerSpec> changed, Set<String> removed) {
        return mismatches(before, planned, written, changed, removed, false);
    }

    /** @param reordered the plan puts the peers in another order (sort): each keeps its lines */
    public static List<String> mismatches(WgConfig before, WgConfig planned, WgConfig written,
                                          Map<String, PeerSpec> changed, Set<String> removed, boolean reordered) {
        List<String> out = new ArrayList<>();
        List<ConfigLine> a = planned.lines();
        List<ConfigLine> b = written.lines();
        if (a.size() != b.size()) {
            out.add("the text has " + b.size() + " lines where the plan has " + a.size()
                    + " (a value with a line break?)");
        }
        for (int i = 0; i < Math.min(a.size(), b.size()) && out.size() < 5; i++) {
            if (a.get(i).getClass() != b.get(i).getClass() || !a.get(i).raw().equals(b.get(i).raw())) {
                out.add("line " + (i + 1) + " reads as " + kind(b.get(i)) + " where the plan has " + kind(a.get(i)));
            }
        }
        Map<String, PeerBlock> byName = new HashMap<>(written.peers().size() * 2);
        for (PeerBlock p : written.peers()) {
            if (p.named() && byName.putIfAbsent(p.name(), p) != null) {
                out.add("peer '" + p.name() + "' is in the text twice");
            }
        }
        Set<String> changedKeys = new HashSet<>();
        changed.values().forEach(spec -> changedKeys.add(spec.publicKey()));
        // The peers the plan touches, in the file as it was and as written: every other line stays.
        Set<PeerBlock> touchedBefore = new HashSet<>();
        int expected = 0;
        if (before != null) {
            Map<String, PeerBlock> writtenByKey = new HashMap<>(written.peers().size() * 2);
            written.peers().forEach(p -> p.publicKey().ifPresent(k -> writtenByKey.putIfAbsent(k, p)));
            for (PeerBlock was : before.peers()) {
                if (removed.contains(was.name())) {
                    touchedBefore.add(was);
                    if (was.publicKey().map(writtenByKey::containsKey).orElse(false)) {
                        out.add("peer '" + was.name() + "' should be removed but is still there");
                    }
                } else if (changed.containsKey(was.name()) && was.named()
                        || !was.named() && was.publicKey().filter(changedKeys::contains).isPresent()) {
                    touchedBefore.add(was); // updated, or an unnamed peer a selected worker adopts
                } else {
                    expected++;
                    if (was.publicKey().map(k -> !writtenByKey.containsKey(k)).orElse(false)) {
                        out.add("peer '" + was.name() + "' was lost");
                    }
                }
            }
        }
        for (Map.Entry<String, PeerSpec> e : changed.entrySet()) {
            expected++;
            PeerBlock now = byName.get(e.getKey());
            if (now == null) {
                out.add("planned peer '" + e.getKey() + "' is not in the text");
            } else if (!same(e.getValue(), now.toSpec())) {
                out.add("peer '" + e.getKey() + "' does not hold its planned key, AllowedIPs, endpoint or keepalive");
            }
        }
        if (written.peers().size() != expected) {
            out.add("the text holds " + written.peers().size() + " peers where the plan has " + expected);
        }
        Set<PeerBlock> touchedWritten = new HashSet<>();
        changed.keySet().forEach(name -> {
            PeerBlock p = byName.get(name);
            if (p != null) {
                touchedWritten.add(p);
            }
        });
        // Every line that must stay is there in its order, and nothing is there that was not
        // (a note after a removed peer's closing marker may stay or go with it).
        List<String> now = rest(written, touchedWritten, false);
        if (reordered ? !pieces(before).equals(pieces(written))
                : !isSubsequence(rest(before, touchedBefore, false), now)
                || !isSubsequence(now, rest(before, touchedBefore, true))) {
            out.add("lines the plan does not change differ from the file's (the [Interface], another peer, a "
                    + "comment or a disabled client)");
        }
        return out;
    }

    /**
     * Every line of {@code config} that is not one of {@code touched}'s, not blank, in order;
     * SaveConfig lines left out (the operator may have asked to turn it off).
     */
    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int j = 0;
        for (String line : part) {
            while (j < whole.size() && !whole.get(j).equals(line)) {
                j++;
            }
            if (j == whole.size()) {
                return false;
            }
            j++;
        }
        return true;
    }

    /** @param touchedGaps also the lines after a touched peer's closing marker */
    private static List<String> rest(WgConfig config, Set<PeerBlock> touched, boolean touchedGaps) {
        List<String> out = new ArrayList<>();
        if (config == null) {
            return out;
        }
        for (ConfigLine l : config.preamble()) {
            keep(l, out);
        }
        for (PeerBlock p : config.blocks()) {
            if (!touched.contains(p)) {
                p.lines().forEach(l -> keep(l, out));
                p.gap().forEach(l -> keep(l, out));
            } else if (touchedGaps || p.gap().stream().anyMatch(l -> l instanceof ConfigLine.Section)) {
                p.gap().forEach(l -> keep(l, out)); // a section after a peer stays whatever the peer does
            }
        }
        return out;
    }

    /** The preamble's lines, then each block's with its gap as one piece, pieces in sorted order. */
    private static List<String> pieces(WgConfig config) {
        List<String> out = new ArrayList<>();
        if (config == null) {
            return out;
        }
        config.preamble().forEach(l -> keep(l, out));
        List<String> blocks = new ArrayList<>();
        for (PeerBlock p : config.blocks()) {
            List<String> piece = new ArrayList<>();
            p.lines().forEach(l -> keep(l, piece));
            p.gap().forEach(l -> keep(l, piece));
            blocks.add(String.join("\n", piece));
        }
        blocks.sort(null);
        out.addAll(blocks);
        return out;
    }

    private static void keep(ConfigLine l, List<String> out) {
        if (!(l instanceof ConfigLine.Blank) && !(l instanceof ConfigLine.Entry e && e.is("SaveConfig"))) {
            out.add(l.raw());
        }
    }

    private static boolean same(PeerSpec want, PeerSpec got) {
        return Objects.equals(want.publicKey(), got.publicKey()) && PeerMerge.sameCidrs(want.allowedIps(), got.allowedIps())
                && (want.endpoint() == null || PeerSpec.sameEndpoint(want.endpoint(), got.endpoint()))
                && (want.persistentKeepalive() == null
                || PeerSpec.sameKeepalive(want.persistentKeepalive(), got.persistentKeepalive()));
    }

    private static String kind(ConfigLine l) {
        if (l instanceof ConfigLine.Section s) {
            return "a section [" + s.name() + "]";
        }
        if (l instanceof ConfigLine.Entry) {
            return "an entry";
        }
        if (l instanceof ConfigLine.Comment) {
            return "a comment";
        }
        return l instanceof ConfigLine.Blank ? "a blank line" : "an unrecognized line";
    }
}
