package dev.wgtui.core.cluster;

import dev.wgtui.core.inventory.Inventory;

import java.util.ArrayList;
import java.util.List;

/** Builds the {@link Cluster} from an inventory's control-plane and worker groups. */
public final class ClusterLoader {

    private ClusterLoader() {
    }

    /** @throws IllegalArgumentException naming the inventory and host when a group or value is wrong */
    public static Cluster load(Inventory inventory, String hubGroup, String workerGroup) {
        String source = inventory.source().getFileName().toString();
        List<String> hubs = inventory.hostsOf(hubGroup);
        if (hubs.isEmpty()) {
            throw new IllegalArgumentException(source + ": group " + hubGroup + " has no host (the hub)");
        }
        Node hub = NodeReader.read(source, hubs.get(0), inventory.varsOf(hubs.get(0)));
        List<Node> workers = new ArrayList<>();
        for (String host : inventory.hostsOf(workerGroup)) {
            if (!host.equals(hub.name())) {
                workers.add(NodeReader.read(source, host, inventory.varsOf(host)));
            }
        }
        return new Cluster(source, hub, workers);
    }
}
