package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The display form of config text: PrivateKey and PresharedKey values replaced by
 * {@code (hidden)}. Every diff, preview, summary and message goes through here.
 */
public final class Redaction {

    public static final String HIDDEN = "(hidden)";
    private static final String PRIVATE_KEY = "privatekey";
    private static final String PRESHARED_KEY = "presharedkey";

    private Redaction() {
    }

    /**
     * A WireGuard key standing alone (44 base64 characters ending in {@code =}): on any line but
     * a PublicKey it may be a secret (a key wrapped onto its own line, or inline in a hook).
     */
    private static final Pattern KEY_TOKEN =
            Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=(?![A-Za-z0-9+/=])");

    /**
     * The line with a secret value hidden; other lines unchanged. The key is recognised by its
     * name as wg reads it (whitespace inside dropped, any case), so {@code PrivateK ey = ...} is
     * a PrivateKey too; a diff line's leading {@code +}, {@code -} or space is allowed.
     */
    public static String line(String raw) {
        if (raw.length() >= 16 && isBase64Run(raw) && raw.strip().length() >= 16) {
            return HIDDEN; // a long run of base64 alone on a line: a piece of a key, whatever its name
        }
        int eq = raw.indexOf('=');
        if (eq >= 0) {
            int hash = raw.indexOf('#');
            if (hash < 0 || hash > eq) {
                String key = ConfigParser.squeeze(raw.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (!key.isEmpty() && (key.charAt(0) == '-' || key.charAt(0) == '+')) {
                    key = key.substring(1);
                }
                if (key.equals("privatekey") || key.equals("presharedkey")) {
                    int valueStart = eq + 1;
                    while (valueStart < raw.length() && raw.charAt(valueStart) == ' ') {
                        valueStart++;
                    }
                    int comment = raw.indexOf('#', valueStart);
                    String rest = comment < 0 ? "" : " " + tokens(raw.substring(comment));
                    return raw.substring(0, valueStart) + HIDDEN + rest;
                }
                if (key.equals("publickey")) {
                    return raw;
                }
            }
        } else if (namesSecret(raw)) {
            // Not an entry wg would read, but it names a secret: show only the name.
            return raw.replaceAll("(?i)((p\\s*r\\s*i\\s*v\\s*a\\s*t\\s*e|p\\s*r\\s*e\\s*s\\s*h\\s*a\\s*r\\s*e\\s*d)"
                    + "\\s*k\\s*e\\s*y).*", "$1 " + HIDDEN);
        }
        return tokens(raw);
    }

    /** Every standalone key-shaped token hidden (a key wrapped onto its own line, or inline in a hook). */
    private static String tokens(String raw) {
        if (raw.length() >= 44 && raw.indexOf('=') >= 0) {
            return KEY_TOKEN.matcher(raw).replaceAll(HIDDEN);
        }
        return raw;
    }

    /**
     * A line that starts with a secret's key name, as wg would read it, but has no {@code =}: the
     * value may be on it or on the next line. (Prose that mentions a private key is not cut.)
     */
    private static boolean namesSecret(String raw) {
        if (raw.indexOf('y') < 0 && raw.indexOf('Y') < 0) {
            return false;
        }
        String squeezed = ConfigParser.squeeze(raw).toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < squeezed.length() && "+-#".indexOf(squeezed.charAt(i)) >= 0) {
            i++;
        }
        return squeezed.startsWith("privatekey", i) || squeezed.startsWith("presharedkey", i);
    }

    /**
     * Lines in file order with every secret hidden, also a secret broken over two lines: the
     * line right after a PrivateKey or PresharedKey whose value is not a whole key, when it holds
     * nothing but base64, is the rest of that key.
     */
    public static List<String> lines(List<String> raws) {
        List<String> out = new ArrayList<>(raws.size());
        boolean broken = false;
        for (String raw : raws) {
            out.add(broken && isBase64Run(raw) ? HIDDEN : line(raw));
            broken = brokenSecret(raw);
        }
        return out;
    }

    /** True for {@code PrivateKey = …} or {@code PresharedKey = …} whose value is not a whole key. */
    public static boolean brokenSecret(String raw) {
        int eq = raw.indexOf('=');
        int hash = raw.indexOf('#');
        if (eq < 0 || hash >= 0 && hash < eq || !namesSecret(raw, eq)) {
            return false;
        }
        return !Keys.isValid(ConfigParser.squeeze(raw, eq + 1, hash < 0 ? raw.length() : hash));
    }

    /**
     * Whether {@code raw} up to {@code eq}, whitespace removed and a diff line's marker aside, is
     * {@code PrivateKey} or {@code PresharedKey} in any case (checked without copying the line:
     * this runs for every line of a hub).
     */
    private static boolean namesSecret(String raw, int eq) {
        boolean privateKey = true;
        boolean presharedKey = true;
        boolean marker = false;
        int n = 0;
        for (int i = 0; i < eq; i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (n == 0 && !marker && (c == '-' || c == '+')) {
                marker = true;
                continue;
            }
            char lower = Character.toLowerCase(c);
            privateKey &= n < PRIVATE_KEY.length() && PRIVATE_KEY.charAt(n) == lower;
            presharedKey &= n < PRESHARED_KEY.length() && PRESHARED_KEY.charAt(n) == lower;
            if (!privateKey && !presharedKey) {
                return false;
            }
            n++;
        }
        return privateKey && n == PRIVATE_KEY.length() || presharedKey && n == PRESHARED_KEY.length();
    }

    /**
     * A line of nothing but base64 - letters, digits, {@code +}, {@code /}, and {@code =} only at
     * its end (a diff line's marker allowed): a piece of a key, never a config line.
     */
    public static boolean isBase64Run(String raw) {
        String s = raw.strip();
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0 || s.length() - end > 2) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** The whole text with every secret hidden, line endings kept. */
    public static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (ConfigLine line : ConfigParser.parse(text)) {
            out.append(line(line.raw())).append(line.eol());
        }
        return out.toString();
    }
}
