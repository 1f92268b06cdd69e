package dev.wgtui.cli;

import java.util.Locale;
import java.util.Map;

/**
 * What wgtui's text output may assume about where it goes: the process environment (locale,
 * {@code NO_COLOR}, {@code TERM}) and whether standard output is a terminal. The command line
 * takes the real one; tests and the generators take {@link #plain()}.
 */
public record Environment(Map<String, String> variables, boolean terminal) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** This process's environment; a terminal when standard input and output are both one. */
    public static Environment current() {
        return new Environment(System.getenv(), System.console() != null);
    }

    /** UTF-8, no terminal: output as a pipe gets it. */
    public static Environment plain() {
        return new Environment(Map.of("LANG", "C.UTF-8"), false);
    }

    public String get(String name) {
        String v = variables.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /**
     * True when the locale's character set is UTF-8, as the C library decides it: the first of
     * {@code LC_ALL}, {@code LC_CTYPE} and {@code LANG} that is set; none set is the C locale.
     */
    public boolean utf8() {
        for (String name : new String[]{"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = get(name);
            if (v != null) {
                String charset = v.toLowerCase(Locale.ROOT);
                return charset.contains("utf-8") || charset.contains("utf8");
            }
        }
        return false;
    }

    /** True when {@code NO_COLOR} is set to anything but the empty string. */
    public boolean noColor() {
        return get("NO_COLOR") != null;
    }

    /** True for {@code TERM=dumb} or no {@code TERM}: a terminal that only takes lines of text. */
    public boolean dumbTerminal() {
        String term = get("TERM");
        return term == null || term.equals("dumb");
    }

    /** Colour on standard output: a terminal that is not dumb, and no {@code NO_COLOR}. */
    public boolean colour() {
        return terminal && !noColor() && !dumbTerminal();
    }
}
