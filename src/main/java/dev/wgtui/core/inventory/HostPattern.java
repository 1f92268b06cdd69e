package dev.wgtui.core.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host entry as an inventory file writes it: a name with optional {@code [start:end:step]}
 * ranges ({@code node[01:03]}, {@code rack[a:c]}) and an optional {@code :port}.
 */
record HostPattern(List<String> names, OptionalInt port) {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int MAX_HOSTS = 65_536;
    private static final Pattern WITH_PORT = Pattern.compile("(.*[^:]):([0-9]+)");

    /**
     * Expands {@code pattern}.
     *
     * @throws IllegalArgumentException saying what is wrong with the pattern
     */
    static HostPattern parse(String pattern) {
        OptionalInt port = OptionalInt.empty();
        String name = pattern;
        Matcher m = WITH_PORT.matcher(pattern);
        // a colon inside brackets belongs to a range, and a bare IPv6 address has no port
        if (m.matches() && canTakePort(m.group(1))) {
            name = m.group(1);
            port = OptionalInt.of(port(m.group(2)));
        }
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid host name '" + pattern + "'");
        }
        List<String> names = new ArrayList<>();
        expand(name, names);
        return new HostPattern(List.copyOf(names), port);
    }

    private static int port(String digits) {
        int port = digits.length() > 5 ? -1 : Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + digits + " is out of range 1-65535");
        }
        return port;
    }

    /** Whether {@code text} can stand before a port: brackets closed, and no colon outside them. */
    private static boolean canTakePort(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == ':' && depth == 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Expands the first range of {@code name}, then whatever ranges are left in each result. */
    private static void expand(String name, List<String> into) {
        int open = name.indexOf('[');
        if (open < 0) {
            if (into.size() == MAX_HOSTS) {
                throw new IllegalArgumentException("host ranges give more than " + MAX_HOSTS + " hosts");
            }
            into.add(name);
            return;
        }
        int close = name.indexOf(']', open);
        if (close < 0) {
            throw new IllegalArgumentException("host range in '" + name + "' has no closing ']'");
        }
        String head = name.substring(0, open);
        String tail = name.substring(close + 1);
        for (String item : range(name.substring(open + 1, close))) {
            expand(head + item + tail, into);
        }
    }

    private static List<String> range(String spec) {
        String[] bounds = spec.split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw new IllegalArgumentException("host range [" + spec + "] must be [start:end] or [start:end:step]");
        }
        String start = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        int step = bounds.length == 3 ? number(bounds[2], spec) : 1;
        if (end.isEmpty()) {
            throw new IllegalArgumentException("host range [" + spec + "] has no end");
        }
        if (step < 1) {
            throw new IllegalArgumentException("host range [" + spec + "] needs a step of at least 1");
        }
        List<String> items = new ArrayList<>();
        if (start.length() == 1 && end.length() == 1 && LETTERS.indexOf(start) >= 0 && LETTERS.indexOf(end) >= 0) {
            int from = LETTERS.indexOf(start);
            int to = LETTERS.indexOf(end);
            checkOrder(from, to, spec);
            for (int i = from; i <= to; i += step) {
                items.add(String.valueOf(LETTERS.charAt(i)));
            }
            return items;
        }
        // a leading zero asks for zero padding to the width of the bounds
        boolean padded = start.length() > 1 && start.charAt(0) == '0';
        if (padded && start.length() != end.length()) {
            throw new IllegalArgumentException("host range [" + spec + "] must give start and end the same width");
        }
        int from = number(start, spec);
        int to = number(end, spec);
        checkOrder(from, to, spec);
        String format = padded ? "%0" + start.length() + "d" : "%d";
        if ((to - from) / step >= MAX_HOSTS) {
            throw new IllegalArgumentException("host range [" + spec + "] gives more than " + MAX_HOSTS + " hosts");
        }
        for (int i = from; i <= to; i += step) {
            items.add(String.format(format, i));
        }
        return items;
    }

    private static int number(String text, String spec) {
        if (!text.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("host range [" + spec + "] has '" + text + "', not a number or a letter");
        }
        return Integer.parseInt(text);
    }

    private static void checkOrder(int from, int to, String spec) {
        if (from > to) {
            throw new IllegalArgumentException("host range [" + spec + "] starts after it ends");
        }
    }
}
