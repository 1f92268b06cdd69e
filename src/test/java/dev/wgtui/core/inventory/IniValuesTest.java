package dev.wgtui.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** How INI host lines split into words and how their values read, as Python's shlex and literal_eval do. */
class IniValuesTest {

    @Test
    void wordsSplitOnBlanksAndKeepQuotedText() {
        assertThat(ShellWords.split("cm4  a=1\tb='x y' c=\"p \\\"q\\\" \\\\ r\""))
                .containsExactly("cm4", "a=1", "b=x y", "c=p \"q\" \\ r");
    }

    @Test
    void singleQuotesKeepBackslashesAndBareBackslashesEscape() {
        assertThat(ShellWords.split("a='x\\y' b=x\\ y c=\"\\n\"")).containsExactly("a=x\\y", "b=x y", "c=\\n");
    }

    @Test
    void aHashOutsideQuotesEndsTheLine() {
        assertThat(ShellWords.split("cm4 a=1 # note")).containsExactly("cm4", "a=1");
        assertThat(ShellWords.split("cm4 a=b#c")).containsExactly("cm4", "a=b");
        assertThat(ShellWords.split("cm4 a='b#c'")).containsExactly("cm4", "a=b#c");
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertThat(ShellWords.split("cm4 a='' ''")).containsExactly("cm4", "a=", "");
    }

    @Test
    void openQuotesAndTrailingEscapesAreErrors() {
        assertThatThrownBy(() -> ShellWords.split("cm4 a='x")).hasMessage("a quote is not closed");
        assertThatThrownBy(() -> ShellWords.split("cm4 a=x\\")).hasMessage("the line ends in an escape (\\)");
    }

    @Test
    void numbersBecomeNumbers() {
        assertThat(PythonLiteral.parse("51820")).isEqualTo(51820);
        assertThat(PythonLiteral.parse("-5")).isEqualTo(-5);
        assertThat(PythonLiteral.parse("1_000")).isEqualTo(1000);
        assertThat(PythonLiteral.parse("0")).isEqualTo(0);
        assertThat(PythonLiteral.parse("9999999999")).isEqualTo(9_999_999_999L);
        assertThat(PythonLiteral.parse("99999999999999999999")).isEqualTo(new BigInteger("99999999999999999999"));
        assertThat(PythonLiteral.parse("1.5")).isEqualTo(1.5);
        assertThat(PythonLiteral.parse("1e3")).isEqualTo(1000.0);
    }

    @Test
    void pythonConstantsBecomeValues() {
        assertThat(PythonLiteral.parse("True")).isEqualTo(true);
        assertThat(PythonLiteral.parse("False")).isEqualTo(false);
        assertThat(PythonLiteral.parse("None")).isNull();
    }

    @Test
    void quotedStringsLoseTheirQuotes() {
        assertThat(PythonLiteral.parse("'wg0'")).isEqualTo("wg0");
        assertThat(PythonLiteral.parse("\"a\\tb\"")).isEqualTo("a\tb");
        assertThat(PythonLiteral.parse("\"it's\"")).isEqualTo("it's");
    }

    @Test
    void everythingElseStaysText() {
        assertThat(PythonLiteral.parse("true")).isEqualTo("true");
        assertThat(PythonLiteral.parse("yes")).isEqualTo("yes");
        assertThat(PythonLiteral.parse("10.0.0.3")).isEqualTo("10.0.0.3");
        assertThat(PythonLiteral.parse("007")).isEqualTo("007");
        assertThat(PythonLiteral.parse("'a' 'b'")).isEqualTo("'a' 'b'");
        assertThat(PythonLiteral.parse("\"open")).isEqualTo("\"open");
        assertThat(PythonLiteral.parse("\"a\\\"")).isEqualTo("\"a\\\"");
        assertThat(PythonLiteral.parse("[1, 2]")).isEqualTo("[1, 2]");
        assertThat(PythonLiteral.parse("")).isEqualTo("");
    }
}
