package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
import dev.wgtui.core.session.WorkerSetup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;

/** {@code diff}: the plan for the chosen workers as a redacted diff and the dry-run summary. */
@Command(name = "diff", aliases = "preview",
        description = {"Preview the merged hub config for the chosen workers (dry-run)",
                "Prints the unified diff (keys hidden) and the summary, and leaves the preview on the hub; changes nothing else."})
final class DiffCommand extends HubCommand {

    @Parameters(arity = "0..*", paramLabel = "PATTERN", completionCandidates = Completions.Patterns.class,
            description = "Workers to merge, as Ansible limit patterns: cm4 s2204, a group, all, '!host', 'c*' (default: all; in the shell: the selection)")
    List<String> patterns;

    @Option(names = {"-w", "--workers"},
            description = "Also preview each chosen worker's own config (its Address, key and the hub as its peer)")
    boolean workers;

    @Override
    public Integer call() throws Exception {
        Session s = session();
        select(s, patterns);
        Plan plan = s.plan();
        s.writePreview(plan);
        List<WorkerSetup.Change> workerChanges = workers ? s.planWorkers() : List.of();
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
