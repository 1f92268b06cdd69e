package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;

/** {@code diff}: the plan for the chosen workers as a redacted diff and the dry-run summary. */
@Command(name = "diff", aliases = "preview",
        description = {"Preview the merged hub config for the chosen workers (dry-run)",
                "Prints the unified diff (keys hidden) and the summary, and leaves the preview on the hub; changes nothing else."})
final class DiffCommand extends HubCommand {

    @Mixin
    WorkerChoice choice = new WorkerChoice();

    @Option(names = "--exit-code", description = "Exit with 1 when something would change, 0 when nothing would (as git diff --exit-code)")
    boolean exitCode;

    @Override
    public Integer call() throws Exception {
        Session s = session();
        List<String> workers = chosenWorkers(s, choice.patterns);
        Plan plan = s.plan(workers);
        s.writePreview(plan);
        List<WorkerSetup.Change> workerChanges = choice.workers ? s.planWorkers(workers) : List.of();
        if (options().json) {
            Map<String, Object> json = planJson(plan);
            json.put("workers", workerJson(workerChanges));
            out().println(Json.write(json));
        } else {
            printPlan(plan, plan.unifiedDiff(), "No change: the hub's config already has the chosen peers.");
            printWorkers(workerChanges);
        }
        boolean changes = plan.changed() || workerChanges.stream().anyMatch(WorkerSetup.Change::changed);
        return exitCode && changes ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }
}
