package dev.wgtui.core.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 prefix as wg reads AllowedIPs: {@code 10.0.0.3/32}, {@code fd00::3/128}, or an
 * address alone (a host route). Addresses are kept as 16 bytes so v4 and v6 sort together.
 */
public record Cidr(boolean v6, byte[] address, int prefix) {

    /** Parses {@code text}; empty when it is not a valid prefix. */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        boolean v6 = addr.indexOf(':') >= 0;
        byte[] bytes = v6 ? parseV6(addr) : parseV4(addr);
        if (bytes == null) {
            return Optional.empty();
        }
        int max = v6 ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !isDigits(p)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                return Optional.empty();
            }
        }
        byte[] full = new byte[16];
        System.arraycopy(bytes, 0, full, v6 ? 0 : 12, bytes.length);
        return Optional.of(new Cidr(v6, full, prefix));
    }

    private static byte[] parseV4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3 && !(digits == 1 && value == 0)) {
                // no leading zero (010 is not 10 to inet_pton)
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static byte[] parseV6(String s) {
        if (s.isEmpty() || s.indexOf('%') >= 0) {
            return null;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl < 0 ? s : s.substring(0, dbl);
        String tail = dbl < 0 ? "" : s.substring(dbl + 2);
        int[] h = groups(head);
        int[] t = groups(tail);
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if ((dbl < 0 && total != 8) || (dbl >= 0 && total > 7)) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) {
            out[2 * i] = (byte) (h[i] >> 8);
            out[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int g = 8 - t.length + i;
            out[2 * g] = (byte) (t[i] >> 8);
            out[2 * g + 1] = (byte) t[i];
        }
        return out;
    }

    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                // ASCII hex digits only, as inet_pton reads them (no sign, no other scripts' digits)
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0 || p.charAt(j) > 'f') {
                    return null;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out;
    }

    /** The first address of the prefix (host bits cleared), as 16 bytes. */
    public byte[] first() {
        byte[] out = address.clone();
        int bits = (v6 ? 0 : 96) + prefix;
        for (int i = 0; i < 128; i++) {
            if (i >= bits) {
                out[i / 8] &= (byte) ~(0x80 >> (i % 8));
            }
        }
        return out;
    }

    /** The last address of the prefix (host bits set), as 16 bytes. */
    public byte[] last() {
        byte[] out = address.clone();
        int bits = (v6 ? 0 : 96) + prefix;
        for (int i = bits; i < 128; i++) {
            out[i / 8] |= (byte) (0x80 >> (i % 8));
        }
        return out;
    }

    /** True when the two prefixes share any address. */
    public boolean overlaps(Cidr other) {
        if (v6 != other.v6) {
            return false;
        }
        return Arrays.compareUnsigned(first(), other.last()) <= 0
                && Arrays.compareUnsigned(other.first(), last()) <= 0;
    }

    /** True when {@code other}'s address lies inside this prefix. */
    public boolean contains(Cidr other) {
        return v6 == other.v6 && Arrays.compareUnsigned(first(), other.first()) <= 0
                && Arrays.compareUnsigned(other.last(), last()) <= 0;
    }

    /** The prefix with its host bits cleared, as wg stores it: {@code 10.0.0.3/24} gives {@code 10.0.0.0/24}. */
    public String networkText() {
        return new Cidr(v6, first(), prefix).text();
    }

    /** Canonical text: the address as given and the prefix, e.g. {@code 10.0.0.3/32}. */
    public String text() {
        if (!v6) {
            return (address[12] & 0xff) + "." + (address[13] & 0xff) + "." + (address[14] & 0xff) + "."
                    + (address[15] & 0xff) + "/" + prefix;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff)));
        }
        return sb.append('/').append(prefix).toString();
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && v6 == c.v6 && prefix == c.prefix && Arrays.equals(address, c.address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefix + (v6 ? 1 : 0);
    }

    @Override
    public String toString() {
        return text();
    }
}
