package dev.wgtui.core.cluster;

import dev.wgtui.core.config.PeerSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host of the cluster as the inventory describes its WireGuard side: address, AllowedIPs,
 * key (when the inventory has it), endpoint, keepalive, port and interface.
 */
public record Node(String name, String wireguardIp, List<String> allowedIps, Optional<String> publicKey,
                   String endpoint, Integer persistentKeepalive, int port, String interfaceName,
                   boolean pruneExtraPeers, Map<String, Object> vars) {

    public Node {
        allowedIps = List.copyOf(allowedIps);
        vars = Map.copyOf(vars);
    }

    /** This node as a [Peer] of the hub, with {@code key} when the inventory has none. */
    public PeerSpec asPeer(String key) {
        return new PeerSpec(name, publicKey.orElse(key), allowedIps, endpoint, persistentKeepalive);
    }
}
