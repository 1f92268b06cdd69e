package dev.wgtui.tui;

import com.googlecode.lanterna.TextColor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the environment says the terminal can show: UTF-8, a full screen, how many colours. */
class TerminalsTest {

    private static java.util.function.Function<String, String> env(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m::get;
    }

    @Test
    void theLocaleDecidesUtf8AsTerminalsDo() {
        assertThat(Terminals.unicode(env("LANG", "en_US.UTF-8"))).isTrue();
        assertThat(Terminals.unicode(env("LC_ALL", "C", "LANG", "en_US.UTF-8"))).as("LC_ALL wins").isFalse();
        assertThat(Terminals.unicode(env("LC_CTYPE", "C.utf8", "LANG", "C"))).isTrue();
        assertThat(Terminals.unicode(env())).as("no locale: C").isFalse();
    }

    @Test
    void dumbTerminalsGetTheLineMode() {
        assertThat(Terminals.fullScreen(env("TERM", "dumb"))).isFalse();
        assertThat(Terminals.fullScreen(env())).isFalse();
        assertThat(Terminals.fullScreen(env("TERM", "xterm-256color"))).isTrue();
    }

    @Test
    void everyShippedThemeComesDownTo256And16Colours() throws Exception {
        assertThat(Terminals.colours(env("TERM", "xterm-256color"))).isEqualTo(Terminals.Colours.INDEXED_256);
        assertThat(Terminals.colours(env("TERM", "xterm", "COLORTERM", "truecolor")))
                .isEqualTo(Terminals.Colours.TRUE_COLOUR);
        assertThat(Terminals.colours(env("TERM", "linux"))).isEqualTo(Terminals.Colours.ANSI_16);
        for (String name : Theme.BUNDLED) {
            Theme t = Theme.load(name, k -> null, Path.of("."));
            Theme indexed = t.forColours(Terminals.Colours.INDEXED_256);
            Theme ansi = t.forColours(Terminals.Colours.ANSI_16);
            for (Theme.Element e : Theme.Element.values()) {
                assertThat(indexed.style(e).fg()).isNotInstanceOf(TextColor.RGB.class);
                assertThat(indexed.style(e).bg()).isNotInstanceOf(TextColor.RGB.class);
                assertThat(ansi.style(e).fg()).as(name + " " + e).isInstanceOf(TextColor.ANSI.class);
                assertThat(ansi.style(e).bg()).as(name + " " + e).isInstanceOf(TextColor.ANSI.class);
            }
        }
        Theme light = Theme.load("light", k -> null, Path.of("."));
        assertThat(light.forColours(Terminals.Colours.ANSI_16).style(Theme.Element.TABLE_CURSOR).bg())
                .as("#0969da is a blue").isIn(TextColor.ANSI.BLUE, TextColor.ANSI.BLUE_BRIGHT);
    }
}
