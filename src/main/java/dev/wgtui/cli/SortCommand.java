package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code sort}: put the hub's peers in name order, each with its own lines, after confirmation. */
@Command(name = "sort", description = {"Re-sort the hub's peers by name (shown as a diff; applied only after confirmation)",
        "Each peer moves with the lines it owns (its comments and markers); nothing else changes. A merge never "
                + "re-sorts: it keeps the file's order, and a file sorted by name stays sorted."})
final class SortCommand extends HubCommand {

    @Override
    public Integer call() throws Exception {
        Session s = session();
        Plan plan = s.sortPlan();
        if (!plan.changed()) {
            printPlan(plan, "", "Nothing to sort: the peers of " + target(plan) + " are in name order already.");
            if (options().json) {
                out().println(Json.write(planJson(plan)));
            }
            return ExitCode.OK.code();
        }
        return planConfirmReport(Write.SORT, plan, plan.unifiedDiff(), "", true, "Sort the peers of " + target(plan),
                List.of(), () -> s.apply(plan));
    }
}
