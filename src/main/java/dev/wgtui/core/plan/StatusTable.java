package dev.wgtui.core.plan;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.config.PeerBlock;
import dev.wgtui.core.config.PeerMerge;
import dev.wgtui.core.config.PeerSpec;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.live.LiveState.LivePeer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Lists every worker and every hub peer with a status marker (SPEC step 2). */
public final class StatusTable {

    private StatusTable() {
    }

    /**
     * @param config     the hub's file; null when it has none yet
     * @param knownKeys  keys learnt from workers over SSH, by name (the inventory's win)
     * @param selected   worker names chosen for this run
     * @param live       the running interface, when it is up
     */
    public static List<PeerRow> rows(WgConfig config, Cluster cluster, Map<String, String> knownKeys,
                                     Collection<String> selected, Optional<LiveState> live) {
        Set<String> chosen = Set.copyOf(selected);
        List<PeerRow> rows = new ArrayList<>();
        List<PeerBlock> peers = config == null ? List.of() : config.peers();
        Set<PeerBlock> claimed = new java.util.HashSet<>();
        Map<String, PeerBlock> byName = new java.util.HashMap<>();
        Map<String, PeerBlock> unnamedByKey = new java.util.HashMap<>();
        // the running interface by key once, not a scan per row
        Map<String, LivePeer> liveByKey = new java.util.HashMap<>();
        live.ifPresent(l -> l.peers().forEach(p -> liveByKey.putIfAbsent(p.publicKey(), p)));
        for (PeerBlock p : peers) {
            byName.putIfAbsent(p.name(), p);
            if (!p.named()) {
                p.publicKey().ifPresent(k -> unnamedByKey.putIfAbsent(k, p));
            }
        }
        for (Node worker : cluster.workers()) {
            String expectedKey = worker.publicKey().orElse(knownKeys.get(worker.name()));
            // By name, or else an unnamed peer with the worker's key (as merge matches them).
            Optional<PeerBlock> onHub = Optional.ofNullable(byName.get(worker.name()))
                    .or(() -> expectedKey == null ? Optional.empty() : Optional.ofNullable(unnamedByKey.get(expectedKey)));
            onHub.ifPresent(claimed::add);
            if (onHub.isEmpty()) {
                Optional<LivePeer> lp = expectedKey == null ? Optional.empty() : Optional.ofNullable(liveByKey.get(expectedKey));
                rows.add(new PeerRow(worker.name(), chosen.contains(worker.name()) ? PeerStatus.NEW : PeerStatus.MISSING,
                        chosen.contains(worker.name()), true, Optional.of(worker), Optional.empty(), lp, List.of()));
                continue;
            }
            PeerSpec hubPeer = onHub.get().toSpec();
            List<String> diffs = new ArrayList<>();
            if (!onHub.get().named()) {
                diffs.add("on the hub without a name comment (as " + onHub.get().name() + ")");
            }
            if (expectedKey != null && !expectedKey.equals(hubPeer.publicKey())) {
                diffs.add("public key differs");
            }
            if (!PeerMerge.sameCidrs(worker.allowedIps(), hubPeer.allowedIps())) {
                diffs.add("AllowedIPs " + hubPeer.allowedIpsText() + " → " + String.join(", ", worker.allowedIps()));
            }
            Optional<LivePeer> lp = hubPeer.publicKey() == null ? Optional.empty()
                    : Optional.ofNullable(liveByKey.get(hubPeer.publicKey()));
            rows.add(new PeerRow(worker.name(), diffs.isEmpty() ? PeerStatus.OK : PeerStatus.CHANGED,
                    chosen.contains(worker.name()), true, Optional.of(worker), Optional.of(hubPeer), lp, diffs));
        }
        Set<String> unmanaged = cluster.unmanagedPeers();
        for (PeerBlock peer : peers) {
            if (!cluster.isWorker(peer.name()) && !claimed.contains(peer)) {
                PeerSpec spec = peer.toSpec();
                Optional<LivePeer> lp = spec.publicKey() == null ? Optional.empty()
                        : Optional.ofNullable(liveByKey.get(spec.publicKey()));
                List<String> notes = unmanaged.contains(peer.name())
                        ? List.of("in wireguard_unmanaged_peers of " + cluster.hub().name() + ": kept, never pruned")
                        : List.of();
                rows.add(new PeerRow(peer.name(), PeerStatus.EXTRA, false, peer.named(), Optional.empty(),
                        Optional.of(spec), lp, notes));
            }
        }
        if (config != null) {
            for (PeerBlock peer : config.disabledPeers()) {
                rows.add(new PeerRow(peer.name(), PeerStatus.EXTRA, false, peer.named(),
                        Optional.empty(), Optional.of(peer.toSpec()), Optional.empty(),
                        List.of(PeerRow.DISABLED_IN_FILE)));
            }
        }
        return rows;
    }
}
