package dev.wgtui.core.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running interface as {@code wg show <if> dump} prints it (tab separated). The
 * interface's private key is read past and never kept.
 */
public record LiveState(String publicKey, int listenPort, List<LivePeer> peers) {

    /** One peer line of the dump. {@code latestHandshake} is epoch seconds, 0 for never. */
    public record LivePeer(String publicKey, boolean hasPresharedKey, String endpoint, List<String> allowedIps,
                           long latestHandshake, long rxBytes, long txBytes, int persistentKeepalive) {

        /** Seconds since the last handshake at {@code nowEpoch}; empty when there was none. */
        public Optional<Long> handshakeAge(long nowEpoch) {
            return latestHandshake == 0 ? Optional.empty() : Optional.of(Math.max(0, nowEpoch - latestHandshake));
        }

        /** A peer whose last handshake is older than three minutes (or that never had one). */
        public boolean stale(long nowEpoch) {
            return handshakeAge(nowEpoch).map(age -> age > STALE_AFTER_SECONDS).orElse(true);
        }
    }

    public static final long STALE_AFTER_SECONDS = 180;

    /**
     * Parses the dump of one interface. The first line is the interface
     * (private-key, public-key, listen-port, fwmark); each further line a peer (public-key,
     * preshared-key, endpoint, allowed-ips, latest-handshake, rx, tx, persistent-keepalive).
     *
     * @throws IllegalArgumentException naming the line when the text is not a dump
     */
    public static LiveState parse(String dump) {
        String[] lines = dump.strip().split("\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new IllegalArgumentException("wg show dump: empty");
        }
        String[] head = lines[0].split("\t", -1);
        if (head.length != 4) {
            throw new IllegalArgumentException("wg show dump line 1: expected 4 fields, got " + head.length);
        }
        List<LivePeer> peers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length != 8) {
                throw new IllegalArgumentException("wg show dump line " + (i + 1) + ": expected 8 fields, got " + f.length);
            }
            List<String> ips = f[3].equals("(none)") || f[3].isEmpty() ? List.of() : List.of(f[3].split(","));
            peers.add(new LivePeer(f[0], !f[1].equals("(none)"), f[2].equals("(none)") ? null : f[2], ips,
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]),
                    f[7].equals("off") ? 0 : Integer.parseInt(f[7])));
        }
        return new LiveState(head[1], head[2].equals("off") ? 0 : Integer.parseInt(head[2]), List.copyOf(peers));
    }

    public Optional<LivePeer> peer(String publicKey) {
        return peers.stream().filter(p -> p.publicKey().equals(publicKey)).findFirst();
    }
}
