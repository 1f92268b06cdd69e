package dev.wgtui.core.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The display form of config text: PrivateKey and PresharedKey values replaced by
 * {@code (hidden)}. Every diff, preview, summary and message goes through here.
 */
public final class Redaction {

    public static final String HIDDEN = "(hidden)";

    private Redaction() {
    }

    /**
     * A WireGuard key standing alone (44 base64 characters ending in {@code =}): on any line but
     * a PublicKey it may be a secret (a key wrapped onto its own line, or inline in a hook).
     */
    private static final Pattern KEY_TOKEN =
            Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=(?![A-Za-z0-9+/=])");

    /** The line with a secret value hidden; other lines unchanged. */
    public static String line(String raw) {
        if (mentionsKey(raw)) {
            int eq = raw.indexOf('=');
            String head = eq < 0 ? raw : raw.substring(0, eq);
            // A line of a unified diff starts with its marker: "-PublicKey = ..." is a PublicKey line.
            String key = ConfigParser.squeeze(head).toLowerCase(Locale.ROOT);
            if (!key.isEmpty() && (key.charAt(0) == '-' || key.charAt(0) == '+')) {
                key = key.substring(1);
            }
            if (eq >= 0 && (key.equals("privatekey") || key.equals("presharedkey"))) {
                int valueStart = eq + 1;
                while (valueStart < raw.length() && raw.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                int hash = raw.indexOf('#', valueStart);
                String comment = hash < 0 ? "" : " " + raw.substring(hash);
                return raw.substring(0, valueStart) + HIDDEN + comment;
            }
            if (eq < 0 && (key.contains("privatekey") || key.contains("presharedkey"))) {
                // Not an entry wg would read, but it names a secret: show only the name.
                return raw.replaceAll("(?i)((private|preshared)\\s*key).*", "$1 " + HIDDEN);
            }
            if (eq >= 0 && key.equals("publickey")) {
                return raw;
            }
        }
        if (raw.length() >= 44 && raw.indexOf('=') >= 0) {
            return KEY_TOKEN.matcher(raw).replaceAll(HIDDEN);
        }
        return raw;
    }

    /** Cheap test before the real one: a secret's line contains "key" in some case. */
    private static boolean mentionsKey(String raw) {
        for (int i = raw.indexOf('e'), n = raw.length(); i > 0 && i + 1 < n; i = raw.indexOf('e', i + 1)) {
            char k = raw.charAt(i - 1);
            char y = raw.charAt(i + 1);
            if ((k == 'k' || k == 'K') && (y == 'y' || y == 'Y')) {
                return true;
            }
        }
        for (int i = raw.indexOf('E'), n = raw.length(); i > 0 && i + 1 < n; i = raw.indexOf('E', i + 1)) {
            char k = raw.charAt(i - 1);
            char y = raw.charAt(i + 1);
            if ((k == 'k' || k == 'K') && (y == 'y' || y == 'Y')) {
                return true;
            }
        }
        return false;
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
