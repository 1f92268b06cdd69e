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
        List<String> chosen = chosenWorkers(s, choice.patterns);
        Reached reached = withProgress(() -> reachWorkers(s, chosen, choice.workers));
        Plan plan = s.plan(reached.workers());
        s.writePreview(plan);
        if (options().json) {
            Map<String, Object> json = planJson(plan);
            json.put("workers", workerJson(reached.changes()));
            json.put("failed", failureJson(reached.failures()));
            out().println(Json.write(json));
        } else {
            if (!reached.failures().isEmpty()) {
                out().print(TextViews.leftOut(reached.failures()));
                out().println();
            }
            printPlan(plan, plan.unifiedDiff(), "No change: the hub's config already has the chosen peers.");
            printWorkers(reached.changes());
        }
        int failed = ApplyCommand.exitCode(reached.failures(), List.of());
        if (failed != ExitCode.OK.code()) {
            return failed;
        }
        boolean changes = plan.changed() || reached.changes().stream().anyMatch(WorkerSetup.Change::changed);
        return exitCode && changes ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }
}
