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
        int end = hash < 0 ? raw.length() : hash;
        if (c == '[') {
            String squeezed = squeeze(raw, 0, end);
            if (squeezed.endsWith("]") && squeezed.length() > 2) {
                return new ConfigLine.Section(raw, eol, number, squeezed.substring(1, squeezed.length() - 1));
            }
            return new ConfigLine.Unknown(raw, eol, number);
        }
        int eq = raw.indexOf('=');
        if (eq <= 0 || eq >= end) {
            return new ConfigLine.Unknown(raw, eol, number);
        }
        String key = squeeze(raw, 0, eq);
        if (key.isEmpty()) {
            return new ConfigLine.Unknown(raw, eol, number);
        }
        return new ConfigLine.Entry(raw, eol, number, key, trimmed(raw, eq + 1, end));
    }

    /** {@code s.substring(from, to).trim()} in one allocation. */
    private static String trimmed(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return s.substring(from, to);
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
        return squeeze(s, 0, s.length());
    }

    /** {@code s.substring(from, to)} without any whitespace, in one allocation when it has none inside. */
    static String squeeze(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        for (int i = from; i < to; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                StringBuilder out = new StringBuilder(to - from).append(s, from, i);
                for (int j = i + 1; j < to; j++) {
                    char c = s.charAt(j);
                    if (!Character.isWhitespace(c)) {
                        out.append(c);
                    }
                }
                return out.toString();
            }
        }
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }
}
