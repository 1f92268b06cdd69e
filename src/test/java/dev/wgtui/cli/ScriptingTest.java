package dev.wgtui.cli;

import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.session.PeerHealth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a script relies on: exit codes, help, and errors that say what was meant. */
class ScriptingTest {

    @TempDir
    Path dir;
    LocalFiles files;

    @BeforeEach
    void copySample() throws IOException {
        files = LocalFiles.copyDemo(dir);
    }

    @Test
    void helpExitsZeroAndShowsTheUsage() {
        CliRun r = CliRun.run("help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: wgtui ").contains("Commands:").contains("  shell ");
        CliRun diff = CliRun.run("help", "diff");
        assertThat(diff.exitCode()).isZero();
        assertThat(diff.out()).startsWith("Usage: wgtui diff").contains("--exit-code");
    }

    @Test
    void aMistypedCommandGetsTheClosestOne() {
        CliRun r = CliRun.run("--demo", "stauts");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).isEqualTo("wgtui: unknown command 'stauts'; did you mean status?\n"
                + "Try 'wgtui --help' for more information.\n");
        assertThat(CliRun.run("vaildate").err()).startsWith("wgtui: unknown command 'vaildate'; did you mean validate?");
        assertThat(CliRun.run("frobnicate").err()).startsWith("wgtui: unknown command 'frobnicate'\n");
        assertThat(CliRun.run("help", "stauts").err()).isEqualTo(
                "wgtui: no command named 'stauts'; did you mean status? (wgtui help lists them)\n");
        assertThat(CliRun.run("--demo", "diff", "--exit-cod").err())
                .startsWith("wgtui: unknown option '--exit-cod'; did you mean --exit-code?");
    }

    @Test
    void aMistypedHostGetsTheClosestNamesOfTheInventory() throws IOException {
        CliRun r = CliRun.run(files.args("diff", "cm44"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).isEqualTo("wgtui: no host matches 'cm44' in inventory.yml; did you mean cm4?\n");
        assertThat(CliRun.run(files.args("apply", "s2204,k8s-prxy", "--yes")).err())
                .isEqualTo("wgtui: no host matches 'k8s-prxy' in inventory.yml; did you mean k8s-proxy?\n");
        assertThat(CliRun.run(files.args("diff", "workrs")).err()).contains("did you mean workers?");
        assertThat(CliRun.run(files.args("diff", "zzzzzz")).err())
                .isEqualTo("wgtui: no host matches 'zzzzzz' in inventory.yml\n");
        assertThat(files.backups()).isEmpty();
    }

    @Test
    void closestNamesAllowOneTypoPerThreeLetters() {
        List<String> names = List.of("status", "diff", "apply", "validate", "backups", "restore", "prune", "drift");
        assertThat(Suggestions.closest("stauts", names)).containsExactly("status");
        assertThat(Suggestions.closest("dif", names)).containsExactly("diff");
        assertThat(Suggestions.closest("drfit", names)).containsExactly("drift");
        assertThat(Suggestions.closest("x", names)).isEmpty();
        assertThat(Suggestions.closest("res", names)).containsExactly("restore");
        assertThat(Suggestions.didYouMean(List.of("a", "b", "c"))).isEqualTo("; did you mean a, b or c?");
    }

    @Test
    void diffExitCodeIsOneWhenSomethingWouldChange() {
        CliRun changes = CliRun.run(files.args("diff", "--exit-code", "cm4"));
        assertThat(changes.exitCode()).isEqualTo(1);
        assertThat(CliRun.run(files.args("diff", "cm4")).exitCode()).isZero();
        assertThat(CliRun.run(files.args("--json", "diff", "--exit-code", "cm4")).exitCode()).isEqualTo(1);
        assertThat(CliRun.run(files.args("apply", "cm4", "--yes")).exitCode()).isZero();
        assertThat(CliRun.run(files.args("diff", "--exit-code", "cm4")).exitCode()).isZero();
        assertThat(CliRun.run(files.args("diff", "--exit-code", "s2204")).exitCode()).isZero();
    }

    @Test
    void staleAfterTakesSecondsOrUnits() {
        HealthCommand.Duration d = new HealthCommand.Duration();
        assertThat(d.convert("180")).isEqualTo(180);
        assertThat(d.convert("90s")).isEqualTo(90);
        assertThat(d.convert("3m")).isEqualTo(LiveState.STALE_AFTER_SECONDS);
        assertThat(d.convert("1h30m")).isEqualTo(5400);
        assertThat(d.convert("1d")).isEqualTo(86400);
        for (String bad : List.of("", "m", "3x", "-5", "3m10", "1.5m")) {
            assertThatThrownBy(() -> d.convert(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a duration");
        }
        assertThat(CliRun.run(files.args("health", "--stale-after", "soon")).err())
                .contains("'soon' is not a duration");
    }

    @Test
    void healthLeadsWithTheVerdictAndListsOnlyStalePeersUnderTheThreshold() {
        List<PeerHealth> peers = List.of(
                new PeerHealth("cm4", "10.0.0.3", Optional.of(20L), false, Optional.empty(), ""),
                new PeerHealth("s2204", "10.0.0.4", Optional.of(200L), true, Optional.empty(), ""),
                new PeerHealth("k8s-proxy", "10.0.0.21", Optional.empty(), true, Optional.empty(), "no handshake yet"));
        String text = TextViews.health(peers, true, 180, false, Style.PLAIN);
        assertThat(text.lines().toList()).containsExactly(
                "Health FAILED: 3 peer(s), 1 fresh, 2 stale (no handshake in 3m00s)",
                "NAME       ADDRESS    HANDSHAKE  STATE  PING  DETAIL",
                "s2204      10.0.0.4   3m20s      stale  -",
                "k8s-proxy  10.0.0.21  never      stale  -     no handshake yet");
        assertThat(TextViews.health(peers, true, 300, false, Style.PLAIN)).startsWith(
                "Health FAILED: 3 peer(s), 2 fresh, 1 stale (no handshake in 5m00s)\n").doesNotContain("s2204");
        assertThat(TextViews.health(peers.subList(0, 1), true, 180, false, Style.PLAIN))
                .isEqualTo("Health ok: 1 peer(s), 1 fresh, 0 stale (no handshake in 3m00s)\n");
        assertThat(TextViews.health(peers, true, 180, true, Style.PLAIN)).contains("\ncm4 ");
    }

    @Test
    void theExitCodesAreDocumentedOnce() {
        String help = CliRun.run("--help").out();
        assertThat(help).contains("drift or health: the hub's interface is not running")
                .contains("diff --exit-code: something would change");
    }
}
