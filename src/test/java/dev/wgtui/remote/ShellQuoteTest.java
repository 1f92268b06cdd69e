package dev.wgtui.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quoted strings reach a real /bin/sh (and bash) as exactly one unchanged argument. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellQuoteTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "with space", "'", "''", "'\\''", "it's", "\"", "$HOME", "${IFS}",
            "$(touch /tmp/wgtui-pwned)", "`touch /tmp/wgtui-pwned`", "a;b", "a && b", "a|b", "*", "?", "[a]", "~",
            "\\", "\\'", "line\nbreak", "tab\there", "-n", "--", "!", "#comment", "%i", "é ü 🔑", "a'\"'\"'b"})
    void quotedValuesComeThroughUnchanged(String s) throws Exception {
        for (String shell : new String[]{"/bin/sh", "/bin/bash"}) {
            assertThat(echo(shell, ShellQuote.quote(s))).isEqualTo(s);
        }
    }

    @Test
    void randomStringsComeThroughUnchanged() throws Exception {
        Random r = new Random(42);
        String alphabet = "ab '\"\\$`;|&()<>*?[]{}~!#\n\t=%-";
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = r.nextInt(12); j > 0; j--) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            // one shell run for all 200: each printed between markers
            all.append("printf '<%s>' ").append(ShellQuote.quote(s.toString())).append('\n');
            all.append("#").append(i).append('\n');
            s.setLength(0);
        }
        r = new Random(42);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = r.nextInt(12); j > 0; j--) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            expected.append('<').append(s).append('>');
        }
        assertThat(run("/bin/sh", all.toString())).isEqualTo(expected.toString());
    }

    @Test
    void aWholeScriptQuotedTwiceStillRuns() throws Exception {
        String script = "x='it'\\''s'; printf '%s|' \"$x\" \"$1\"";
        String command = "sh -c " + ShellQuote.quote(script) + " sh " + ShellQuote.quote("a'b");

        assertThat(run("/bin/sh", command)).isEqualTo("it's|a'b|");
    }

    @Test
    void nulCannotBeQuoted() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String echo(String shell, String quoted) throws Exception {
        return run(shell, "printf '%s' " + quoted);
    }

    private static String run(String shell, String command) throws Exception {
        Process p = new ProcessBuilder(shell, "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
