package dev.wgtui.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write from the command line goes one way: the diff and the summary naming the peers it
 * adds, updates and removes are on the screen before the question, which names them again; the
 * result leads with its verdict and lists only the peers that are not ok.
 */
class WritePathTest {

    @TempDir
    Path dir;
    LocalFiles files;

    @BeforeEach
    void copySample() throws IOException {
        files = LocalFiles.copyDemo(dir);
    }

    /** What was on standard output when the question came, and the question. */
    record Asked(String shown, String question) {
    }

    private CliRun answering(boolean yes, List<Asked> asked, Clock clock, String... args) {
        return CliRun.run(clock, Environment.plain(), (question, shown) -> {
            asked.add(new Asked(shown, question));
            return yes;
        }, files.args(args));
    }

    @Test
    void applyShowsTheDiffAndTheNamedPeersThenAsksNamingThemAgain() throws IOException {
        String before = Files.readString(files.conf());
        List<Asked> asked = new ArrayList<>();
        CliRun r = answering(false, asked, CliRun.CLOCK, "apply", "all");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(asked).hasSize(1);
        String shown = asked.get(0).shown();
        assertThat(shown).contains("+# k8s-proxy").contains("-PublicKey = UHvBNQ")
                .contains("Added: k8s-proxy\n").contains("Updated: cm4\n");
        assertThat(shown.indexOf("Added: k8s-proxy")).isGreaterThan(shown.indexOf("+# k8s-proxy"));
        assertThat(asked.get(0).question()).isEqualTo("Apply this plan to k8s:" + files.conf()
                + " (+1 peer(s), 1 updated: adds k8s-proxy; updates cm4)?");
        assertThat(r.out()).isEqualTo(shown);
        assertThat(Files.readString(files.conf())).isEqualTo(before);
    }

    @Test
    void pruneNamesThePeersItRemovesBeforeItAsks() throws IOException {
        List<Asked> asked = new ArrayList<>();
        CliRun r = answering(true, asked, CliRun.CLOCK, "prune");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(asked).singleElement().satisfies(a -> {
            assertThat(a.shown()).contains("-# old-laptop").endsWith("Change: -1 peer(s)\nRemoved: old-laptop\n");
            assertThat(a.question()).isEqualTo("Prune k8s:" + files.conf() + " (-1 peer(s): removes old-laptop)?");
        });
        assertThat(r.out().substring(asked.get(0).shown().length()))
                .startsWith("Pruned k8s:" + files.conf() + ": file written, interface not reloaded (a local file); backup ");
        assertThat(Files.readString(files.conf())).doesNotContain("old-laptop");
    }

    @Test
    void restoreNamesWhatItAddsChangesAndRemovesBeforeItAsks() throws IOException {
        assertThat(CliRun.run(files.args("apply", "all", "--yes")).exitCode()).isZero();
        String backup = files.backups().get(0);
        List<Asked> asked = new ArrayList<>();
        CliRun r = answering(true, asked, Clock.offset(CliRun.CLOCK, Duration.ofSeconds(5)), "restore", backup);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(asked).singleElement().satisfies(a -> {
            assertThat(a.shown()).contains("-# k8s-proxy").contains("Removed: k8s-proxy\n").contains("Updated: cm4\n");
            assertThat(a.question()).isEqualTo("Restore " + backup + " on k8s:" + files.conf()
                    + " (-1 peer(s), 1 updated: updates cm4; removes k8s-proxy)?");
        });
        assertThat(r.out().substring(asked.get(0).shown().length())).startsWith("Restored k8s:" + files.conf());
    }

    @Test
    void nothingToChangeIsNotAsked() {
        assertThat(CliRun.run(files.args("apply", "all", "--yes")).exitCode()).isZero();
        List<Asked> asked = new ArrayList<>();
        CliRun again = answering(false, asked, Clock.offset(CliRun.CLOCK, Duration.ofMinutes(1)), "apply", "all");
        assertThat(again.exitCode()).isZero();
        assertThat(asked).isEmpty();
        assertThat(again.out()).contains("No change: the hub's config already has the chosen peers.")
                .contains("Nothing to apply: k8s:" + files.conf() + " already is as planned");
    }

    @Test
    void aQuestionNamesAFewPeersAndCountsTheRest() {
        var summary = new dev.wgtui.core.plan.DryRunSummary("hub", null, "/etc/wireguard/wg0.conf",
                dev.wgtui.core.plan.DryRunSummary.Status.UPDATE_EXISTING, 0, 7,
                List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7"), List.of(), List.of());
        assertThat(TextViews.namedChange(summary)).isEqualTo("+7 peer(s): adds w1, w2, w3, w4, w5 and 2 more");
    }

    @Test
    void theResultLeadsWithTheVerdictAndListsOnlyThePeersThatAreNotOk() {
        CliRun r = CliRun.run(files.args("apply", "all", "--yes"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        String result = r.out().substring(r.out().indexOf("Added: k8s-proxy\nUpdated: cm4\n") + 30);
        assertThat(result.lines().toList()).containsExactly(
                "Applied to k8s:" + files.conf() + ": file written, interface not reloaded (a local file); backup "
                        + "wg0.conf.20261126T031500Z.backup.",
                "Validation passed: 3 expected, 3 ok, 0 missing, 0 mismatched, 1 extra (preserved); running interface not checked",
                "? old-laptop: not in the inventory, preserved",
                "On the hub, load it with: wg syncconf wg0 <(wg-quick strip wg0)");
    }

    @Test
    void verboseListsEveryPeerOfTheResult() {
        CliRun r = CliRun.run(files.args("-v", "apply", "all", "--yes"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        String result = r.out().substring(r.out().indexOf("Applied to"));
        assertThat(result.lines().toList()).contains("✓ cm4", "✓ s2204", "✓ k8s-proxy",
                "? old-laptop: not in the inventory, preserved");
    }

    @Test
    void validateLeadsWithTheVerdictAndListsEveryPeerOnlyWhenAsked() {
        CliRun failing = CliRun.run(files.args("validate"));
        assertThat(failing.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
        assertThat(failing.out().lines().toList()).containsExactly(
                "Validation FAILED: 3 expected, 1 ok, 1 missing, 1 mismatched, 1 extra (preserved); running interface not checked",
                "✗ cm4: file has another public key",
                "✗ k8s-proxy: not a peer in the file",
                "? old-laptop: not in the inventory, preserved");
        assertThat(CliRun.run(files.args("validate", "--all")).out()).contains("\n✓ s2204\n");
    }

    @Test
    void jsonReportSaysWhetherItReloadedAndPassed() {
        CliRun r = CliRun.run(files.args("--json", "apply", "cm4", "--yes"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"written\":true").contains("\"reloaded\":false").contains("\"validation_passed\":true");
    }
}
