package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code prune}: remove peers that are not in the inventory, after confirmation. */
@Command(name = "prune", description = {"Remove peers that are not in the inventory (shown as a diff; applied only after confirmation)",
        "Names the peers it removes before it asks; backs up, writes, reloads and validates as apply does."})
final class PruneCommand extends HubCommand {

    @Override
    public Integer call() throws Exception {
        Session s = session();
        Plan plan = s.prunePlan();
        if (!plan.changed()) {
            printPlan(plan, "", "Nothing to prune: every peer of " + target(plan) + " is in the inventory.");
            if (options().json) {
                out().println(Json.write(planJson(plan)));
            }
            return ExitCode.OK.code();
        }
        return planConfirmReport(Write.PRUNE, plan, plan.unifiedDiff(), "", true, "Prune " + target(plan), List.of(),
                () -> s.apply(plan));
    }
}
