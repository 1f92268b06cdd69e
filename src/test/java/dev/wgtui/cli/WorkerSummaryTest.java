package dev.wgtui.cli;

import dev.wgtui.core.plan.Validation;
import dev.wgtui.core.session.WorkerFailure;
import dev.wgtui.core.session.WorkerSetup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The end of a run over many workers: failures first, then a count; every worker only with -v. */
class WorkerSummaryTest {

    private static List<WorkerSetup.Result> written(int n) {
        List<WorkerSetup.Result> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new WorkerSetup.Result(String.format("w%03d", i), true, null, List.of()));
        }
        return out;
    }

    private static final WorkerFailure UNREACHABLE = new WorkerFailure("w900", "reading", WorkerFailure.Kind.HOST,
            "w900: cannot connect to 192.168.77.250:22: No route to host");
    private static final WorkerFailure RELOAD = new WorkerFailure("w002", "deploying", WorkerFailure.Kind.HOST,
            "w002: reload failed at up: wg-quick up failed:\nUnable to modify interface: Address already in use");

    @Test
    void failuresLeadEachOnOneLineWithItsStepThenTheCountOfTheOthers() {
        List<WorkerSetup.Result> results = written(53);
        results.set(1, WorkerSetup.Result.failed(RELOAD));
        results.set(5, new WorkerSetup.Result("w006", true, null, List.of("the interface is not running")));

        String text = TextViews.workerSummary(List.of(UNREACHABLE), results, false);

        assertThat(text.lines().toList()).containsExactly(
                "✗ w900 (reading): cannot connect to 192.168.77.250:22: No route to host",
                "✗ w002 (deploying): reload failed at up: wg-quick up failed: / Unable to modify interface: "
                        + "Address already in use",
                "✗ w006 (check): the interface is not running",
                "51 of 54 worker(s) deployed (51 written, 0 unchanged), 3 failed; -v lists every worker");
    }

    @Test
    void allWellIsOneLineAndVerboseListsEveryWorker() {
        assertThat(TextViews.workerSummary(List.of(), written(53), false))
                .isEqualTo("✓ 53 worker(s) deployed (53 written, 0 unchanged)\n");
        String all = TextViews.workerSummary(List.of(UNREACHABLE), written(3), true);
        assertThat(all.lines().toList()).containsExactly(
                "✗ w900 (reading): cannot connect to 192.168.77.250:22: No route to host",
                "✓ w001: written", "✓ w002: written", "✓ w003: written",
                "3 of 4 worker(s) deployed (3 written, 0 unchanged), 1 failed");
    }

    @Test
    void aWorkerReloadedWithTheKeyFileOnItsDiskIsNamedEvenWithoutV() {
        List<WorkerSetup.Result> results = written(3);
        results.set(1, new WorkerSetup.Result("w002", false, null, List.of(), null, true));

        assertThat(TextViews.workerSummary(List.of(), results, false).lines().toList()).containsExactly(
                "✓ w002: unchanged; reloaded with the key file on its disk (a rotated key)",
                "✓ 3 worker(s) deployed (2 written, 1 unchanged, 1 reloaded with its key file)");
    }

    @Test
    void textFromHostsCannotMoveTheCursor() {
        WorkerFailure evil = new WorkerFailure("w1", "deploying", WorkerFailure.Kind.HOST,
                "w1: wg-quick: \u001b[2J\u001b]0;owned\u0007 bad");
        assertThat(TextViews.workerSummary(List.of(evil), List.of(), false)).doesNotContain("\u001b").contains("\\x1b[2J");
        assertThat(TextViews.leftOut(List.of(evil))).doesNotContain("\u001b")
                .startsWith("Left out of this run, 1 worker(s) that failed:\n✗ w1 (deploying): wg-quick: ");
    }

    @Test
    void theExitCodeSaysTheWorstTroubleOfTheWorkers() {
        WorkerFailure hostKey = new WorkerFailure("w3", "reading", WorkerFailure.Kind.HOST_KEY, "w3: key changed");
        WorkerFailure refused = new WorkerFailure("w4", "deploying", WorkerFailure.Kind.REFUSED, "w4: changed since");
        List<WorkerSetup.Result> fine = written(2);
        List<WorkerSetup.Result> checkFailed = List.of(new WorkerSetup.Result("w5", true, null, List.of("not running")));

        assertThat(ApplyCommand.exitCode(List.of(), fine)).isEqualTo(ExitCode.OK.code());
        assertThat(ApplyCommand.exitCode(List.of(), checkFailed)).isEqualTo(ExitCode.CHECK_FAILED.code());
        assertThat(ApplyCommand.exitCode(List.of(refused), checkFailed)).isEqualTo(ExitCode.REFUSED.code());
        assertThat(ApplyCommand.exitCode(List.of(refused, UNREACHABLE), fine)).isEqualTo(ExitCode.HOST.code());
        assertThat(ApplyCommand.exitCode(List.of(UNREACHABLE), List.of(WorkerSetup.Result.failed(hostKey))))
                .isEqualTo(ExitCode.HOST_KEY.code());
    }

    @Test
    void theHubsValidationAfterAnApplyShowsWhatIsWrongNotEveryPeer() {
        List<Validation.Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 53; i++) {
            findings.add(new Validation.Finding(String.format("w%03d", i), Validation.Finding.Kind.OK, ""));
        }
        findings.add(new Validation.Finding("w054", Validation.Finding.Kind.MISSING, "not in the running interface"));
        findings.add(new Validation.Finding("old-laptop", Validation.Finding.Kind.EXTRA, "not in the inventory, kept"));
        Validation.Report report = new Validation.Report(findings, true);

        assertThat(TextViews.validation(report, false).lines().toList()).containsExactly(
                "✗ w054: not in the running interface", "? old-laptop: not in the inventory, kept", report.summary());
        assertThat(TextViews.validation(report, true).lines()).hasSize(56).contains("✓ w001", "✓ w053");
    }

    @Test
    void theProgressLineSaysHowManyWorkersOfHowMany() {
        assertThat(TerminalProgress.line("deploying", 12, 53)).isEqualTo("deploying 12/53 workers");
    }
}
