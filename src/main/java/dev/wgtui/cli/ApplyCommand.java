package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
import dev.wgtui.core.session.WorkerSetup;
import picocli.CommandLine.Mixin;

import java.util.List;

/** {@code apply}: merge the chosen workers into the hub's config, after confirmation. */
@Command(name = "apply", description = {"Merge the chosen workers into the hub's config and reload, after confirmation",
        "Locks the hub, refuses if the file changed since the preview, backs it up, writes atomically, reloads "
                + "without dropping tunnels and validates; a failed validation rolls back."})
final class ApplyCommand extends HubCommand {

    @Mixin
    WorkerChoice choice = new WorkerChoice();

    @Override
    public Integer call() throws Exception {
        Session s = session();
        List<String> workers = chosenWorkers(s, choice.patterns);
        Plan plan = s.plan(workers);
        printPlan(plan);
        List<WorkerSetup.Change> workerChanges = choice.workers ? s.planWorkers(workers) : List.of();
        printWorkers(workerChanges);
        boolean anything = plan.changed() || workerChanges.stream().anyMatch(WorkerSetup.Change::changed);
        if (anything && !confirmed("Apply this plan to " + plan.node() + ":" + plan.targetFile()
                + (workerChanges.isEmpty() ? "" : " and " + workerChanges.size() + " worker(s)") + "?", plan)) {
            return refusedUnconfirmed();
        }
        int code = report(s.apply(plan), "apply");
        if (code != ExitCode.OK.code() || workerChanges.isEmpty()) {
            return code;
        }
        boolean ok = true;
        for (WorkerSetup.Result r : s.applyWorkers(workerChanges)) {
            ok &= r.ok();
            if (!options().json) {
                out().println((r.ok() ? "✓ " : "✗ ") + r.worker() + (r.written() ? ": written"
                        + (r.backupName() == null ? "" : ", backup " + r.backupName()) : ": unchanged")
                        + (r.ok() ? "" : ": " + String.join("; ", r.problems())));
            }
        }
        return ok ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }
}
