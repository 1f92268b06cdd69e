package dev.wgtui.core.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrintableTest {

    @Test
    void plainAndNonAsciiNamesAreUnchanged() {
        assertThat(Printable.of("cm4")).isEqualTo("cm4");
        assertThat(Printable.of("Клиент 1")).isEqualTo("Клиент 1");
        assertThat(Printable.of("phone 📱")).isEqualTo("phone 📱");
        assertThat(Printable.of(null)).isNull();
    }

    @Test
    void escapeSequencesAndControlsAreShownEscaped() {
        assertThat(Printable.of("cm4\u001b[2J\u001b]0;owned\u0007")).isEqualTo("cm4\\x1b[2J\\x1b]0;owned\\x07");
        assertThat(Printable.of("a\rb\nc\td")).isEqualTo("a\\x0db\\x0ac\\x09d");
        assertThat(Printable.of("del\u007f c1\u009b")).isEqualTo("del\\x7f c1\\x9b");
    }

    @Test
    void invisibleReorderingCharactersAreShownEscaped() {
        assertThat(Printable.of("adm\u202enim")).isEqualTo("adm<U+202E>nim");
        assertThat(Printable.of("zero\u200bwidth\ufeff")).isEqualTo("zero<U+200B>width<U+FEFF>");
        assertThat(Printable.of("tag\udb40\udc41")).isEqualTo("tag<U+E0041>");
    }

    @Test
    void isSafeAgreesWithOf() {
        for (String s : new String[] {"cm4", "a\u0000", "x\u2066y", "ok 😀", "\u00a0nbsp"}) {
            assertThat(Printable.isSafe(s)).as(s).isEqualTo(Printable.of(s).equals(s));
        }
    }
}
