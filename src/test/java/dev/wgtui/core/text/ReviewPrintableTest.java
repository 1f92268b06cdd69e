package dev.wgtui.core.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adversarial review (issue 8 item 11): Printable escapes a hand-picked list of invisible
 * characters; others that reorder or hide text get through. See REVIEW.md F9.
 */
class ReviewPrintableTest {

    /**
     * REVIEW F9 (medium): U+061C ARABIC LETTER MARK is one of Unicode's Bidi_Control characters
     * (with U+200E/F, U+202A-E, U+2066-9, which are escaped); U+00AD, U+180E and U+206A-F are
     * invisible format characters (category Cf) like the zero-width ones that are escaped;
     * U+2028/U+2029 end a line. Each lets two different names look alike, or text move. Fails
     * today for every one of them.
     */
    @ParameterizedTest
    @ValueSource(ints = {0x061C, 0x00AD, 0x180E, 0x206A, 0x206F, 0x2028, 0x2029, 0xFFF9})
    void everyInvisibleOrReorderingCharacterIsEscaped(int cp) {
        String name = "cm" + new String(Character.toChars(cp)) + "4";
        assertThat(Printable.of(name)).isNotEqualTo(name).doesNotContain(new String(Character.toChars(cp)));
    }
}
