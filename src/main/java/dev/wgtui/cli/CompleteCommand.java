package dev.wgtui.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * {@code __complete}: names for the shell completion scripts, one per line as
 * {@code name<TAB>description}. Hidden, and silent on errors: a completion that fails offers
 * nothing rather than printing into the operator's command line.
 */
@Command(name = "__complete", hidden = true,
        description = "Print names for shell completion: hosts (workers and their groups), groups, backups")
final class CompleteCommand extends HubCommand {

    @Parameters(paramLabel = "KIND", description = "hosts, groups or backups")
    String kind;

    @Override
    public Integer call() {
        try {
            GlobalOptions o = options();
            List<Completions.Name> names = switch (kind) {
                case "hosts" -> Completions.patternNames(root.context().inventory(), o.hubGroup, o.workerGroup);
                case "groups" -> Completions.groupNames(root.context().inventory());
                case "backups" -> Completions.backupNames(session().backups());
                default -> List.of();
            };
            for (Completions.Name n : names) {
                out().println(n.name() + "\t" + n.description());
            }
            out().flush();
            return ExitCode.OK.code();
        } catch (Exception | LinkageError e) {
            return ExitCode.USAGE.code();
        }
    }
}
