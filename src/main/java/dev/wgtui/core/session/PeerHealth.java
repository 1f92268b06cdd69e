package dev.wgtui.core.session;

import java.util.Optional;

/** A peer's health: handshake age (empty: never), stale after three minutes, and a ping when asked. */
public record PeerHealth(String name, String address, Optional<Long> handshakeAgeSeconds, boolean stale,
                         Optional<Boolean> pingOk, String detail) {
}
