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

    /**
     * True when two endpoints are the same to wg: {@code 2001:db8::1:51820} (an IPv6 address
     * written without brackets, split at its last colon) is {@code [2001:db8::1]:51820}.
     */
    public static boolean sameEndpoint(String a, String b) {
        return a == null ? b == null : b != null && bracketed(a).equals(bracketed(b));
    }

    private static String bracketed(String endpoint) {
        int last = endpoint.lastIndexOf(':');
        if (endpoint.startsWith("[") || last < 0 || endpoint.indexOf(':') == last) {
            return endpoint;
        }
        return "[" + endpoint.substring(0, last) + "]" + endpoint.substring(last);
    }

    /** True when two keepalives mean the same to wg: 0, "off" and none are all off. */
    public static boolean sameKeepalive(Integer a, Integer b) {
        return Objects.equals(a == null ? 0 : a, b == null ? 0 : b);
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
