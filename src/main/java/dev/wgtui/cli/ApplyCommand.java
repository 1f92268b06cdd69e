package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
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

    @Override
    public Integer call() throws Exception {
        Session s = session();
        select(s, patterns);
        Plan plan = s.plan();
        printPlan(plan);
        if (plan.changed() && !confirmed("Apply this plan to " + plan.node() + ":" + plan.targetFile() + "?")) {
            return refusedUnconfirmed();
        }
        return report(s.apply(plan), "apply");
    }
}
