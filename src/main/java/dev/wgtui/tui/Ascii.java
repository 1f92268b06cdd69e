package dev.wgtui.tui;

/**
 * Text for a terminal whose locale is not UTF-8 ({@code LC_ALL=C}): the dashboard's own symbols
 * become ASCII (frames, arrows, ellipses, separators, the spinner); anything else outside ASCII
 * becomes {@code ?}, which such a terminal would print anyway.
 */
final class Ascii {

    private Ascii() {
    }

    static String of(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.append(c < 0x80 ? String.valueOf((char) c) : symbol(c)));
        return out.toString();
    }

    private static String symbol(int c) {
        return switch (c) {
            case '╭', '╮', '╰', '╯', '┼' -> "+";
            case '─' -> "-";
            case '│' -> "|";
            case '…' -> "~";
            case '·' -> "-";
            case '✓' -> "=";
            case '✗' -> "x";
            case '→' -> "->";
            case '↑' -> "Up";
            case '↓' -> "Dn";
            case '▸' -> ">";
            case '▲' -> "^";
            case '▼' -> "v";
            case '⟳' -> "*";
            case '⠋', '⠸', '⠴', '⠇' -> "|";
            case '⠙', '⠼', '⠦' -> "/";
            case '⠹', '⠧' -> "-";
            case '⠏' -> "\\";
            default -> "?";
        };
    }
}
