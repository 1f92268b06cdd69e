package dev.wgtui.tui;

import java.util.Locale;
import java.util.function.Function;

/**
 * What the terminal wgtui runs in can show, decided from the environment as terminals and
 * programs do: UTF-8 from the locale ({@code LC_ALL}, else {@code LC_CTYPE}, else {@code LANG}),
 * full screen unless {@code TERM} is {@code dumb} (or unset), colours from {@code COLORTERM} and
 * {@code TERM}.
 */
public final class Terminals {

    /** How many colours a theme may use. */
    public enum Colours { TRUE_COLOUR, INDEXED_256, ANSI_16 }

    private Terminals() {
    }

    /** True when the locale's character set is UTF-8; the C/POSIX locale (or none) is not. */
    public static boolean unicode(Function<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.apply(name);
            if (v != null && !v.isEmpty()) {
                String l = v.toLowerCase(Locale.ROOT);
                return l.contains("utf-8") || l.contains("utf8");
            }
        }
        return false;
    }

    /**
     * False for a terminal that cannot place the cursor ({@code TERM=dumb}, or no TERM): there
     * wgtui prints the status table and runs the line shell instead of the dashboard.
     */
    public static boolean fullScreen(Function<String, String> env) {
        String term = env.apply("TERM");
        return term != null && !term.isBlank() && !term.equals("dumb");
    }

    public static Colours colours(Function<String, String> env) {
        String colorterm = env.apply("COLORTERM");
        if (colorterm != null && (colorterm.equalsIgnoreCase("truecolor") || colorterm.equalsIgnoreCase("24bit"))) {
            return Colours.TRUE_COLOUR;
        }
        String term = env.apply("TERM");
        if (term != null && (term.contains("256color") || term.contains("direct"))) {
            return term.contains("direct") ? Colours.TRUE_COLOUR : Colours.INDEXED_256;
        }
        return Colours.ANSI_16;
    }
}
