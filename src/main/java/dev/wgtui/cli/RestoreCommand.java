package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restore}: put a backup back (the current file is backed up first), reload, validate. */
@Command(name = "restore", description = {"Restore a backup after confirmation",
        "Shows the diff from the current file to the backup; the current file is backed up first; then reload and validate."})
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
        if (!options().json) {
            out().print(diff.isEmpty() ? "The backup is the same as the current file.\n" : diff);
            if (!diff.isEmpty()) {
                out().println();
                out().print(plan.summary().render());
            }
        }
        if (diffOnly) {
            return ExitCode.OK.code();
        }
        if (!diff.isEmpty() && !confirmed("Restore " + backup + " on " + s.hub().node() + " ("
                + plan.summary().change() + ")?", plan)) {
            return refusedUnconfirmed();
        }
        return report(s.restore(plan), "restore");
    }
}
