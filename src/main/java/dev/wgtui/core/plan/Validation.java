package dev.wgtui.core.plan;

import dev.wgtui.core.config.PeerBlock;
import dev.wgtui.core.config.PeerMerge;
import dev.wgtui.core.config.PeerSpec;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.live.LiveState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that every expected worker is a peer in the file, and in the running interface when
 * it is up, with the expected key and AllowedIPs (SPEC step 6, the seed's validate_peers).
 */
public final class Validation {

    /** One finding: a worker that is missing or differs, or an extra peer kept. */
    public record Finding(String peer, Kind kind, String detail) {
        public enum Kind { OK, MISSING, MISMATCH, EXTRA }

        @Override
        public String toString() {
            return switch (kind) {
                case OK -> "✓ " + peer;
                case MISSING -> "✗ " + peer + ": " + detail;
                case MISMATCH -> "✗ " + peer + ": " + detail;
                case EXTRA -> "? " + peer + ": " + detail;
            };
        }
    }

    /** The result: findings and counts; passed when nothing is missing or mismatched. */
    public record Report(List<Finding> findings, boolean liveChecked) {
        public long count(Finding.Kind kind) {
            return findings.stream().filter(f -> f.kind() == kind).count();
        }

        public boolean passed() {
            return count(Finding.Kind.MISSING) == 0 && count(Finding.Kind.MISMATCH) == 0;
        }

        public String summary() {
            long expected = count(Finding.Kind.OK) + count(Finding.Kind.MISSING) + count(Finding.Kind.MISMATCH);
            return String.format("Validation %s: %d expected, %d ok, %d missing, %d mismatched, %d extra (preserved)%s",
                    passed() ? "passed" : "FAILED", expected, count(Finding.Kind.OK), count(Finding.Kind.MISSING),
                    count(Finding.Kind.MISMATCH), count(Finding.Kind.EXTRA),
                    liveChecked ? "" : "; running interface not checked");
        }

        public String render() {
            return findings.stream().map(Finding::toString).collect(Collectors.joining("\n", "", "\n")) + summary() + "\n";
        }
    }

    private Validation() {
    }

    /**
     * @param expected peers that must be on the hub (with keys known); those outside the
     *                 inventory are reported as extra when they are there as expected
     * @param inventoryNames every inventory worker; peers outside it are reported as extra
     */
    public static Report check(WgConfig file, Optional<LiveState> live, Collection<PeerSpec> expected,
                               Set<String> inventoryNames) {
        List<Finding> out = new ArrayList<>();
        Set<String> handled = new java.util.HashSet<>();
        // by name and by key once, not a scan per peer: a 10,000-peer hub is checked in one pass
        java.util.Map<String, PeerBlock> byName = new java.util.HashMap<>();
        if (file != null) {
            for (PeerBlock p : file.peers()) {
                byName.putIfAbsent(p.name(), p);
            }
        }
        java.util.Map<String, LiveState.LivePeer> running = new java.util.HashMap<>();
        live.ifPresent(l -> l.peers().forEach(p -> running.putIfAbsent(p.publicKey(), p)));
        for (PeerSpec want : expected) {
            handled.add(want.name());
            Optional<PeerBlock> have = Optional.ofNullable(byName.get(want.name()));
            if (have.isEmpty()) {
                out.add(new Finding(want.name(), Finding.Kind.MISSING, "not a peer in the file"));
                continue;
            }
            PeerSpec got = have.get().toSpec();
            List<String> problems = new ArrayList<>();
            if (want.publicKey() != null && !want.publicKey().equals(got.publicKey())) {
                problems.add("file has another public key");
            }
            if (!PeerMerge.sameCidrs(want.allowedIps(), got.allowedIps())) {
                problems.add("file has AllowedIPs " + got.allowedIpsText() + ", expected " + want.allowedIpsText());
            }
            if (live.isPresent()) {
                String key = want.publicKey() != null ? want.publicKey() : got.publicKey();
                Optional<LiveState.LivePeer> inInterface = Optional.ofNullable(key == null ? null : running.get(key));
                if (inInterface.isEmpty()) {
                    problems.add("not a peer of the running interface");
                } else if (!PeerMerge.sameCidrs(want.allowedIps(), inInterface.get().allowedIps())) {
                    problems.add("running interface has AllowedIPs " + String.join(", ", inInterface.get().allowedIps()));
                }
            }
            if (!problems.isEmpty()) {
                out.add(new Finding(want.name(), Finding.Kind.MISMATCH, String.join("; ", problems)));
            } else if (inventoryNames.contains(want.name())) {
                out.add(new Finding(want.name(), Finding.Kind.OK, ""));
            } else {
                out.add(new Finding(want.name(), Finding.Kind.EXTRA, "not in the inventory, preserved"));
            }
        }
        if (file != null) {
            for (PeerBlock peer : file.peers()) {
                if (!inventoryNames.contains(peer.name()) && !handled.contains(peer.name())) {
                    out.add(new Finding(peer.name(), Finding.Kind.EXTRA, "not in the inventory, preserved"));
                }
            }
        }
        return new Report(out, live.isPresent());
    }
}
