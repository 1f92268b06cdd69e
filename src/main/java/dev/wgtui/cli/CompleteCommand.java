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
        description = "Print names for shell completion: hosts (workers and their groups), groups, backups, themes, commands")
final class CompleteCommand extends HubCommand {

    @Parameters(paramLabel = "KIND", description = "hosts, groups, backups, themes or commands")
    String kind;

    @Override
    public Integer call() {
        try {
            GlobalOptions o = options();
            List<Completions.Name> names = switch (kind) {
                case "hosts" -> Completions.patternNames(root.context().inventory(), o.hubGroup, o.workerGroup);
                case "groups" -> Completions.groupNames(root.context().inventory());
                case "backups" -> Completions.backupNames(session().backups());
                case "themes" -> Completions.themeNames(java.nio.file.Path.of(""));
                case "commands" -> CommandTree.visible(spec.root().commandLine()).stream()
                        .map(c -> new Completions.Name(c.getCommandName(), firstLine(c))).toList();
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

    private static String firstLine(picocli.CommandLine c) {
        String[] d = c.getCommandSpec().usageMessage().description();
        return d.length == 0 ? "" : d[0];
    }
}
