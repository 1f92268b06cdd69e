package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
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
        select(s, choice.patterns);
        Reached reached = withProgress(() -> reachWorkers(s, choice.workers));
        Plan plan;
        try {
            plan = s.plan();
        } finally {
            putBack(s, reached.failures());
        }
        s.writePreview(plan);
        if (options().json) {
            Map<String, Object> json = planJson(plan);
            json.put("workers", workerJson(reached.changes()));
            json.put("failed", failureJson(reached.failures()));
            out().println(Json.write(json));
        } else {
            printPlan(plan);
            printWorkers(reached.changes());
            if (!reached.failures().isEmpty()) {
                out().println();
                out().print(TextViews.leftOut(reached.failures()));
            }
        }
        return ApplyCommand.exitCode(reached.failures(), List.of());
    }
}
