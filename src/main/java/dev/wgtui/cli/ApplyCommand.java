package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerSetup;
import dev.wgtui.core.text.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

/** {@code apply}: merge the chosen workers into the hub's config, after confirmation. */
@Command(name = "apply", description = {"Merge the chosen workers into the hub's config and reload, after confirmation",
        "Shows the diff and the peers it adds and updates, then asks. Locks the hub, refuses if the file changed since "
                + "the preview, backs it up, writes atomically, reloads without dropping tunnels and validates; a failed "
                + "validation rolls back. The result leads with its verdict and lists only the peers that are not ok "
                + "(-v: every peer)."})
final class ApplyCommand extends HubCommand {

    @Mixin
    WorkerChoice choice = new WorkerChoice();

    @Override
    public Integer call() throws Exception {
        Session s = session();
        List<String> workers = chosenWorkers(s, choice.patterns);
        Plan plan = s.plan(workers);
        List<WorkerSetup.Change> workerChanges = choice.workers ? s.planWorkers(workers) : List.of();
        int code = planConfirmReport(Write.APPLY, plan, plan.unifiedDiff(),
                "No change: the hub's config already has the chosen peers.", plan.changed(),
                "Apply this plan to " + target(plan), workerChanges, () -> s.apply(plan));
        if (code != ExitCode.OK.code() || workerChanges.isEmpty()) {
            return code;
        }
        List<WorkerSetup.Result> results = s.applyWorkers(workerChanges);
        long failed = results.stream().filter(r -> !r.ok()).count();
        if (!options().json) {
            Style style = style();
            out().println(style.paint(failed == 0 ? Style.Part.GOOD : Style.Part.BAD, "Workers: " + results.size()
                    + " set up, " + (results.size() - failed) + " ok, " + failed + " failed"));
            for (WorkerSetup.Result r : results) {
                if (!r.ok() || options().verbose) {
                    out().println((r.ok() ? style.ok() : style.failed()) + " " + Printable.of(r.worker())
                            + (r.written() ? ": written" + (r.backupName() == null ? "" : ", backup " + r.backupName())
                            : ": unchanged") + (r.ok() ? "" : ": " + Printable.of(String.join("; ", r.problems()))));
                }
            }
        }
        return failed == 0 ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }
}
