package dev.wgtui.cli;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.wgtui.tui.Theme;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard theme's diff and status colours as SGR parameters for the command line and the
 * shell: {@code diff.add} for added lines, {@code status.error} for a failed verdict, and so on.
 * A #rrggbb colour is sent as 24-bit only where {@code COLORTERM} says the terminal has it, else
 * as the nearest of the 256.
 */
final class ThemeColours {

    private ThemeColours() {
    }

    static Map<Style.Part, String> of(Theme theme, boolean truecolour) {
        Map<Style.Part, String> out = new EnumMap<>(Style.Part.class);
        out.put(Style.Part.ADDED, sgr(theme.style(Theme.Element.DIFF_ADD), truecolour));
        out.put(Style.Part.REMOVED, sgr(theme.style(Theme.Element.DIFF_REMOVE), truecolour));
        out.put(Style.Part.HUNK, sgr(theme.style(Theme.Element.DIFF_HUNK), truecolour));
        out.put(Style.Part.FILE, sgr(theme.style(Theme.Element.DIFF_FILE), truecolour));
        out.put(Style.Part.GOOD, sgr(theme.style(Theme.Element.STATUS_OK), truecolour));
        out.put(Style.Part.BAD, sgr(theme.style(Theme.Element.STATUS_ERROR), truecolour));
        return out;
    }

    /** True when {@code COLORTERM} announces 24-bit colour. */
    static boolean truecolour(Environment env) {
        String c = env.get("COLORTERM");
        return c != null && (c.equalsIgnoreCase("truecolor") || c.equalsIgnoreCase("24bit"));
    }

    /** The SGR parameters of a theme style's foreground and modifiers; the background is the terminal's. */
    static String sgr(Theme.Style style, boolean truecolour) {
        List<String> codes = new ArrayList<>();
        for (SGR m : style.modifiers()) {
            switch (m) {
                case BOLD -> codes.add("1");
                case ITALIC -> codes.add("3");
                case UNDERLINE -> codes.add("4");
                case REVERSE -> codes.add("7");
                default -> { }
            }
        }
        TextColor fg = style.fg();
        if (fg instanceof TextColor.RGB rgb && !truecolour) {
            codes.add("38;5;" + nearest256(rgb.getRed(), rgb.getGreen(), rgb.getBlue()));
        } else if (fg != null && fg != TextColor.ANSI.DEFAULT) {
            codes.add(new String(fg.getForegroundSGRSequence(), StandardCharsets.US_ASCII));
        }
        return String.join(";", codes);
    }

    /**
     * The xterm 256-colour index nearest to an RGB colour: the 6x6x6 cube, or the grey ramp for a
     * colour that is nearly grey (a saturated green must not turn grey however close in distance).
     */
    static int nearest256(int r, int g, int b) {
        int[] steps = {0, 95, 135, 175, 215, 255};
        int ri = nearestStep(r, steps);
        int gi = nearestStep(g, steps);
        int bi = nearestStep(b, steps);
        int cube = 16 + 36 * ri + 6 * gi + bi;
        int cubeError = sq(steps[ri] - r) + sq(steps[gi] - g) + sq(steps[bi] - b);
        int grey = Math.max(0, Math.min(23, Math.round(((r + g + b) / 3f - 8) / 10f)));
        int level = 8 + 10 * grey;
        int greyError = sq(level - r) + sq(level - g) + sq(level - b);
        boolean nearlyGrey = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) <= 32;
        return nearlyGrey && greyError < cubeError ? 232 + grey : cube;
    }

    private static int nearestStep(int v, int[] steps) {
        int best = 0;
        for (int i = 1; i < steps.length; i++) {
            if (Math.abs(steps[i] - v) < Math.abs(steps[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    private static int sq(int x) {
        return x * x;
    }
}
