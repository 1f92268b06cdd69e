package dev.wgtui.core.cluster;

import dev.wgtui.core.config.Cidr;
import dev.wgtui.core.config.Keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a host's resolved inventory variables into a {@link Node}, with one clear error per bad value. */
public final class NodeReader {

    private NodeReader() {
    }

    /**
     * @param source the inventory file, for messages
     * @throws IllegalArgumentException {@code "inventory.yml: host cm4: ..."} on a missing or bad value
     */
    public static Node read(String source, String host, Map<String, Object> vars) {
        String where = source + ": host " + host + ": ";
        String ip = string(vars, "wireguard_ip").orElseThrow(
                () -> new IllegalArgumentException(where + "wireguard_ip is not set"));
        String bareIp = ip.contains("/") ? ip.substring(0, ip.indexOf('/')) : ip;
        if (Cidr.parse(bareIp).isEmpty()) {
            throw new IllegalArgumentException(where + "wireguard_ip '" + ip + "' is not an IP address");
        }
        List<String> allowed = new ArrayList<>();
        Object raw = vars.get("wireguard_allowed_ips");
        if (raw instanceof List<?> list) {
            list.forEach(o -> allowed.add(String.valueOf(o).trim()));
        } else if (raw != null) {
            for (String part : String.valueOf(raw).split(",")) {
                if (!part.isBlank()) {
                    allowed.add(part.trim());
                }
            }
        } else {
            allowed.add(bareIp + (bareIp.contains(":") ? "/128" : "/32"));
        }
        for (String cidr : allowed) {
            if (Cidr.parse(cidr).isEmpty()) {
                throw new IllegalArgumentException(where + "wireguard_allowed_ips has an invalid CIDR '" + cidr + "'");
            }
        }
        Optional<String> key = string(vars, "wireguard_public_key").map(String::strip);
        if (key.isPresent() && !Keys.isValid(key.get())) {
            throw new IllegalArgumentException(where + "wireguard_public_key is not 32 bytes of base64");
        }
        Integer keepalive = integer(where, vars, "wireguard_persistent_keepalive").orElse(null);
        int port = integer(where, vars, "wireguard_port").orElse(51820);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(where + "wireguard_port " + port + " is not a port");
        }
        return new Node(host, bareIp, allowed, key, string(vars, "wireguard_endpoint").orElse(null), keepalive,
                port, string(vars, "wireguard_interface").orElse("wg0"),
                bool(vars, "wireguard_prune_extra_peers"), vars);
    }

    private static Optional<String> string(Map<String, Object> vars, String key) {
        Object v = vars.get(key);
        return v == null || String.valueOf(v).isBlank() ? Optional.empty() : Optional.of(String.valueOf(v).trim());
    }

    private static Optional<Integer> integer(String where, Map<String, Object> vars, String key) {
        Optional<String> s = string(vars, key);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(s.get()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + key + " '" + s.get() + "' is not a number");
        }
    }

    private static boolean bool(Map<String, Object> vars, String key) {
        Object v = vars.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        return v != null && switch (String.valueOf(v).trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1", "y" -> true;
            default -> false;
        };
    }
}
