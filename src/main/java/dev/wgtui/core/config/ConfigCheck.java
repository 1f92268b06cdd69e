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
            java.util.regex.Pattern.compile("(\\[[0-9A-Fa-f:.%\\w]+]|[^\\[\\]\\s]+):\\d{1,5}");

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
        boolean brokenSecret = false;
        for (ConfigLine line : config.lines()) {
            boolean continuesSecret = brokenSecret && Redaction.isBase64Run(line.raw());
            brokenSecret = Redaction.brokenSecret(line.raw());
            if (continuesSecret) {
                // the rest of a key broken over two lines: said without a character of it
                out.add(new Problem(Problem.Severity.ERROR, src, line.number(),
                        "the line goes on with the key above (a PrivateKey or PresharedKey broken over two lines?); "
                                + "wg would reject it", Redaction.HIDDEN));
                continue;
            }
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
            if (line.raw().indexOf('\0') >= 0) {
                out.add(Problem.error(src, line, "NUL byte in the line (not a text file?)"));
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
        String key = canonical(e.key());
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

    private static final String[] KNOWN_KEYS = {"privatekey", "listenport", "fwmark", "address", "dns", "mtu",
            "table", "preup", "postup", "predown", "postdown", "saveconfig", "publickey", "presharedkey", "allowedips",
            "endpoint", "persistentkeepalive"};

    /** A key name in lower case, without allocating for the names wg and wg-quick know. */
    private static String canonical(String key) {
        for (String known : KNOWN_KEYS) {
            if (known.length() == key.length() && known.equalsIgnoreCase(key)) {
                return known;
            }
        }
        return key.toLowerCase(Locale.ROOT);
    }

    private static void checkPeers(WgConfig config, List<Problem> out) {
        String src = config.source();
        int n = config.peers().size();
        Map<String, PeerBlock> byName = new HashMap<>(n * 2);
        Map<String, PeerBlock> byKey = new HashMap<>(n * 2);
        List<Owned> prefixes = new ArrayList<>(n + 16);
        for (PeerBlock peer : config.peers()) {
            ConfigLine header = peer.lines().get(peer.headerIndex());
            PeerBlock sameName = peer.named() ? byName.putIfAbsent(peer.name(), peer) : null;
            if (sameName != null) {
                out.add(Problem.error(src, header,
                        "duplicate peer name '" + peer.name() + "' (also on line " + sameName.lineNumber() + ")"));
            }
            ConfigLine keyLine = null;
            for (ConfigLine line : peer.lines()) {
                if (line instanceof ConfigLine.Entry e && e.is("PublicKey")) {
                    if (keyLine != null) {
                        out.add(Problem.error(src, line, "second PublicKey in peer '" + peer.name() + "' (first on line "
                                + keyLine.number() + "); wg would use this one, wgtui cannot tell which is meant"));
                    }
                    keyLine = line;
                } else if (line instanceof ConfigLine.Entry e && e.is("AllowedIPs")) {
                    for (String part : ConfigParser.squeeze(e.value()).split(",")) {
                        Cidr.parse(part).ifPresent(c -> prefixes.add(Owned.of(c, peer, line)));
                    }
                }
            }
            if (keyLine == null) {
                out.add(Problem.error(src, header, "peer '" + peer.name() + "' has no PublicKey"));
            } else {
                PeerBlock sameKey = byKey.putIfAbsent(peer.publicKey().orElseThrow(), peer);
                if (sameKey != null) {
                    out.add(Problem.error(src, keyLine, "duplicate public key: peer '" + peer.name()
                            + "' has the key of peer '" + sameKey.name() + "' (line " + sameKey.lineNumber() + ")"));
                }
            }
        }
        // Sweep prefixes in address order, O(n log n): the same prefix on two peers is adjacent
        // (wg would silently move it to the last one); one inside the widest range seen so far
        // is nested, which wg resolves by longest prefix: shown as a note per wider prefix.
        prefixes.sort(Owned::compareTo);
        Owned widest = null;
        Map<Owned, List<Owned>> nested = new java.util.LinkedHashMap<>();
        for (int i = 0; i < prefixes.size(); i++) {
            Owned o = prefixes.get(i);
            Owned prev = i > 0 ? prefixes.get(i - 1) : null;
            if (prev != null && prev.compareTo(o) == 0) {
                if (prev.peer() != o.peer()) {
                    out.add(Problem.error(src, o.line(), "AllowedIPs " + o.cidr().networkText() + " of peer '"
                            + o.peer().name() + "' is also on peer '" + prev.peer().name() + "' (line "
                            + prev.line().number() + "); wg would give it to only one of them"));
                }
                continue;
            }
            if (widest != null && widest.v6() == o.v6() && !o.startsAfterEndOf(widest) && widest.peer() != o.peer()) {
                nested.computeIfAbsent(widest, k -> new ArrayList<>()).add(o);
            }
            if (widest == null || widest.v6() != o.v6() || o.endsAfterEndOf(widest)) {
                widest = o;
            }
        }
        nested.forEach((wide, inside) -> {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < Math.min(3, inside.size()); i++) {
                list.append(i > 0 ? ", " : "").append(inside.get(i).cidr().networkText()).append(" of '")
                        .append(inside.get(i).peer().name()).append('\'');
            }
            if (inside.size() > 3) {
                list.append(" and ").append(inside.size() - 3).append(" more");
            }
            out.add(Problem.warning(src, wide.line(), "AllowedIPs " + wide.cidr().networkText() + " of peer '"
                    + wide.peer().name() + "' holds narrower prefixes of other peers (" + list
                    + "); wg routes each address to the longest prefix"));
        });
    }

    /**
     * One AllowedIPs prefix of a peer, its first and last address as two unsigned 64-bit halves
     * each, so that 100,000 of them sort and sweep without arrays.
     */
    private record Owned(Cidr cidr, boolean v6, int prefix, long firstHi, long firstLo, long lastHi, long lastLo,
                         PeerBlock peer, ConfigLine line) implements Comparable<Owned> {

        static Owned of(Cidr c, PeerBlock peer, ConfigLine line) {
            byte[] a = c.address();
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = hi << 8 | (a[i] & 0xff);
                lo = lo << 8 | (a[i + 8] & 0xff);
            }
            int bits = (c.v6() ? 0 : 96) + c.prefix();
            long maskHi = bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
            long maskLo = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
            return new Owned(c, c.v6(), c.prefix(), hi & maskHi, lo & maskLo, hi | ~maskHi, lo | ~maskLo, peer, line);
        }

        @Override
        public int compareTo(Owned o) {
            if (v6 != o.v6) {
                return v6 ? 1 : -1;
            }
            int c = Long.compareUnsigned(firstHi, o.firstHi);
            if (c == 0) {
                c = Long.compareUnsigned(firstLo, o.firstLo);
            }
            return c != 0 ? c : Integer.compare(prefix, o.prefix);
        }

        boolean startsAfterEndOf(Owned o) {
            int c = Long.compareUnsigned(firstHi, o.lastHi);
            return c > 0 || c == 0 && Long.compareUnsigned(firstLo, o.lastLo) > 0;
        }

        boolean endsAfterEndOf(Owned o) {
            int c = Long.compareUnsigned(lastHi, o.lastHi);
            return c > 0 || c == 0 && Long.compareUnsigned(lastLo, o.lastLo) > 0;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
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
        return key.length() > 32 || key.length() >= 8 && Redaction.isBase64Run(key)
                ? "(a " + key.length() + "-character name, not shown)" : key;
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
