package dev.wgtui.core.config;

import java.util.Base64;

/** WireGuard keys: 32 bytes in standard base64 (44 characters ending in {@code =}). */
public final class Keys {

    private Keys() {
    }

    public static boolean isValid(String key) {
        if (key == null || key.length() != 44 || key.charAt(43) != '=') {
            return false;
        }
        // 32 bytes leave 4 unused bits in the last base64 digit; wg requires them to be zero.
        if ("AEIMQUYcgkosw048".indexOf(key.charAt(42)) < 0) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The first characters of a public key followed by an ellipsis, as tables show it. */
    public static String shortForm(String key) {
        if (key == null || key.isEmpty()) {
            return "-";
        }
        return key.length() <= 10 ? key : key.substring(0, 8) + "…";
    }
}
