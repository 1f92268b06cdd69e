package dev.wgtui.cli;

import dev.wgtui.core.config.Keys;
import dev.wgtui.core.plan.PeerStatus;

import java.util.EnumMap;
import java.util.Map;

/**
 * How the command line and the shell draw text where it goes: UTF-8 markers or ASCII ones
 * (a locale that is not UTF-8 would turn {@code ✓} into {@code ?}), and diffs and verdicts in
 * colour on a terminal or plain (piped, {@code NO_COLOR}, a dumb terminal, JSON).
 */
public final class Style {

    /** What is coloured. */
    public enum Part {
        /** A diff's added line. */
        ADDED,
        /** A diff's removed line. */
        REMOVED,
        /** A diff's hunk header ({@code @@}). */
        HUNK,
        /** A diff's file header ({@code ---}, {@code +++}). */
        FILE,
        /** A verdict that is good news. */
        GOOD,
        /** A verdict that is bad news. */
        BAD
    }

    /** The colours when no theme gives any: the terminal's own green, red, cyan and bold. */
    public static final Map<Part, String> ANSI = Map.of(Part.ADDED, "32", Part.REMOVED, "31", Part.HUNK, "36",
            Part.FILE, "1", Part.GOOD, "32", Part.BAD, "1;31");

    /** UTF-8, no colour. */
    public static final Style PLAIN = new Style(true, Map.of());

    private final boolean unicode;
    private final Map<Part, String> sgr;

    private Style(boolean unicode, Map<Part, String> sgr) {
        this.unicode = unicode;
        this.sgr = sgr.isEmpty() ? Map.of() : new EnumMap<>(sgr);
    }

    /** Plain text, with UTF-8 markers when {@code unicode}. */
    public static Style plain(boolean unicode) {
        return new Style(unicode, Map.of());
    }

    /**
     * Coloured text: each part with its SGR parameters ({@code "32"}, {@code "38;5;114"},
     * {@code "1;31"}); a part left out or empty is plain.
     */
    public static Style coloured(boolean unicode, Map<Part, String> sgr) {
        Map<Part, String> kept = new EnumMap<>(Part.class);
        sgr.forEach((part, code) -> {
            if (code != null && !code.isEmpty()) {
                kept.put(part, code);
            }
        });
        return new Style(unicode, kept);
    }

    public boolean unicode() {
        return unicode;
    }

    public boolean coloured() {
        return !sgr.isEmpty();
    }

    /** The same markers, no colour: for output that is not a terminal's. */
    public Style withoutColour() {
        return coloured() ? plain(unicode) : this;
    }

    /** {@code ✓} or {@code =}: what the status table shows for ok. */
    public String ok() {
        return PeerStatus.OK.marker(unicode);
    }

    /** {@code ✗} or {@code X}: a check that failed. */
    public String failed() {
        return unicode ? "✗" : "X";
    }

    /** {@code ✓ ok}, {@code ~ changed}, or with the ASCII marker. */
    public String label(PeerStatus status) {
        return status.marker(unicode) + " " + status.word();
    }

    /** A public key's first characters, as tables show it. */
    public String shortKey(String key) {
        String s = Keys.shortForm(key);
        return unicode ? s : s.replace("…", "...");
    }

    /** {@code text} in the colour of {@code part}, or as it is when plain. */
    public String paint(Part part, String text) {
        String code = part == null ? null : sgr.get(part);
        return code == null || text.isEmpty() ? text : "\033[" + code + "m" + text + "\033[0m";
    }

    /** A unified diff with its added, removed, hunk and file lines coloured. */
    public String diff(String unified) {
        if (!coloured() || unified.isEmpty()) {
            return unified;
        }
        StringBuilder out = new StringBuilder(unified.length() + 256);
        int start = 0;
        while (start < unified.length()) {
            int end = unified.indexOf('\n', start);
            int next = end < 0 ? unified.length() : end + 1;
            String line = unified.substring(start, end < 0 ? unified.length() : end);
            out.append(paint(partOf(line), line));
            if (end >= 0) {
                out.append('\n');
            }
            start = next;
        }
        return out.toString();
    }

    private static Part partOf(String line) {
        if (line.startsWith("+++") || line.startsWith("---")) {
            return Part.FILE;
        }
        if (line.startsWith("@@")) {
            return Part.HUNK;
        }
        if (line.startsWith("+")) {
            return Part.ADDED;
        }
        if (line.startsWith("-")) {
            return Part.REMOVED;
        }
        return null;
    }
}
