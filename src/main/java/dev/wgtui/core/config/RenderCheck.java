package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What is rendered is what is checked: the text about to be written, parsed again, must be
 * the config that was planned, line for line, and hold exactly the planned peers: the ones
 * the plan names with their planned values, every other peer with its own lines, and nothing
 * else. A value that smuggles a line break, a section or a comment into the text fails here
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
        Map<String, PeerBlock> peers = new HashMap<>(written.peers().size() * 2);
        for (PeerBlock p : written.peers()) {
            if (peers.putIfAbsent(p.name(), p) != null) {
                out.add("peer '" + p.name() + "' is in the text twice");
            }
        }
        int expected = 0;
        Set<String> changedKeys = new java.util.HashSet<>();
        changed.values().forEach(spec -> changedKeys.add(spec.publicKey()));
        if (before != null) {
            for (PeerBlock was : before.peers()) {
                if (!was.named() && was.publicKey().filter(changedKeys::contains).isPresent()) {
                    continue; // an unnamed peer a selected worker adopts: checked under its new name
                }
                if (removed.contains(was.name())) {
                    if (peers.containsKey(was.name())) {
                        out.add("peer '" + was.name() + "' should be removed but is still there");
                    }
                    continue;
                }
                if (changed.containsKey(was.name())) {
                    continue;
                }
                expected++;
                PeerBlock now = peers.get(was.name());
                if (now == null) {
                    out.add("peer '" + was.name() + "' was lost");
                } else if (!sameContent(was, now)) {
                    out.add("peer '" + was.name() + "' was not part of the plan but its lines changed");
                }
            }
        }
        for (Map.Entry<String, PeerSpec> e : changed.entrySet()) {
            expected++;
            PeerBlock now = peers.get(e.getKey());
            if (now == null) {
                out.add("planned peer '" + e.getKey() + "' is not in the text");
            } else if (!same(e.getValue(), now.toSpec())) {
                out.add("peer '" + e.getKey() + "' does not hold its planned key, AllowedIPs, endpoint or keepalive");
            }
        }
        if (written.peers().size() != expected) {
            out.add("the text holds " + written.peers().size() + " peers where the plan has " + expected);
        }
        return out;
    }

    private static boolean same(PeerSpec want, PeerSpec got) {
        return Objects.equals(want.publicKey(), got.publicKey()) && PeerMerge.sameCidrs(want.allowedIps(), got.allowedIps())
                && (want.endpoint() == null || PeerSpec.sameEndpoint(want.endpoint(), got.endpoint()))
                && (want.persistentKeepalive() == null || want.persistentKeepalive().equals(got.persistentKeepalive()));
    }

    /** The same lines that are not blank, as written: the peer's bytes, separators aside. */
    private static boolean sameContent(PeerBlock a, PeerBlock b) {
        List<ConfigLine> x = a.lines();
        List<ConfigLine> y = b.lines();
        int i = 0;
        int j = 0;
        while (true) {
            while (i < x.size() && x.get(i) instanceof ConfigLine.Blank) {
                i++;
            }
            while (j < y.size() && y.get(j) instanceof ConfigLine.Blank) {
                j++;
            }
            if (i == x.size() || j == y.size()) {
                return i == x.size() && j == y.size();
            }
            if (!x.get(i++).raw().equals(y.get(j++).raw())) {
                return false;
            }
        }
    }

    private static String kind(ConfigLine l) {
        if (l instanceof ConfigLine.Section s) {
            return "a section [" + s.name() + "]";
        }
        if (l instanceof ConfigLine.Entry e) {
            return "an entry";
        }
        if (l instanceof ConfigLine.Comment) {
            return "a comment";
        }
        return l instanceof ConfigLine.Blank ? "a blank line" : "an unrecognized line";
    }
}
