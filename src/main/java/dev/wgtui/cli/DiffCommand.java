package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code diff}: the plan for the chosen workers as a redacted diff and the dry-run summary. */
@Command(name = "diff", aliases = "preview",
        description = {"Preview the merged hub config for the chosen workers (dry-run)",
                "Prints the unified diff (keys hidden) and the summary, and leaves the preview on the hub; changes nothing else."})
final class DiffCommand extends HubCommand {

    @Parameters(arity = "0..*", paramLabel = "PATTERN", completionCandidates = Completions.Patterns.class,
            description = "Workers to merge, as Ansible limit patterns: cm4 s2204, a group, all, '!host', 'c*' (default: all; in the shell: the selection)")
    List<String> patterns;

    @Override
    public Integer call() throws Exception {
        Session s = session();
        select(s, patterns);
        Plan plan = s.plan();
        s.writePreview(plan);
        if (options().json) {
            out().println(Json.write(planJson(plan)));
        } else {
            printPlan(plan);
        }
        return ExitCode.OK.code();
    }
}
