package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
import dev.wgtui.core.session.WorkerSetup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code apply}: merge the chosen workers into the hub's config, after confirmation. */
@Command(name = "apply", description = {"Merge the chosen workers into the hub's config and reload, after confirmation",
        "Locks the hub, refuses if the file changed since the preview, backs it up, writes atomically, reloads "
                + "without dropping tunnels and validates; a failed validation rolls back."})
final class ApplyCommand extends HubCommand {

    @Parameters(arity = "0..*", paramLabel = "PATTERN", completionCandidates = Completions.Patterns.class,
            description = "Workers to merge, as Ansible limit patterns (default: all; in the shell: the selection)")
    List<String> patterns;

    @Option(names = {"-w", "--workers"},
            description = "Also write each chosen worker's own config and bring its tunnel up, so the run deploys them end to end")
    boolean workers;

    @Override
    public Integer call() throws Exception {
        Session s = session();
        select(s, patterns);
        Plan plan = s.plan();
        printPlan(plan);
        List<WorkerSetup.Change> workerChanges = workers ? s.planWorkers() : List.of();
        printWorkers(workerChanges);
        boolean anything = plan.changed() || workerChanges.stream().anyMatch(WorkerSetup.Change::changed);
        if (anything && !confirmed("Apply this plan to " + plan.node() + ":" + plan.targetFile()
                + (workerChanges.isEmpty() ? "" : " and " + workerChanges.size() + " worker(s)") + "?")) {
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
