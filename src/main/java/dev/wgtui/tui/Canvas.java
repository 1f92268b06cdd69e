package dev.wgtui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.wgtui.tui.Theme.Element;

import java.util.EnumSet;

/** Drawing on the screen's back buffer in theme elements, clipped to the screen. */
final class Canvas {

    private final TextGraphics g;
    private final Theme theme;
    /** False where the locale is not UTF-8: everything drawn goes through {@link Ascii}. */
    final boolean unicode;
    final int width;
    final int height;

    Canvas(TextGraphics g, Theme theme, boolean unicode) {
        this.g = g;
        this.theme = theme;
        this.unicode = unicode;
        this.width = g.getSize().getColumns();
        this.height = g.getSize().getRows();
    }

    private void use(Element e) {
        Theme.Style s = theme.style(e);
        g.setForegroundColor(s.fg());
        g.setBackgroundColor(s.bg());
        g.setModifiers(s.modifiers().isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(s.modifiers()));
    }

    static int width(String s) {
        return TerminalTextUtils.getColumnWidth(s);
    }

    /** {@code s} cut to {@code max} columns, ending in an ellipsis when cut. */
    static String fit(String s, int max) {
        if (max <= 0) {
            return "";
        }
        if (width(s) <= max) {
            return s;
        }
        return TerminalTextUtils.fitString(s, max - 1) + "…";
    }

    /** {@link #fit}, in ASCII where the terminal is not UTF-8. */
    String fitted(String s, int max) {
        return fit(unicode ? s : Ascii.of(s), max);
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
        use(e);
        g.putString(col, row, f);
        return width(f);
    }

    void fill(int col, int row, int w, int h, Element e) {
        if (w <= 0 || h <= 0) {
            return;
        }
        use(e);
        g.fillRectangle(new TerminalPosition(col, row), new TerminalSize(w, h), ' ');
    }

    /** A single-line frame with rounded corners. */
    void box(int col, int row, int w, int h, Element e) {
        if (w < 2 || h < 2) {
            return;
        }
        use(e);
        String top = "╭" + "─".repeat(w - 2) + "╮";
        String bottom = "╰" + "─".repeat(w - 2) + "╯";
        String side = "│";
        if (!unicode) {
            top = Ascii.of(top);
            bottom = Ascii.of(bottom);
            side = Ascii.of(side);
        }
        g.putString(col, row, top);
        g.putString(col, row + h - 1, bottom);
        for (int r = row + 1; r < row + h - 1; r++) {
            g.putString(col, r, side);
            g.putString(col + w - 1, r, side);
        }
    }
}
