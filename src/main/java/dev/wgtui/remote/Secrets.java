package dev.wgtui.remote;

import java.util.regex.Pattern;

/**
 * Scrubs text from a host before it goes into a message or the verbose log: WireGuard keys
 * (32 bytes of base64) and the values of PrivateKey/PresharedKey lines become {@code (hidden)}.
 * Remote scripts already keep secrets off their output; this is the second line of defence,
 * e.g. for {@code wg} quoting a malformed key in an error.
 */
final class Secrets {

    private static final Pattern KEY_LINE =
            Pattern.compile("(?i)((?:private|preshared)\\s*key\\s*[=:]\\s*)[^\\s#]+");
    private static final Pattern KEY = Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=");
    private static final Pattern QUOTED = Pattern.compile("(?i)(key[^`\\n]*`)[^'\\n]*(')");

    private Secrets() {
    }

    static String scrub(String text) {
        String s = KEY_LINE.matcher(text).replaceAll("$1(hidden)");
        s = QUOTED.matcher(s).replaceAll("$1(hidden)$2");
        return KEY.matcher(s).replaceAll("(hidden)");
    }
}
