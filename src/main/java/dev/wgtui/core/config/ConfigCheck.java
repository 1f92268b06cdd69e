package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The refuse rules: what makes a config unsafe to write. Mirrors what wg(8) and wg-quick(8)
 * would reject, plus what they would silently get wrong (overlapping AllowedIPs, SaveConfig).
 */
public final class ConfigCheck {

    private static final Set<String> WG_INTERFACE_KEYS = Set.of("privatekey", "listenport", "fwmark");
    private static final Set<String> WG_QUICK_KEYS = Set.of("address", "dns", "mtu", "table", "preup",
            "postup", "predown", "postdown", "saveconfig");
    private static final Set<String> PEER_KEYS = Set.of("publickey", "presharedkey", "allowedips", "endpoint",
            "persistentkeepalive");

    private static final java.util.regex.Pattern ENDPOINT =
            java.util.regex.Pattern.compile("(\\[[0-9A-Fa-f:.%\\w]+]|[^:\\[\\]]+):\\d{1,5}");

    private ConfigCheck() {
    }

    /** Every problem in {@code config}, errors and warnings, in line order. */
    public static List<Problem> problems(WgConfig config) {
        return problems(config, false);
    }

    /**
     * @param saveConfigAllowed true when the operator agreed to keep {@code SaveConfig = true}
     *                          (normally wgtui offers to turn it off instead)
     */
    public static List<Problem> problems(WgConfig config, boolean saveConfigAllowed) {
        String src = config.source();
        List<Problem> out = new ArrayList<>();
        String section = null;
        int interfaces = 0;
        for (ConfigLine line : config.lines()) {
            if (line instanceof ConfigLine.Section s) {
                section = s.name().toLowerCase(Locale.ROOT);
                if (section.equals("interface")) {
                    if (++interfaces > 1) {
                        out.add(Problem.error(src, s, "second [Interface] section"));
                    }
                } else if (!section.equals("peer")) {
                    out.add(Problem.error(src, s, "unknown section (wg would reject it)"));
                }
            } else if (line instanceof ConfigLine.Entry e) {
                checkEntry(src, section, e, saveConfigAllowed, out);
            } else if (line instanceof ConfigLine.Unknown u) {
                out.add(Problem.error(src, u, "line unrecognized (wg would reject it)"));
            }
        }
        checkPeers(config, out);
        out.sort(Comparator.comparingInt(Problem::line));
        return out;
    }

    /** Throws when {@code config} has any error. */
    public static void requireValid(WgConfig config, boolean saveConfigAllowed) throws ConfigException {
        List<Problem> errors = problems(config, saveConfigAllowed).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    private static void checkEntry(String src, String section, ConfigLine.Entry e, boolean saveConfigAllowed,
                                   List<Problem> out) {
        String key = e.key().toLowerCase(Locale.ROOT);
        String value = ConfigParser.squeeze(e.value());
        if (section == null) {
            out.add(Problem.error(src, e, "entry outside any section"));
            return;
        }
        if (section.equals("interface")) {
            if (!WG_INTERFACE_KEYS.contains(key) && !WG_QUICK_KEYS.contains(key)) {
                out.add(Problem.error(src, e, "unknown [Interface] key '" + keyName(e.key()) + "'"));
            } else if (key.equals("privatekey") && !Keys.isValid(value)) {
                out.add(Problem.error(src, e, "PrivateKey is not 32 bytes of base64"));
            } else if (key.equals("listenport") && !isPort(value)) {
                out.add(Problem.error(src, e, "ListenPort is not a port number"));
            } else if (key.equals("address")) {
                for (String part : value.split(",")) {
                    if (!part.isEmpty() && Cidr.parse(part).isEmpty()) {
                        out.add(Problem.error(src, e, "invalid address '" + part + "'"));
                    }
                }
            } else if (key.equals("saveconfig") && value.equalsIgnoreCase("true") && !saveConfigAllowed) {
                out.add(Problem.error(src, e,
                        "SaveConfig = true: wg-quick would overwrite this file on the next down "
                                + "(pass --turn-off-saveconfig to let wgtui set it to false)"));
            }
        } else if (section.equals("peer")) {
            if (!PEER_KEYS.contains(key)) {
                out.add(Problem.error(src, e, "unknown [Peer] key '" + keyName(e.key()) + "'"));
            } else if (key.equals("publickey") && !Keys.isValid(value)) {
                out.add(Problem.error(src, e, "PublicKey is not 32 bytes of base64"));
            } else if (key.equals("presharedkey") && !Keys.isValid(value)) {
                out.add(Problem.error(src, e, "PresharedKey is not 32 bytes of base64"));
            } else if (key.equals("allowedips")) {
                for (String part : value.split(",")) {
                    if (!part.isEmpty() && Cidr.parse(part).isEmpty()) {
                        out.add(Problem.error(src, e, "invalid CIDR '" + part + "' in AllowedIPs"));
                    }
                }
            } else if (key.equals("persistentkeepalive") && !value.equalsIgnoreCase("off") && !isInt(value, 65535)) {
                out.add(Problem.error(src, e, "PersistentKeepalive is not a number of seconds"));
            } else if (key.equals("endpoint") && !ENDPOINT.matcher(value).matches()) {
                out.add(Problem.error(src, e, "Endpoint is not host:port"));
            }
        }
    }

    private static void checkPeers(WgConfig config, List<Problem> out) {
        String src = config.source();
        Map<String, PeerBlock> byName = new HashMap<>();
        Map<String, PeerBlock> byKey = new HashMap<>();
        record Owned(Cidr cidr, byte[] first, byte[] last, PeerBlock peer, ConfigLine line) {
        }
        List<Owned> prefixes = new ArrayList<>();
        for (PeerBlock peer : config.peers()) {
            ConfigLine header = peer.lines().get(peer.headerIndex());
            PeerBlock sameName = byName.putIfAbsent(peer.name(), peer);
            if (sameName != null) {
                out.add(Problem.error(src, header,
                        "duplicate peer name '" + peer.name() + "' (also on line " + sameName.lineNumber() + ")"));
            }
            ConfigLine keyLine = entry(peer, "PublicKey");
            if (keyLine == null) {
                out.add(Problem.error(src, header, "peer '" + peer.name() + "' has no PublicKey"));
            } else {
                PeerBlock sameKey = byKey.putIfAbsent(peer.publicKey().orElseThrow(), peer);
                if (sameKey != null) {
                    out.add(Problem.error(src, keyLine, "duplicate public key: peer '" + peer.name()
                            + "' has the key of peer '" + sameKey.name() + "' (line " + sameKey.lineNumber() + ")"));
                }
            }
            for (ConfigLine line : peer.lines()) {
                if (line instanceof ConfigLine.Entry e && e.is("AllowedIPs")) {
                    for (String part : ConfigParser.squeeze(e.value()).split(",")) {
                        Cidr.parse(part).ifPresent(c -> prefixes.add(new Owned(c, c.first(), c.last(), peer, line)));
                    }
                }
            }
        }
        // Sweep prefixes in address order: one that starts before the widest end seen so far
        // overlaps it. O(n log n), so a 10,000-peer hub is checked in milliseconds.
        prefixes.sort((x, y) -> {
            if (x.cidr().v6() != y.cidr().v6()) {
                return x.cidr().v6() ? 1 : -1;
            }
            int c = Arrays.compareUnsigned(x.first(), y.first());
            return c != 0 ? c : Integer.compare(x.cidr().prefix(), y.cidr().prefix());
        });
        Owned widest = null;
        byte[] widestEnd = null;
        for (Owned o : prefixes) {
            if (widest != null && widest.cidr().v6() == o.cidr().v6()
                    && Arrays.compareUnsigned(o.first(), widestEnd) <= 0 && widest.peer() != o.peer()) {
                out.add(Problem.error(src, o.line(), "AllowedIPs " + o.cidr().text() + " of peer '" + o.peer().name()
                        + "' overlaps " + widest.cidr().text() + " of peer '" + widest.peer().name()
                        + "' (line " + widest.line().number() + "); wg would give the address to only one of them"));
            }
            if (widest == null || widest.cidr().v6() != o.cidr().v6()
                    || Arrays.compareUnsigned(o.last(), widestEnd) > 0) {
                widest = o;
                widestEnd = o.last();
            }
        }
    }

    private static ConfigLine entry(PeerBlock peer, String key) {
        for (ConfigLine line : peer.lines()) {
            if (line instanceof ConfigLine.Entry e && e.is(key)) {
                return line;
            }
        }
        return null;
    }

    /** An unknown key's name for a message; a long one may be a wrapped secret and is not repeated. */
    private static String keyName(String key) {
        return key.length() > 32 ? "(a " + key.length() + "-character name, not shown)" : key;
    }

    private static boolean isPort(String v) {
        return isInt(v, 65535);
    }

    private static boolean isInt(String v, int max) {
        if (v.isEmpty() || v.length() > 5 || !Cidr.isDigits(v)) {
            return false;
        }
        return Integer.parseInt(v) <= max;
    }
}
