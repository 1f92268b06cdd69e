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
        assertThat(out).contains("Backup: wg0.conf.20261126T031500Z.backup").contains("Applied to k8s");
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
        assertThat(runner.run("shell")).contains("Unmatched argument");
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
}
