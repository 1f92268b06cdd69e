package dev.wgtui.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How output looks where it goes: ASCII markers when the locale is not UTF-8; diffs and
 * verdicts coloured on a terminal in the theme's colours, never when piped, with NO_COLOR, on
 * a dumb terminal or as JSON; names from files escaped.
 */
class OutputStyleTest {

    static final String ESC = "\033";

    @TempDir
    Path dir;
    LocalFiles files;

    @BeforeEach
    void copySample() throws IOException {
        files = LocalFiles.copyDemo(dir);
    }

    private static Environment env(boolean terminal, String... pairs) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put(pairs[i], pairs[i + 1]);
        }
        return new Environment(vars, terminal);
    }

    @Test
    void asciiMarkersAndKeysWhenTheLocaleIsNotUtf8() {
        for (Environment e : new Environment[]{env(false, "LC_ALL", "C"), env(false), env(false, "LANG", "en_US.ISO-8859-1"),
                env(false, "LC_ALL", "POSIX", "LANG", "C.UTF-8"), env(false, "LC_CTYPE", "C", "LANG", "en_US.UTF-8")}) {
            CliRun r = CliRun.run(e, files.args("status"));
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).as(e.toString()).containsPattern("s2204\\s+= ok\\s+10\\.0\\.0\\.4\\s+URQNck8Q\\.\\.\\.")
                    .containsPattern("cm4\\s+~ changed").containsPattern("old-laptop\\s+\\? extra");
            assertThat(r.out().chars().allMatch(c -> c < 0x80)).as(r.out()).isTrue();
            CliRun v = CliRun.run(e, files.args("validate"));
            assertThat(v.out()).contains("X cm4: file has another public key");
            assertThat(v.out().chars().allMatch(c -> c < 0x80)).isTrue();
        }
        for (Environment e : new Environment[]{env(false, "LANG", "C.UTF-8"), env(false, "LC_ALL", "de_DE.utf8"),
                env(false, "LC_CTYPE", "en_US.UTF-8", "LANG", "C")}) {
            assertThat(CliRun.run(e, files.args("status")).out()).as(e.toString()).containsPattern("s2204\\s+✓ ok")
                    .contains("URQNck8Q…");
        }
    }

    @Test
    void jsonIsAsciiAndExactWhateverTheLocale() throws IOException {
        // s2204's AllowedIPs on the hub differ from the inventory: "AllowedIPs 10.0.0.99/32 → 10.0.0.4/32"
        Files.writeString(files.conf(), Files.readString(files.conf()).replace("AllowedIPs = 10.0.0.4/32",
                "AllowedIPs = 10.0.0.99/32"));
        CliRun r = CliRun.run(env(false, "LC_ALL", "C"), files.args("--json", "status"));
        assertThat(r.out()).contains("AllowedIPs 10.0.0.99/32 \\u2192 10.0.0.4/32");
        assertThat(r.out().chars().allMatch(c -> c < 0x80)).isTrue();
    }

    @Test
    void diffsAreColouredOnATerminal() {
        CliRun r = CliRun.run(env(true, "LANG", "C.UTF-8", "TERM", "xterm-256color"), files.args("diff", "all"));
        assertThat(r.exitCode()).isZero();
        // the default theme: diff.add green, diff.remove red, hunks cyan (bold), file headers bold
        assertThat(r.out()).containsPattern(ESC + "\\[[0-9;]*32m\\+# k8s-proxy" + ESC + "\\[0m")
                .containsPattern(ESC + "\\[[0-9;]*31m-PublicKey = UHvBNQ")
                .containsPattern(ESC + "\\[[0-9;]*m@@ ")
                .contains(" AllowedIPs = 10.0.0.3/32\n");
        assertThat(r.out().lines().filter(l -> l.startsWith(" ")).noneMatch(l -> l.contains(ESC))).isTrue();
    }

    @Test
    void neverColouredWhenPipedWithNoColorOnADumbTerminalOrAsJson() {
        for (Environment e : new Environment[]{env(false, "LANG", "C.UTF-8", "TERM", "xterm"),
                env(true, "LANG", "C.UTF-8", "TERM", "xterm", "NO_COLOR", "1"), env(true, "LANG", "C.UTF-8", "TERM", "dumb"),
                env(true, "LANG", "C.UTF-8")}) {
            CliRun r = CliRun.run(e, files.args("diff", "all"));
            assertThat(r.out()).as(e.toString()).contains("+# k8s-proxy").doesNotContain(ESC);
        }
        CliRun json = CliRun.run(env(true, "LANG", "C.UTF-8", "TERM", "xterm"), files.args("--json", "diff", "all"));
        assertThat(json.out()).doesNotContain(ESC).doesNotContain("\\u001b");
        // NO_COLOR set but empty does not count, as no-color.org says
        assertThat(CliRun.run(env(true, "LANG", "C.UTF-8", "TERM", "xterm", "NO_COLOR", ""), files.args("diff", "all")).out())
                .contains(ESC);
    }

    @Test
    void theThemesColoursAreUsedAs256ColoursUnlessTheTerminalSaysTruecolour() {
        String light256 = CliRun.run(env(true, "LANG", "C.UTF-8", "TERM", "xterm"), files.args("--theme", "light",
                "diff", "all")).out();
        String light24 = CliRun.run(env(true, "LANG", "C.UTF-8", "TERM", "xterm", "COLORTERM", "truecolor"),
                files.args("--theme", "light", "diff", "all")).out();
        assertThat(light256).containsPattern(ESC + "\\[([0-9]+;)*38;5;[0-9]+m\\+# k8s-proxy").doesNotContain("38;2;");
        assertThat(light24).containsPattern(ESC + "\\[([0-9]+;)*38;2;[0-9]+;[0-9]+;[0-9]+m\\+# k8s-proxy");
        // mono: no colour, only its styles (added lines bold)
        String mono = CliRun.run(env(true, "LANG", "C.UTF-8", "TERM", "xterm"), files.args("--theme", "mono", "diff",
                "all")).out();
        assertThat(mono).contains(ESC + "[1m+# k8s-proxy" + ESC + "[0m").doesNotContainPattern(ESC + "\\[[0-9;]*3[0-9]m");
        CliRun bad = CliRun.run(env(true, "LANG", "C.UTF-8", "TERM", "xterm"), files.args("--theme", "nosuch", "diff"));
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(bad.err()).contains("no theme by that name");
    }

    @Test
    void theNearest256ColourOfAnRgbColour() {
        assertThat(ThemeColours.nearest256(0, 0, 0)).isEqualTo(16);
        assertThat(ThemeColours.nearest256(255, 255, 255)).isEqualTo(231);
        assertThat(ThemeColours.nearest256(255, 0, 0)).isEqualTo(196);
        assertThat(ThemeColours.nearest256(128, 128, 128)).isEqualTo(244);
        assertThat(ThemeColours.nearest256(0x2e, 0x7d, 0x32)).isEqualTo(29);
        assertThat(ThemeColours.nearest256(0x30, 0x30, 0x36)).isEqualTo(236);
    }

    @Test
    void textFromTheHubsFileIsShownEscaped() throws IOException {
        // not a peer name (status calls the peer unnamed), but the comment is in every diff of that peer
        Files.writeString(files.conf(), Files.readString(files.conf()).replace("# old-laptop", "# old\033[2Jlaptop"));
        for (String[] args : new String[][]{{"status"}, {"validate"}, {"prune"}, {"diff", "all"}}) {
            CliRun r = CliRun.run(files.args(args));
            assertThat(r.out() + r.err()).as(String.join(" ", args)).doesNotContain(ESC);
        }
        assertThat(CliRun.run(files.args("prune")).out()).contains("\n-# old\\x1b[2Jlaptop\n");
        assertThat(CliRun.run(files.args("--json", "prune", "--yes")).out()).contains("# old\\u001b[2Jlaptop");
    }

    @Test
    void anErrorQuotingABadValueShowsItEscaped() throws IOException {
        // YAML's "\e" and "\a": an escape sequence that would set the terminal's title
        Files.writeString(files.inventory(), Files.readString(files.inventory()).replace("wireguard_ip: 10.0.0.4",
                "wireguard_ip: \"10.0.0.4\\e]0;owned\\a\""));
        CliRun r = CliRun.run(files.args("status"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).startsWith("wgtui: ").contains("\\x1b]0;owned").doesNotContain(ESC).doesNotContain("\007");
    }
}
