package dev.wgtui.cli;

import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding R5 of the review (REVIEW.md), for real on the testbed: the outcome of a commit job
 * whose client went away is handed out by the hub once - read.sh deletes its record as it prints
 * it - but only `status` and the commands that print a plan show it. `health`, `validate` and
 * `drift` (and the dashboard, which never shows RunReport) read the hub, consume the record and
 * say nothing: the operator never learns that the apply failed on the hub (issue 8.5, SPEC: "the
 * next wgtui run reports what happened").
 */
@Tag("testbed")
@ExtendWith(TestbedExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ReviewUnreportedTestbedTest {

    @TempDir
    Path dir;
    Testbed bed;
    Path inventory;

    @BeforeEach
    void hubApplied(Testbed bed) throws IOException {
        this.bed = bed;
        bed.resetWireGuard();
        for (String w : TestbedExtension.WORKERS) {
            bed.wgSetup(w);
        }
        inventory = dir.resolve("inventory.yml");
        Files.writeString(inventory, TestbedExtension.sampleInventory(bed, "root", false));
        CliRun apply = wgtui("apply", "all", "--yes");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    }

    private CliRun wgtui(String... args) {
        List<String> all = new ArrayList<>(List.of("-i", inventory.toString(), "--known-hosts", bed.knownHosts().toString()));
        all.addAll(List.of(args));
        return CliRun.run(Clock.systemUTC(), q -> false, all.toArray(String[]::new));
    }

    /** A PID no process has now: one of a process that ran and ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor(10, TimeUnit.SECONDS);
        return p.pid();
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "diff", "health", "validate", "drift"}) // status and diff: the control
    void r5TheFirstRunThatReadsTheOutcomeOfAJobWhoseClientWentAwayShowsIt(String command) throws Exception {
        // The record commit-job.sh leaves when its job failed after its client had gone (same lines
        // as commit-job.sh writes them: mode, started, job, client, steps, result).
        long dead = deadPid();
        String record = "mode\tcommit\nstarted\t" + (System.currentTimeMillis() / 1000) + "\njob\t" + dead
                + "\nclient\t" + dead + "\nstep\tlock\nstep\tcheck\nstep\tkey\nstep\tbackup\nstep\twrite\nstep\trename\n"
                + "step\tstrip\nstep\tsyncconf\nresult\tfail\tRELOAD\tsyncconf\twg syncconf wg0 failed: Protocol error;"
                + " restored /etc/wireguard/wg0.conf from wg0.conf.20260301T100000Z.backup and reloaded it\n";
        bed.exec("k8s", "umask 077; cat > /etc/wireguard/.wg0.run.0123456789abcdef", record.getBytes(),
                Testbed.EXEC_TIMEOUT);

        CliRun first = wgtui(command);
        CliRun later = wgtui("status");

        assertThat(bed.exec("k8s", "ls -a /etc/wireguard").out()).as("the hub handed the record out")
                .doesNotContain(".wg0.run.");
        assertThat(first.out() + first.err() + later.out() + later.err())
                .as("what `wgtui %s` and then `wgtui status` said", command)
                .contains("failed on the hub at step syncconf after its client went away");
    }
}
