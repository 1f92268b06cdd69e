package dev.wgtui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the demo dashboard in a theme and saves the virtual terminal as a PNG, to look at the
 * colours: {@code ScreenshotPng THEME KEYS OUT.png [light]}. A development aid, not a test.
 */
public final class ScreenshotPng {

    private ScreenshotPng() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Theme theme = Theme.load(args[0]);
        boolean lightTerminal = args.length > 3 && args[3].equals("light");
        Path dir = Files.createTempDirectory("wgtui-shot-");
        ScreenDriver s = new ScreenDriver(DemoCluster.live(dir).session, theme, 120, 35, Runnable::run,
                Dashboard.NO_COMMANDS).start();
        s.type(args[1].replace("\\n", "\n"));
        Color defaultFg = lightTerminal ? new Color(0x24, 0x29, 0x2f) : new Color(0xd0, 0xd0, 0xd0);
        Color defaultBg = lightTerminal ? new Color(0xff, 0xff, 0xff) : new Color(0x1c, 0x1c, 0x1c);
        int cw = 9;
        int ch = 18;
        BufferedImage img = new BufferedImage(120 * cw, 35 * ch, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Font plain = new Font("DejaVu Sans Mono", Font.PLAIN, 15);
        Font bold = plain.deriveFont(Font.BOLD);
        for (int r = 0; r < 35; r++) {
            for (int c = 0; c < 120; c++) {
                TextCharacter t = s.cell(c, r);
                Color fg = colour(t.getForegroundColor(), defaultFg, t.isBold());
                Color bg = colour(t.getBackgroundColor(), defaultBg, false);
                if (t.getModifiers().contains(SGR.REVERSE)) {
                    Color x = fg;
                    fg = bg;
                    bg = x;
                }
                g.setColor(bg);
                g.fillRect(c * cw, r * ch, cw, ch);
                g.setColor(fg);
                g.setFont(t.isBold() ? bold : plain);
                g.drawString(t.getCharacterString(), c * cw, r * ch + 14);
                if (t.isUnderlined()) {
                    g.drawLine(c * cw, r * ch + 16, c * cw + cw - 1, r * ch + 16);
                }
            }
        }
        ImageIO.write(img, "png", new File(args[2]));
    }

    private static Color colour(TextColor c, Color dflt, boolean bold) {
        if (c == TextColor.ANSI.DEFAULT) {
            return dflt;
        }
        return c.toColor();
    }
}
