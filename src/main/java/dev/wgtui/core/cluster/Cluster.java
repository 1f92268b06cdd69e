package dev.wgtui.core.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The hub (control plane) and the workers of one WireGuard overlay, read from an inventory. */
public final class Cluster {

    public static final String DEFAULT_HUB_GROUP = "control_plane";
    public static final String DEFAULT_WORKER_GROUP = "workers";

    private final String inventorySource;
    private final Node hub;
    private final Map<String, Node> workers;

    public Cluster(String inventorySource, Node hub, List<Node> workers) {
        this.inventorySource = inventorySource;
        this.hub = Objects.requireNonNull(hub, "hub");
        Map<String, Node> byName = new LinkedHashMap<>();
        for (Node w : workers) {
            byName.put(w.name(), w);
        }
        this.workers = byName;
    }

    public String inventorySource() {
        return inventorySource;
    }

    public Node hub() {
        return hub;
    }

    /** Workers in inventory order. */
    public List<Node> workers() {
        return new ArrayList<>(workers.values());
    }

    public Optional<Node> worker(String name) {
        return Optional.ofNullable(workers.get(name));
    }

    public boolean isWorker(String name) {
        return workers.containsKey(name);
    }

    /**
     * Peers the inventory knows on the hub without their being hosts: the keys of the hub's
     * {@code wireguard_unmanaged_peers} (githubixx/ansible-role-wireguard). Shown as extra,
     * never pruned.
     */
    public java.util.Set<String> unmanagedPeers() {
        Object peers = hub.vars().get("wireguard_unmanaged_peers");
        if (!(peers instanceof Map<?, ?> map)) {
            return java.util.Set.of();
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        map.keySet().forEach(k -> names.add(String.valueOf(k)));
        return java.util.Collections.unmodifiableSet(names);
    }
}
