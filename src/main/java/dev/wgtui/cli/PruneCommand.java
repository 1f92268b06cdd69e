package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;

/** {@code prune}: remove peers that are not in the inventory, after confirmation. */
@Command(name = "prune", description = "Remove peers that are not in the inventory (shown as a diff; applied only after confirmation)")
final class PruneCommand extends HubCommand {

    @Override
    public Integer call() throws Exception {
        Session s = session();
        Plan plan = s.prunePlan();
        printPlan(plan);
        if (!plan.changed()) {
            if (options().json) {
                out().println(Json.write(planJson(plan)));
            }
            return ExitCode.OK.code();
        }
        if (!confirmed("Remove " + plan.merge().removed().size() + " peer(s) from " + plan.node() + "?", plan)) {
            return refusedUnconfirmed();
        }
        return report(s.apply(plan), "prune");
    }
}
