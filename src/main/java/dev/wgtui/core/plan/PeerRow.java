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

    /** The note of a PiVPN client disabled in the file ({@code #[disabled]} lines). */
    public static final String DISABLED_IN_FILE =
            "disabled in the file (PiVPN #[disabled]): wg does not load it; kept as it is";

    /** A PiVPN client disabled in the file: comments to wg, shown so that nobody takes it for lost. */
    public boolean disabledInFile() {
        return differences.contains(DISABLED_IN_FILE);
    }

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
