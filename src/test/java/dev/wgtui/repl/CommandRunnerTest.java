package dev.wgtui.repl;

import dev.wgtui.cli.WgtuiCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's ':' line: one line in, its output out, on the session the dashboard shows. */
class CommandRunnerTest {

    WgtuiCommand root;
    List<String> asked = new ArrayList<>();
    CommandRunner runner;

    @BeforeEach
    void demo() {
        root = new WgtuiCommand(ShellFixture.CLOCK, q -> false);
        WgtuiCommand.commandLine(root).parseArgs("--demo");
        runner = new CommandRunner(root, q -> {
            asked.add(q);
            return true;
        });
    }

    @AfterEach
    void close() {
        root.context().close();
    }

    @Test
    void selectionIsTheSessionsSoTheDashboardSeesIt() throws Exception {
        assertThat(runner.run("select cm4 s2204")).isEqualTo("Selected: cm4, s2204 (2 of 3 workers)\n");
        assertThat(root.context().session().selectedWorkers()).containsExactly("cm4", "s2204");
        root.context().session().toggle("s2204");
        assertThat(runner.run("select")).isEqualTo("Selected: cm4 (1 of 3 workers)\n");
        assertThat(runner.run("select --none")).startsWith("Nothing selected");
    }

    @Test
    void applyAsksThroughTheRunnersConfirmationAndApplies() throws Exception {
        String out = runner.run("apply cm4");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).startsWith("Apply this plan to k8s:");
        assertThat(out).contains("Applied to k8s:").contains("; backup wg0.conf.20261126T031500Z.backup.");
        // apply PATTERN acts on the pattern; only select (and space/a) change the selection
        assertThat(root.context().session().selectedWorkers()).isEmpty();
    }

    @Test
    void diffWithAPatternLeavesTheSelectionAsItWas() throws Exception {
        runner.run("select s2204");
        assertThat(runner.run("diff k8s-proxy")).contains("Added: k8s-proxy");
        assertThat(root.context().session().selectedWorkers()).containsExactly("s2204");
    }

    @Test
    void withNoPatternDiffWorksOnTheSelection() {
        runner.run("select k8s-proxy");
        String out = runner.run("preview");
        assertThat(out).contains("Added: k8s-proxy").doesNotContain("Updated: cm4");
    }

    @Test
    void quitIsReportedNotExecuted() {
        CommandRunner.Outcome outcome = runner.execute("exit", new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        assertThat(outcome.quit()).isTrue();
        assertThat(outcome.exitCode()).isZero();
    }

    @Test
    void quotesAreTheShells() {
        assertThat(runner.run("select 'workers:!cm4'")).isEqualTo("Selected: s2204, k8s-proxy (2 of 3 workers)\n");
        assertThat(runner.run("select \"s*\"")).isEqualTo("Selected: s2204 (1 of 3 workers)\n");
        assertThat(runner.run("select 'unclosed")).startsWith("wgtui: ");
    }

    @Test
    void theShellOnlyHasCommandsThatMakeSenseInIt() {
        assertThat(runner.commands()).extracting(c -> c.getCommandName())
                .contains("status", "diff", "apply", "validate", "backups", "restore", "prune", "health", "drift",
                        "select", "help", "quit")
                .doesNotContain("shell", "__complete");
        assertThat(runner.run("shell")).isEqualTo("wgtui: unknown command 'shell' (help lists the commands)\n");
    }

    @Test
    void helpListsTheCommandsAndShowsOnesUsage() {
        assertThat(runner.run("help")).contains("status, peers").contains("diff, preview").contains("quit, exit")
                .contains("select ");
        assertThat(runner.run("help restore")).startsWith("Usage: wgtui restore").contains("--diff");
        assertThat(runner.run("apply --help")).startsWith("Usage: wgtui apply");
    }

    @Test
    void aHostThatIsNotAWorkerIsMentionedOnlyWhenNamed() {
        assertThat(runner.run("select k8s cm4")).isEqualTo("wgtui: not workers, ignored: k8s\nSelected: cm4 (1 of 3 workers)\n");
        assertThat(runner.run("select all")).isEqualTo("Selected: cm4, s2204, k8s-proxy (3 of 3 workers)\n");
    }

    @Test
    void qQuitsSoColonQLeavesTheDashboard() {
        CommandRunner.Outcome outcome = runner.execute("q", new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        assertThat(outcome.quit()).isTrue();
        assertThat(outcome.exitCode()).isZero();
    }

    @Test
    void anOptionOfTheWholeSessionIsRefusedOnALineNotQuietlyIgnored() {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter w = new java.io.PrintWriter(text, true);
        CommandRunner.Outcome outcome = runner.execute("status --inventory /nonexistent.yml", w, w);
        assertThat(outcome.exitCode()).isEqualTo(dev.wgtui.cli.ExitCode.USAGE.code());
        assertThat(text.toString()).isEqualTo("wgtui: --inventory is set for the whole session when it starts "
                + "(wgtui --inventory ... shell); a line cannot change it (help status shows its options)\n");
        assertThat(runner.run("status -i other.yml")).startsWith("wgtui: -i is set for the whole session");
        assertThat(runner.run("diff cm4 --demo")).startsWith("wgtui: --demo is set for the whole session when it starts "
                + "(wgtui --demo shell)");
        assertThat(runner.run("apply --local=/tmp/x.conf cm4")).startsWith("wgtui: --local is set for the whole session");
        assertThat(runner.run("status --theme light")).startsWith("wgtui: --theme is set for the whole session");
        assertThat(asked).isEmpty();
        // what a line may give still works
        assertThat(runner.run("status --json")).startsWith("{\"hub\":\"k8s\"");
    }

    @Test
    void helpSelectShowsNoneFirstAndNoOptionTheShellIgnores() {
        String help = runner.run("help select");
        assertThat(help).startsWith("Usage: wgtui select [-h] [--none] [PATTERN...]\n")
                .contains("\nselect --none clears the selection").doesNotContain("Exit codes")
                .doesNotContain("--inventory").doesNotContain("--json").doesNotContain("--demo");
        List<String> optionLines = help.lines().filter(l -> l.strip().startsWith("-")).toList();
        assertThat(optionLines.get(0)).contains("--none").contains("Clear the selection");
        assertThat(runner.run("help status")).doesNotContain("--inventory").doesNotContain("--local")
                .contains("--json").contains("--yes");
    }

    @Test
    void aMistypedCommandOrHostGetsTheClosestNames() {
        assertThat(runner.run("stauts")).isEqualTo("wgtui: unknown command 'stauts'; did you mean status? "
                + "(help lists the commands)\n");
        assertThat(runner.run("selct cm4")).startsWith("wgtui: unknown command 'selct'; did you mean select?");
        assertThat(runner.run("select cm44")).isEqualTo("wgtui: no host matches 'cm44' in inventory.yml; did you mean cm4?\n");
        assertThat(runner.run("diff s2240")).isEqualTo("wgtui: no host matches 's2240' in inventory.yml; did you mean s2204?\n");
    }

    @Test
    void theDashboardsLineIsPlainTextEvenWhenTheCommandLineIsColoured() throws Exception {
        WgtuiCommand coloured = new WgtuiCommand(ShellFixture.CLOCK, q -> false,
                new dev.wgtui.cli.Environment(java.util.Map.of("LANG", "C.UTF-8", "TERM", "xterm"), true));
        WgtuiCommand.commandLine(coloured).parseArgs("--demo");
        try {
            assertThat(coloured.style().coloured()).isTrue();
            CommandRunner line = new CommandRunner(coloured, q -> false);
            assertThat(line.run("diff cm4")).contains("\n-PublicKey = UHvBNQ").doesNotContain("\033");
        } finally {
            coloured.context().close();
        }
    }
}
