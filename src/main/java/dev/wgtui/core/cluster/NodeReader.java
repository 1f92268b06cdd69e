package dev.wgtui.core.cluster;

import dev.wgtui.core.config.Cidr;
import dev.wgtui.core.config.Keys;
import dev.wgtui.core.inventory.Vars;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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
        try {
            return readVars(where, host, vars);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static Node readVars(String where, String host, Map<String, Object> vars) {
        String ip = string(vars, "wireguard_ip").orElseThrow(
                () -> new IllegalArgumentException(where + "wireguard_ip is not set"));
        String bareIp = ip.contains("/") ? ip.substring(0, ip.indexOf('/')) : ip;
        if (Cidr.parse(bareIp).isEmpty()) {
            throw new IllegalArgumentException(where + "wireguard_ip '" + ip + "' is not an IP address");
        }
        List<String> allowed = new ArrayList<>();
        List<String> listed = Vars.strings(vars, "wireguard_allowed_ips");
        if (!listed.isEmpty()) {
            allowed.addAll(listed);
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
        Integer keepalive = integer(vars, "wireguard_persistent_keepalive").orElse(null);
        int port = integer(vars, "wireguard_port").orElse(51820);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(where + "wireguard_port " + port + " is not a port");
        }
        return new Node(host, bareIp, allowed, key, string(vars, "wireguard_endpoint").orElse(null), keepalive,
                port, string(vars, "wireguard_interface").orElse("wg0"),
                bool(vars, "wireguard_prune_extra_peers"), vars);
    }

    private static Optional<String> string(Map<String, Object> vars, String key) {
        return Vars.string(vars, key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Optional<Integer> integer(Map<String, Object> vars, String key) {
        OptionalInt v = Vars.integer(vars, key);
        return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();
    }

    private static boolean bool(Map<String, Object> vars, String key) {
        return Vars.bool(vars, key, false);
    }
}
