package dev.wgtui.core.text;

/**
 * Text from files and inventories made safe to show on a terminal: control characters (C0, DEL,
 * C1), the invisible Unicode format characters that reorder or hide text (bidi overrides,
 * zero-width marks, every other format character) and the line separators are shown escaped, so a host or peer name can never move the cursor,
 * change colours or hide a character from the operator. Every face prints names through here.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code s} with every unsafe character written as {@code \xNN} or {@code <U+NNNN>}; null stays null. */
    public static String of(String s) {
        if (s == null || isSafe(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            if (!unsafe(cp)) {
                out.appendCodePoint(cp);
            } else if (cp < 0x100) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.append(String.format("<U+%04X>", cp));
            }
        });
        return out.toString();
    }

    /** True when {@code s} has nothing to escape. */
    public static boolean isSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c >= 0xad && (Character.isSurrogate(c)
                    ? unsafe(s.codePointAt(i)) : unsafe(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unsafe(int cp) {
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
            return true;
        }
        // Every format character (zero-width and direction marks, bidi embeddings, overrides and
        // isolates, soft hyphen, BOM, tags) and the line and paragraph separators.
        return Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029;
    }
}
