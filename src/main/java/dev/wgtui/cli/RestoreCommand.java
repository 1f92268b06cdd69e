package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.text.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code restore}: put a backup back (the current file is backed up first), reload, validate. */
@Command(name = "restore", description = {"Restore a backup after confirmation",
        "Shows the diff from the current file to the backup and the peers it adds, changes and removes, then asks; "
                + "the current file is backed up first; then reload and validate."})
final class RestoreCommand extends HubCommand {

    @Parameters(paramLabel = "BACKUP", completionCandidates = Completions.Backups.class, description = "Backup name as `backups` lists it")
    String backup;

    @Option(names = "--diff", description = "Only show the diff from the current file to the backup")
    boolean diffOnly;

    @Override
    public Integer call() throws Exception {
        Session s = session();
        Plan plan = s.restorePlan(backup);
        String diff = plan.fileDiff(backup);
        if (diffOnly) {
            printPlan(plan, diff, "The backup is the same as the current file.");
            return ExitCode.OK.code();
        }
        return planConfirmReport(Write.RESTORE, plan, diff, "The backup is the same as the current file.", !diff.isEmpty(),
                "Restore " + Printable.of(backup) + " on " + target(plan), List.of(), () -> s.restore(plan));
    }
}
