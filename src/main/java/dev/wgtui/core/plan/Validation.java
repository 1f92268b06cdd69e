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

/**
 * Checks that every expected worker is a peer in the file, and in the running interface when
 * it is up, with the expected key and AllowedIPs (SPEC step 6, the seed's validate_peers); and
 * that the running interface kept its own key through the apply (a reload must never change
 * or clear the hub's identity).
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

    /**
     * The result: findings and counts, and what is wrong with the running interface itself
     * ({@code interfaceProblems}: its key changed or gone); passed when nothing is missing or
     * mismatched and the interface has no problem.
     */
    public record Report(List<Finding> findings, boolean liveChecked, List<String> interfaceProblems) {

        public Report {
            findings = List.copyOf(findings);
            interfaceProblems = List.copyOf(interfaceProblems);
        }

        public Report(List<Finding> findings, boolean liveChecked) {
            this(findings, liveChecked, List.of());
        }

        public long count(Finding.Kind kind) {
            return findings.stream().filter(f -> f.kind() == kind).count();
        }

        public boolean passed() {
            return count(Finding.Kind.MISSING) == 0 && count(Finding.Kind.MISMATCH) == 0 && interfaceProblems.isEmpty();
        }

        public String summary() {
            long expected = count(Finding.Kind.OK) + count(Finding.Kind.MISSING) + count(Finding.Kind.MISMATCH);
            return String.format("Validation %s: %d expected, %d ok, %d missing, %d mismatched, %d extra (preserved)%s%s",
                    passed() ? "passed" : "FAILED", expected, count(Finding.Kind.OK), count(Finding.Kind.MISSING),
                    count(Finding.Kind.MISMATCH), count(Finding.Kind.EXTRA),
                    liveChecked ? "" : "; running interface not checked",
                    interfaceProblems.isEmpty() ? "" : "; " + String.join("; ", interfaceProblems));
        }

        public String render() {
            StringBuilder out = new StringBuilder();
            interfaceProblems.forEach(p -> out.append("✗ ").append(p).append('\n'));
            findings.forEach(f -> out.append(f).append('\n'));
            return out.append(summary()).append('\n').toString();
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
        return check(file, live, expected, inventoryNames, Optional.empty());
    }

    /**
     * As {@link #check(WgConfig, Optional, Collection, Set)}, after an apply: {@code interfaceKeyBefore}
     * is the running interface's public key right before the apply's reload (empty when it was
     * down); the interface after must still be running with that same key.
     */
    public static Report check(WgConfig file, Optional<LiveState> live, Collection<PeerSpec> expected,
                               Set<String> inventoryNames, Optional<String> interfaceKeyBefore) {
        List<String> interfaceProblems = new ArrayList<>();
        if (live.isPresent() && !hasKey(live.get().publicKey())) {
            interfaceProblems.add("the running interface has no private key: every tunnel is down");
        } else if (live.isPresent() && interfaceKeyBefore.isPresent()
                && !live.get().publicKey().equals(interfaceKeyBefore.get())) {
            interfaceProblems.add("the running interface's public key changed from " + interfaceKeyBefore.get() + " to "
                    + live.get().publicKey() + ": every peer still has the old one");
        } else if (live.isEmpty() && interfaceKeyBefore.isPresent()) {
            interfaceProblems.add("the interface is not running any more (it was before the apply)");
        }
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
        return new Report(out, live.isPresent(), interfaceProblems);
    }

    private static boolean hasKey(String publicKey) {
        return publicKey != null && !publicKey.isBlank() && !publicKey.equals("(none)");
    }
}
