package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.List;

/** Splits text into {@link ConfigLine}s the way wg(8) and wg-quick(8) read them, losing nothing. */
final class ConfigParser {

    private ConfigParser() {
    }

    static List<ConfigLine> parse(String text) {
        List<ConfigLine> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        int length = text.length();
        while (start < length) {
            int nl = text.indexOf('\n', start);
            String raw;
            String eol;
            if (nl < 0) {
                raw = text.substring(start);
                eol = "";
                start = length;
            } else if (nl > start && text.charAt(nl - 1) == '\r') {
                raw = text.substring(start, nl - 1);
                eol = "\r\n";
                start = nl + 1;
            } else {
                raw = text.substring(start, nl);
                eol = "\n";
                start = nl + 1;
            }
            lines.add(classify(raw, eol, number++));
        }
        return lines;
    }

    static ConfigLine classify(String raw, String eol, int number) {
        int first = firstNonBlank(raw);
        if (first < 0) {
            return new ConfigLine.Blank(raw, eol, number);
        }
        char c = raw.charAt(first);
        if (c == '#') {
            return new ConfigLine.Comment(raw, eol, number, raw.substring(first + 1).trim());
        }
        // wg cuts a comment anywhere on the line, then drops all whitespace.
        int hash = raw.indexOf('#');
        String content = hash < 0 ? raw : raw.substring(0, hash);
        if (c == '[') {
            String squeezed = squeeze(content);
            if (squeezed.endsWith("]") && squeezed.length() > 2) {
                return new ConfigLine.Section(raw, eol, number, squeezed.substring(1, squeezed.length() - 1));
            }
            return new ConfigLine.Unknown(raw, eol, number);
        }
        int eq = content.indexOf('=');
        if (eq <= 0) {
            return new ConfigLine.Unknown(raw, eol, number);
        }
        String key = squeeze(content.substring(0, eq));
        if (key.isEmpty()) {
            return new ConfigLine.Unknown(raw, eol, number);
        }
        return new ConfigLine.Entry(raw, eol, number, key, content.substring(eq + 1).trim());
    }

    /** The same line at another position. */
    static ConfigLine renumbered(ConfigLine l, int number) {
        if (l.number() == number) {
            return l;
        }
        if (l instanceof ConfigLine.Section s) {
            return new ConfigLine.Section(s.raw(), s.eol(), number, s.name());
        }
        if (l instanceof ConfigLine.Entry e) {
            return new ConfigLine.Entry(e.raw(), e.eol(), number, e.key(), e.value());
        }
        if (l instanceof ConfigLine.Comment c) {
            return new ConfigLine.Comment(c.raw(), c.eol(), number, c.text());
        }
        if (l instanceof ConfigLine.Blank) {
            return new ConfigLine.Blank(l.raw(), l.eol(), number);
        }
        return new ConfigLine.Unknown(l.raw(), l.eol(), number);
    }

    private static int firstNonBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static String squeeze(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
