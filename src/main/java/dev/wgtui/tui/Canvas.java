package dev.wgtui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.wgtui.tui.Theme.Element;

import java.util.EnumSet;
import java.util.Set;

/**
 * Drawing in theme elements, clipped to the screen. A frame is drawn into a {@link Grid} of
 * plain cells first; {@link #commit()} then hands Lanterna only the cells that differ from the
 * last frame (Lanterna's per-cell work is what a frame costs on a big table).
 */
final class Canvas {

    /** The cells of a frame: a character (or "" for the right half of a wide one) and a style. */
    static final class Grid {
        final int width;
        final int height;
        final String[] chars;
        final Theme.Style[] styles;

        Grid(int width, int height) {
            this.width = width;
            this.height = height;
            this.chars = new String[width * height];
            this.styles = new Theme.Style[width * height];
        }
    }

    private final TextGraphics g;
    private final Theme theme;
    /** False where the locale is not UTF-8: everything drawn goes through {@link Ascii}. */
    final boolean unicode;
    final int width;
    final int height;
    private final Grid next;
    private final Grid last;

    /** A canvas that draws every cell (no frame before it to compare with). */
    Canvas(TextGraphics g, Theme theme, boolean unicode) {
        this(g, theme, unicode, null);
    }

    /** A canvas whose {@link #commit()} writes only what changed since {@code last} (same size). */
    Canvas(TextGraphics g, Theme theme, boolean unicode, Grid last) {
        this.g = g;
        this.theme = theme;
        this.unicode = unicode;
        this.width = g.getSize().getColumns();
        this.height = g.getSize().getRows();
        this.next = new Grid(width, height);
        this.last = last != null && last.width == width && last.height == height ? last : null;
    }

    /** Columns {@code s} takes; text below U+1100 (Latin, box drawing, braille) is one column a character. */
    static int width(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x1100) {
                return TerminalTextUtils.getColumnWidth(s);
            }
        }
        return s.length();
    }

    /** {@code s} cut to {@code max} columns, ending in an ellipsis when cut. */
    static String fit(String s, int max) {
        if (max <= 0) {
            return "";
        }
        int w = width(s);
        if (w <= max) {
            return s;
        }
        if (w == s.length()) {
            return s.substring(0, max - 1) + "…";
        }
        return TerminalTextUtils.fitString(s, max - 1) + "…";
    }

    /** {@code s} padded with spaces (or cut) to exactly {@code w} columns. */
    static String pad(String s, int w) {
        String f = fit(s, w);
        return f + " ".repeat(Math.max(0, w - width(f)));
    }

    static String padLeft(String s, int w) {
        String f = fit(s, w);
        return " ".repeat(Math.max(0, w - width(f))) + f;
    }

    /** Writes {@code s} at (col,row), at most {@code max} columns; returns the columns written. */
    int text(int col, int row, String s, Element e, int max) {
        if (row < 0 || row >= height || col >= width || max <= 0) {
            return 0;
        }
        String f = fit(unicode ? s : Ascii.of(s), Math.min(max, width - col));
        if (!unicode) {
            f = Ascii.of(f);
        }
        Theme.Style style = theme.style(e);
        int c = col;
        for (int i = 0; i < f.length() && c < width; ) {
            int cp = f.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            int w = cp < 0x1100 ? 1 : Math.max(1, width(ch));
            if (w == 2 && c + 1 >= width) {
                break;
            }
            put(c, row, ch, style);
            if (w == 2) {
                put(c + 1, row, "", style);
            }
            c += w;
        }
        return c - col;
    }

    void fill(int col, int row, int w, int h, Element e) {
        if (w <= 0 || h <= 0) {
            return;
        }
        Theme.Style style = theme.style(e);
        for (int r = Math.max(0, row); r < Math.min(height, row + h); r++) {
            for (int c = Math.max(0, col); c < Math.min(width, col + w); c++) {
                put(c, r, " ", style);
            }
        }
    }

    /** A single-line frame with rounded corners. */
    void box(int col, int row, int w, int h, Element e) {
        if (w < 2 || h < 2) {
            return;
        }
        String top = "╭" + "─".repeat(w - 2) + "╮";
        String bottom = "╰" + "─".repeat(w - 2) + "╯";
        text(col, row, top, e, w);
        text(col, row + h - 1, bottom, e, w);
        for (int r = row + 1; r < row + h - 1; r++) {
            text(col, r, "│", e, 1);
            text(col + w - 1, r, "│", e, 1);
        }
    }

    private void put(int col, int row, String ch, Theme.Style style) {
        if (col < 0 || row < 0 || col >= width || row >= height) {
            return;
        }
        int i = row * width + col;
        next.chars[i] = ch;
        next.styles[i] = style;
    }

    /**
     * Sends the frame to Lanterna's back buffer: the cells that changed since the last frame
     * (every cell when there was none). Returns the grid to compare the next frame with.
     */
    Grid commit() {
        for (int i = 0; i < next.chars.length; i++) {
            String ch = next.chars[i];
            Theme.Style st = next.styles[i];
            if (ch == null) {
                ch = " ";
                st = theme.style(Element.SCREEN);
                next.chars[i] = ch;
                next.styles[i] = st;
            }
            if (ch.isEmpty()) {
                continue;  // the right half of a wide character: Lanterna keeps it with the left
            }
            if (last != null && ch.equals(last.chars[i]) && st == last.styles[i]) {
                continue;
            }
            g.setCharacter(i % width, i / width, character(ch, st));
        }
        return next;
    }

    private static TextCharacter character(String ch, Theme.Style st) {
        Set<SGR> mods = st.modifiers();
        EnumSet<SGR> sgr = mods.isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(mods);
        TextCharacter[] cs = TextCharacter.fromString(ch, st.fg(), st.bg(), sgr);
        return cs.length == 0 ? TextCharacter.fromCharacter(' ', st.fg(), st.bg())[0] : cs[0];
    }
}
