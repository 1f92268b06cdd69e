package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code apply}: merge the chosen workers into the hub's config, after confirmation. */
@Command(name = "apply", description = {"Merge the chosen workers into the hub's config and reload, after confirmation",
        "Locks the hub, refuses if the file changed since the preview, backs it up, writes atomically, reloads "
                + "without dropping tunnels and validates; a failed validation rolls back."})
final class ApplyCommand extends HubCommand {

    @Parameters(arity = "0..1", paramLabel = "PATTERN",
            description = "Workers to merge, as an Ansible limit pattern (default: all)")
    String pattern;

    @Override
    public Integer call() throws Exception {
        Session s = session();
        select(s, pattern);
        Plan plan = s.plan();
        printPlan(plan);
        if (plan.changed() && !confirmed("Apply this plan to " + plan.node() + ":" + plan.targetFile() + "?")) {
            return refusedUnconfirmed();
        }
        return report(s.apply(plan), "apply");
    }
}
