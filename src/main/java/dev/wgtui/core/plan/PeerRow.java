package dev.wgtui.core.plan;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.config.PeerSpec;
import dev.wgtui.core.live.LiveState.LivePeer;

import java.util.List;
import java.util.Optional;

/**
 * One line of the peer table: a worker of the inventory, a peer of the hub, or both, with its
 * status, what differs, and the live columns when the interface is up.
 */
public record PeerRow(String name, PeerStatus status, boolean selected, boolean named,
                      Optional<Node> worker, Optional<PeerSpec> onHub, Optional<LivePeer> live,
                      List<String> differences) {

    /** The WireGuard address shown in the table: the inventory's, else the hub's first AllowedIP. */
    public String address() {
        return worker.map(Node::wireguardIp)
                .or(() -> onHub.flatMap(p -> p.allowedIps().stream().findFirst())
                        .map(ip -> ip.replaceFirst("/(32|128)$", "")))
                .orElse("-");
    }

    /** The key the hub has, else the one the inventory has. */
    public Optional<String> publicKey() {
        return onHub.map(PeerSpec::publicKey).or(() -> worker.flatMap(Node::publicKey));
    }
}
