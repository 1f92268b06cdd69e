package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
import dev.wgtui.core.session.WorkerSetup;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Map;

/** {@code diff}: the plan for the chosen workers as a redacted diff and the dry-run summary. */
@Command(name = "diff", aliases = "preview",
        description = {"Preview the merged hub config for the chosen workers (dry-run)",
                "Prints the unified diff (keys hidden) and the summary, and leaves the preview on the hub; changes nothing else."})
final class DiffCommand extends HubCommand {

    @Mixin
    WorkerChoice choice = new WorkerChoice();

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
            printPlan(plan);
            printWorkers(workerChanges);
        }
        return ExitCode.OK.code();
    }
}
