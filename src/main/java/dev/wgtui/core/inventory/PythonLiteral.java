package dev.wgtui.core.inventory;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An INI inventory value read as Ansible reads it, through Python's {@code ast.literal_eval}:
 * whole numbers, decimals, {@code True}, {@code False}, {@code None} and quoted strings become
 * values; anything else (including {@code true}, {@code yes} and lists) stays the text it is.
 */
final class PythonLiteral {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[1-9](?:_?[0-9])*|0(?:_?0)*)");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:[0-9](?:_?[0-9])*\\.(?:[0-9](?:_?[0-9])*)?|\\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9]+)?"
                    + "|[+-]?[0-9](?:_?[0-9])*[eE][+-]?[0-9]+");

    private PythonLiteral() {
    }

    static Object parse(String text) {
        switch (text) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                break;
        }
        if (DECIMAL.matcher(text).matches()) {
            BigInteger value = new BigInteger(text.replace("_", ""));
            if (value.bitLength() < Integer.SIZE) {
                return value.intValue();
            }
            return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
        }
        if (FLOAT.matcher(text).matches()) {
            return Double.valueOf(text.replace("_", ""));
        }
        String quoted = unquote(text);
        return quoted != null ? quoted : text;
    }

    /** The string inside one quoted literal, or null when {@code text} is not exactly one. */
    private static String unquote(String text) {
        if (text.length() < 2 || (text.charAt(0) != '\'' && text.charAt(0) != '"')) {
            return null;
        }
        char quote = text.charAt(0);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                return i == text.length() - 1 ? out.toString() : null;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) {
                return null;
            }
            char next = text.charAt(i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\', '\'', '"' -> out.append(next);
                default -> out.append('\\').append(next);
            }
        }
        return null;
    }
}
