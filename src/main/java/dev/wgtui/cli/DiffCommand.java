package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code diff}: the plan for the chosen workers as a redacted diff and the dry-run summary. */
@Command(name = "diff", aliases = "preview",
        description = {"Preview the merged hub config for the chosen workers (dry-run)",
                "Prints the unified diff (keys hidden) and the summary, and leaves the preview on the hub; changes nothing else."})
final class DiffCommand extends HubCommand {

    @Parameters(arity = "0..1", paramLabel = "PATTERN",
            description = "Workers to merge, as an Ansible limit pattern: cm4,s2204, a group, all, '!host', 'c*' (default: all)")
    String pattern;

    @Override
    public Integer call() throws Exception {
        Session s = session();
        select(s, pattern);
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
