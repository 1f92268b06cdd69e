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
}
