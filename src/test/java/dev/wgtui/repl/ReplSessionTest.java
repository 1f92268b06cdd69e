package dev.wgtui.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell on the demo, typed line by line: the operator's flows as stories. */
class ReplSessionTest {

    @TempDir
    Path tmp;

    private static List<String> backupsIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".backup")).sorted().toList();
        }
    }

    @Test
    void selectDiffApplyBackupsRestore() throws IOException {
        String backup = "wg0.conf.20261126T031500Z.backup";
        try (ShellFixture shell = ShellFixture.demo(String.join("\n",
                "select cm4", "diff", "apply", "y", "backups", "restore " + backup, "y", "quit", ""))) {
            Path demo = shell.root.context().demoDir();
            String original = Files.readString(demo.resolve("wg0.conf"));

            assertThat(shell.repl.run()).isZero();

            String out = shell.output();
            assertThat(out).contains("wgtui k8s> ").contains("Selected: cm4 (1 of 3 workers)")
                    .contains("wgtui k8s [1 selected]> ");
            String diff = out.substring(out.indexOf("--- "), out.indexOf("Updated: cm4"));
            assertThat(diff.lines().filter(l -> l.matches("^[-+][^-+].*"))).hasSize(2)
                    .allMatch(l -> l.startsWith("-PublicKey = UHvBNQ") || l.startsWith("+PublicKey = OafIbE"));
            assertThat(out).doesNotContain("Added: k8s-proxy")
                    .contains("Apply this plan to k8s:").contains("; backup " + backup + ".").contains("Validation passed")
                    .contains(backup + "  2026-11-26 03:15:00 UTC  3")
                    .contains("Restore " + backup + " on k8s:" + demo.resolve("wg0.conf") + " (0 peer(s), 1 updated: updates cm4)? [y/N]");
            assertThat(Files.readString(demo.resolve("wg0.conf"))).isEqualTo(original);
            assertThat(backupsIn(demo)).hasSize(2).contains(backup);
        }
    }

    @Test
    void anythingButYesAtTheQuestionWritesNothing() throws IOException {
        try (ShellFixture shell = ShellFixture.demo("apply cm4\n\napply cm4\nnope\n")) {
            Path demo = shell.root.context().demoDir();
            String original = Files.readString(demo.resolve("wg0.conf"));
            shell.repl.run();
            assertThat(shell.output()).contains("not confirmed; nothing written");
            assertThat(Files.readString(demo.resolve("wg0.conf"))).isEqualTo(original);
            assertThat(backupsIn(demo)).isEmpty();
        }
    }

    @Test
    void errorsAreOneLineAndTheShellGoesOn() {
        try (ShellFixture shell = ShellFixture.demo("frobnicate\ndiff nosuchhost\ndiff\nrestore nope --yes\n"
                + "apply --bogus\nhelp nosuch\nselect\nstatus\n")) {
            shell.repl.run();
            List<String> errors = shell.output().lines().filter(l -> l.contains("wgtui: ")).toList();
            assertThat(errors).hasSize(6);
            assertThat(errors.get(0).strip()).endsWith("wgtui: unknown command 'frobnicate' (help lists the commands)");
            assertThat(errors.get(1)).contains("nosuchhost");
            assertThat(errors.get(2)).contains("no workers selected: select PATTERN first");
            assertThat(errors.get(3)).contains("no backup named");
            assertThat(errors.get(4).strip()).endsWith("wgtui: unknown option '--bogus' (help apply shows its options)");
            assertThat(errors.get(5)).contains("no command named 'nosuch'");
            assertThat(shell.output()).contains("Nothing selected (select PATTERN, e.g. select all).")
                    .contains("Hub k8s");
        }
    }

    @Test
    void ctrlDLeaves() {
        try (ShellFixture shell = ShellFixture.demo("select all\n\u0004status\n")) {
            assertThat(shell.repl.run()).isZero();
            assertThat(shell.output()).contains("Selected: cm4, s2204, k8s-proxy").doesNotContain("Hub k8s");
        }
    }

    @Test
    void historyIsKeptBetweenRuns() throws IOException {
        Path history = tmp.resolve("state/wgtui/history");
        try (ShellFixture first = ShellFixture.demo("select cm4\nstatus\nquit\n", history)) {
            first.repl.run();
        }
        assertThat(Files.readAllLines(history)).hasSize(3)
                .anyMatch(l -> l.endsWith("select cm4")).anyMatch(l -> l.endsWith("status"));
        // Ctrl-P twice: back to "status", then to "select cm4"
        try (ShellFixture second = ShellFixture.demo("\u0010\u0010\n", history)) {
            assertThat(second.readLine()).isEqualTo("status");
        }
    }

    @Test
    void historyFileFollowsXdgStateHome() {
        assertThat(Repl.historyFile(java.util.Map.of("XDG_STATE_HOME", "/var/state")))
                .isEqualTo(Path.of("/var/state/wgtui/history"));
        assertThat(Repl.historyFile(java.util.Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local/state/wgtui/history"));
        assertThat(Repl.historyFile(java.util.Map.of("XDG_STATE_HOME", "relative")))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local/state/wgtui/history"));
    }

    @Test
    void optionsGivenToTheShellHoldForEveryLineAndALinesOwnOptionsOnlyForIt() {
        try (ShellFixture shell = ShellFixture.demo("", null, "--json")) {
            CommandRunner runner = shell.repl.runner();
            assertThat(runner.run("status").strip()).startsWith("{\"hub\":\"k8s\"");
            assertThat(runner.run("backups").strip()).isEqualTo("[]");
        }
        try (ShellFixture shell = ShellFixture.demo("")) {
            CommandRunner runner = shell.repl.runner();
            assertThat(runner.run("status --json").strip()).startsWith("{\"hub\":\"k8s\"");
            assertThat(runner.run("status")).startsWith("Hub k8s");
        }
    }

    @Test
    void aWriteShowsThePlanAndTheNamedPeersBeforeTheQuestion() {
        try (ShellFixture shell = ShellFixture.demo("apply all\nn\nprune\nn\n")) {
            shell.repl.run();
            String out = shell.output();
            int diff = out.indexOf("+# k8s-proxy");
            int summary = out.indexOf("Added: k8s-proxy");
            int question = out.indexOf("Apply this plan to k8s:");
            assertThat(diff).isPositive().isLessThan(summary);
            assertThat(summary).isLessThan(question);
            assertThat(out.substring(question)).startsWith("Apply this plan to k8s:"
                    + shell.root.context().demoDir().resolve("wg0.conf") + " (+1 peer(s), 1 updated: adds k8s-proxy; "
                    + "updates cm4)? [y/N]");
            int removed = out.indexOf("Removed: old-laptop");
            assertThat(removed).isGreaterThan(question);
            assertThat(out.indexOf("(-1 peer(s): removes old-laptop)? [y/N]")).isGreaterThan(removed);
        }
    }

    @Test
    void theShellWorksOnADumbTerminal() throws IOException {
        try (ShellFixture shell = ShellFixture.demoOn("dumb", dev.wgtui.cli.Environment.plain(),
                "select cm4\ndiff\napply\ny\nstatus\nquit\n")) {
            Path demo = shell.root.context().demoDir();
            assertThat(shell.repl.run()).isZero();
            String out = shell.output();
            assertThat(out).contains("wgtui k8s> ").contains("Selected: cm4 (1 of 3 workers)")
                    .contains("wgtui k8s [1 selected]> ").contains("+PublicKey = OafIbE").contains("Applied to k8s:")
                    .containsPattern("cm4\\s+✓ ok").doesNotContain("\033");
            assertThat(backupsIn(demo)).hasSize(1);
        }
    }

    @Test
    void diffsAreColouredInAShellOnATerminalButNotOnADumbOne() {
        dev.wgtui.cli.Environment terminal = new dev.wgtui.cli.Environment(
                java.util.Map.of("LANG", "C.UTF-8", "TERM", "xterm"), true);
        try (ShellFixture shell = ShellFixture.demoOn("xterm", terminal, "diff cm4\n")) {
            shell.repl.run();
            assertThat(shell.output()).containsPattern("\033\\[[0-9;]*31m-PublicKey = UHvBNQ");
        }
        try (ShellFixture shell = ShellFixture.demoOn("dumb", terminal, "diff cm4\n")) {
            shell.repl.run();
            assertThat(shell.output()).contains("-PublicKey = UHvBNQ").doesNotContain("\033[");
        }
    }

    @Test
    void asciiMarkersInTheShellWhenTheLocaleIsNotUtf8() {
        dev.wgtui.cli.Environment c = new dev.wgtui.cli.Environment(java.util.Map.of("LC_ALL", "C"), false);
        try (ShellFixture shell = ShellFixture.demoOn("dumb", c, "status\nvalidate\n")) {
            shell.repl.run();
            assertThat(shell.output()).containsPattern("s2204\\s+= ok").contains("X cm4: file has another public key")
                    .doesNotContain("✓").doesNotContain("…");
        }
    }
}
