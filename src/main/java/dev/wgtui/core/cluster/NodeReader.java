package dev.wgtui.core.cluster;

import dev.wgtui.core.config.Cidr;
import dev.wgtui.core.config.Keys;
import dev.wgtui.core.inventory.Vars;
import dev.wgtui.core.text.Printable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Turns a host's resolved inventory variables into a {@link Node}, with one clear error per bad
 * value. Every value that ends up in a config line is untrusted text until it is checked for
 * what it is: an address, a prefix, a key, a port, host:port, an interface name.
 *
 * <p>Reads wgtui's own variables and those of githubixx/ansible-role-wireguard:
 * {@code wireguard_address} ({@code 10.8.0.101/24}: the host's IP) or the list
 * {@code wireguard_addresses}, and a bare endpoint host or IP with {@code wireguard_port} beside it.
 */
public final class NodeReader {

    /** RFC 1123 host names (labels of letters, digits and inner hyphens; underscores as DNS allows). */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");
    /** wg-quick's rule for an interface name. */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_=+.-]{1,15}");

    private NodeReader() {
    }

    /**
     * @param source the inventory file, for messages
     * @throws IllegalArgumentException {@code "inventory.yml: host cm4: ..."} on a missing or bad value
     */
    public static Node read(String source, String host, Map<String, Object> vars) {
        String where = source + ": host " + Printable.of(host) + ": ";
        try {
            return readVars(where, host, vars);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static Node readVars(String where, String host, Map<String, Object> vars) {
        if (!Printable.isSafe(host)) {
            throw new IllegalArgumentException(where + "the host name holds control or invisible characters");
        }
        List<String> addresses = addresses(where, vars);
        String ip = addresses.get(0);
        List<String> allowed = new ArrayList<>();
        List<String> listed = Vars.strings(vars, "wireguard_allowed_ips");
        if (!listed.isEmpty()) {
            for (String cidr : listed) {
                if (Cidr.parse(cidr).isEmpty()) {
                    throw new IllegalArgumentException(where + "wireguard_allowed_ips has an invalid CIDR '"
                            + shown(cidr) + "'");
                }
                allowed.add(cidr);
            }
        } else {
            for (String address : addresses) {
                allowed.add(address + (address.contains(":") ? "/128" : "/32"));
            }
        }
        Optional<String> key = string(vars, "wireguard_public_key").map(String::strip);
        if (key.isPresent() && !Keys.isValid(key.get())) {
            throw new IllegalArgumentException(where + "wireguard_public_key is not 32 bytes of base64");
        }
        Integer keepalive = integer(vars, "wireguard_persistent_keepalive").orElse(null);
        if (keepalive != null && (keepalive < 0 || keepalive > 65535)) {
            throw new IllegalArgumentException(where + "wireguard_persistent_keepalive " + keepalive
                    + " is not a number of seconds (0-65535)");
        }
        int port = integer(vars, "wireguard_port").orElse(51820);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(where + "wireguard_port " + port + " is not a port");
        }
        String interfaceName = string(vars, "wireguard_interface").orElse("wg0");
        if (!INTERFACE.matcher(interfaceName).matches()) {
            throw new IllegalArgumentException(where + "wireguard_interface '" + shown(interfaceName)
                    + "' is not an interface name (up to 15 of letters, digits, '_=+.-')");
        }
        String endpoint = endpoint(where, vars, port);
        if (githubixx(vars)) {
            // githubixx/ansible-role-wireguard: no wireguard_endpoint means the inventory name,
            // "" means none; a keepalive goes with an endpoint only.
            if (endpoint == null && !vars.containsKey("wireguard_endpoint")) {
                if (!HOST_NAME.matcher(host).matches()) {
                    throw new IllegalArgumentException(where + "wireguard_endpoint is not set and the inventory name "
                            + "is not a host name to use instead (set wireguard_endpoint, or \"\" for none)");
                }
                endpoint = host + ":" + port;
            }
            if (endpoint == null) {
                keepalive = null;
            }
        }
        return new Node(host, ip, allowed, key, endpoint, keepalive, port, interfaceName,
                bool(vars, "wireguard_prune_extra_peers"), vars);
    }

    /** A host described the githubixx/ansible-role-wireguard way: by its interface address, not wireguard_ip. */
    private static boolean githubixx(Map<String, Object> vars) {
        return !vars.containsKey("wireguard_ip")
                && (vars.containsKey("wireguard_address") || vars.containsKey("wireguard_addresses"));
    }

    /**
     * The host's WireGuard addresses, first one first: {@code wireguard_ip}, else the address
     * part of {@code wireguard_address}, else of each {@code wireguard_addresses} entry.
     */
    private static List<String> addresses(String where, Map<String, Object> vars) {
        List<String> out = new ArrayList<>();
        String var;
        if (string(vars, "wireguard_ip").isPresent()) {
            var = "wireguard_ip";
            out.add(string(vars, var).get());
        } else if (string(vars, "wireguard_address").isPresent()) {
            var = "wireguard_address";
            out.add(string(vars, var).get());
        } else {
            var = "wireguard_addresses";
            out.addAll(Vars.strings(vars, var));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + "wireguard_ip is not set (nor wireguard_address or "
                    + "wireguard_addresses)");
        }
        List<String> ips = new ArrayList<>();
        for (String value : out) {
            String bare = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
            if (Cidr.parse(value).isEmpty() || Cidr.parse(bare).isEmpty()) {
                throw new IllegalArgumentException(where + var + " '" + shown(value) + "' is not an IP address");
            }
            ips.add(bare);
        }
        return ips;
    }

    /**
     * {@code wireguard_endpoint} as {@code host:port}: a value with a port is taken as it is
     * ({@code vpn.example.org:51820}, {@code [2001:db8::1]:51820}); a bare host, IPv4 or IPv6
     * address gets {@code wireguard_port} (an IPv6 address in brackets). Empty: none.
     */
    private static String endpoint(String where, Map<String, Object> vars, int port) {
        Optional<String> value = string(vars, "wireguard_endpoint");
        if (value.isEmpty()) {
            return null;
        }
        String v = value.get();
        String host;
        String portText;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            host = close < 0 ? "" : v.substring(1, close);
            portText = close >= 0 && v.startsWith("]:", close) ? v.substring(close + 2) : null;
            if (close < 0 || (close + 1 < v.length() && portText == null) || !host.contains(":")
                    || Cidr.parse(host).isEmpty() || host.contains("/")) {
                throw badEndpoint(where, v);
            }
            host = "[" + host + "]";
        } else if (v.indexOf(':') != v.lastIndexOf(':')) {
            // Two colons or more: a bare IPv6 address, as githubixx's inventories give it.
            if (Cidr.parse(v).isEmpty() || v.contains("/")) {
                throw badEndpoint(where, v);
            }
            host = "[" + v + "]";
            portText = null;
        } else {
            int colon = v.indexOf(':');
            host = colon < 0 ? v : v.substring(0, colon);
            portText = colon < 0 ? null : v.substring(colon + 1);
            if (!HOST_NAME.matcher(host).matches()) {
                throw badEndpoint(where, v);
            }
        }
        if (portText == null) {
            return host + ":" + port;
        }
        if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
            throw badEndpoint(where, v);
        }
        return host + ":" + portText;
    }

    private static IllegalArgumentException badEndpoint(String where, String value) {
        return new IllegalArgumentException(where + "wireguard_endpoint '" + shown(value) + "' is not host:port, "
                + "[IPv6]:port, or a host or address to use with wireguard_port");
    }

    /** A bad value for a message: control characters escaped, cut short. */
    private static String shown(String value) {
        String s = Printable.of(value);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static Optional<String> string(Map<String, Object> vars, String key) {
        return Vars.string(vars, key).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<Integer> integer(Map<String, Object> vars, String key) {
        OptionalInt v = Vars.integer(vars, key);
        return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();
    }

    private static boolean bool(Map<String, Object> vars, String key) {
        return Vars.bool(vars, key, false);
    }
}
