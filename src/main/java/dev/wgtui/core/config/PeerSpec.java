package dev.wgtui.core.config;

import java.util.List;
import java.util.Objects;

/**
 * What a peer on the hub should be: name, public key, AllowedIPs and optional endpoint and
 * keepalive. {@code publicKey} is null when it is not known yet (it will come from the worker).
 */
public record PeerSpec(String name, String publicKey, List<String> allowedIps, String endpoint,
                       Integer persistentKeepalive) {

    public PeerSpec {
        Objects.requireNonNull(name, "name");
        allowedIps = List.copyOf(allowedIps);
    }

    /** {@code AllowedIPs} as written: the list joined with {@code ", "}. */
    public String allowedIpsText() {
        return String.join(", ", allowedIps);
    }

    static Integer keepaliveValue(String text) {
        if (text.equalsIgnoreCase("off")) {
            return 0;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
