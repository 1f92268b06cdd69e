package dev.wgtui.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code help}: on the command line, wgtui's usage (as {@code --help}); in the shell, its
 * commands one per line; given a command, that command's usage and options.
 */
@Command(name = "help", description = {"List the commands, or show one command's usage and options"})
final class HelpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "COMMAND", completionCandidates = Completions.Commands.class,
            description = "The command to show")
    String command;

    @Override
    public Integer call() {
        CommandLine tree = spec.root().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        boolean interactive = tree.getCommand() instanceof WgtuiCommand root && root.interactive();
        if (command != null) {
            CommandLine sub = tree.getSubcommands().get(command);
            if (sub == null || sub.getCommandSpec().usageMessage().hidden()) {
                List<String> names = new ArrayList<>();
                CommandTree.visible(tree).forEach(c -> names.add(c.getCommandName()));
                throw new IllegalArgumentException("no command named '" + command + "'"
                        + Suggestions.didYouMean(Suggestions.closest(command, names))
                        + (interactive ? " (help lists them)" : " (wgtui help lists them)"));
            }
            out.print(interactive ? sub.getUsageMessage(CommandLine.Help.Ansi.OFF) : sub.getUsageMessage());
            return ExitCode.OK.code();
        }
        out.print(interactive ? commandList(tree) : tree.getUsageMessage());
        return ExitCode.OK.code();
    }

    /** One line per visible command: its names and the first line of its description. */
    static String commandList(CommandLine tree) {
        List<String[]> rows = new ArrayList<>();
        for (CommandLine sub : CommandTree.visible(tree)) {
            CommandSpec s = sub.getCommandSpec();
            String names = s.name() + (s.aliases().length == 0 ? "" : ", " + String.join(", ", s.aliases()));
            String[] description = s.usageMessage().description();
            rows.add(new String[]{names, description.length == 0 ? "" : description[0]});
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        StringBuilder b = new StringBuilder("Commands (help COMMAND shows its options; Tab completes commands, "
                + "hosts, groups and backups):\n");
        for (String[] r : rows) {
            b.append("  ").append(r[0]).append(" ".repeat(width - r[0].length() + 2)).append(r[1]).append('\n');
        }
        b.append("Patterns are Ansible limit patterns: cm4 s2204, a group, all, '!host', 'c*'.\n")
                .append("Given no pattern, diff and apply work on the selection (select PATTERN; select --none clears it); "
                        + "given one, on the workers it names, leaving the selection as it is.\n")
                .append("Options given when the shell started (-i, --local, --demo, -v, ...) hold for every line; "
                        + "a line takes only --json and --yes.\n");
        return b.toString();
    }
}
