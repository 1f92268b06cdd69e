package dev.wgtui.repl;

import dev.wgtui.cli.AppContext;
import dev.wgtui.cli.Completions;
import dev.wgtui.cli.GlobalOptions;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.completer.SystemCompleter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.shell.jline3.PicocliCommands;

import java.util.List;
import java.util.Optional;

/**
 * Tab completion for the shell. Command names and options come from picocli-shell-jline3's
 * completer over the shell's command tree; a parameter's value comes from what the tree marks
 * it as ({@link Completions}): hosts and groups from the inventory, backups live from the hub,
 * command names, files.
 */
final class ReplCompleter implements Completer {

    private final CommandRunner runner;
    private final SystemCompleter commands;
    private final Completer files = new Completers.FileNameCompleter();

    ReplCompleter(CommandRunner runner) {
        this.runner = runner;
        this.commands = new PicocliCommands(runner.commandLine()).compileCompleters();
        this.commands.compile(this::commandCandidate);
    }

    private Candidate commandCandidate(String name) {
        CommandLine sub = runner.commandLine().getSubcommands().get(name);
        String[] description = sub == null ? new String[0] : sub.getCommandSpec().usageMessage().description();
        return new Candidate(name, name, null, description.length == 0 ? null : description[0], null, null, true);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        commands.complete(reader, line, candidates);
        if (line.wordIndex() == 0) {
            return;
        }
        CommandLine sub = runner.commandLine().getSubcommands().get(line.words().get(0));
        if (sub == null) {
            return;
        }
        CommandSpec spec = sub.getCommandSpec();
        String word = line.word().substring(0, line.wordCursor());
        List<String> before = line.words().subList(1, line.wordIndex());
        OptionSpec valueOf = before.isEmpty() ? null : optionTakingValue(spec, before.get(before.size() - 1));
        if (valueOf != null) {
            Completions.kindOf(valueOf).ifPresent(k -> add(k, word, reader, line, candidates));
            return;
        }
        if (word.startsWith("-")) {
            return;
        }
        positionalAt(spec, positionalIndex(spec, before))
                .flatMap(Completions::kindOf)
                .ifPresent(k -> add(k, word, reader, line, candidates));
    }

    private static OptionSpec optionTakingValue(CommandSpec spec, String word) {
        if (!word.startsWith("-") || word.contains("=")) {
            return null;
        }
        OptionSpec o = spec.findOption(word);
        return o != null && o.arity().max() > 0 ? o : null;
    }

    /** How many positional words stand before the cursor: words that are neither options nor their values. */
    private static int positionalIndex(CommandSpec spec, List<String> before) {
        int n = 0;
        for (int i = 0; i < before.size(); i++) {
            String w = before.get(i);
            if (w.startsWith("-") && w.length() > 1) {
                if (optionTakingValue(spec, w) != null) {
                    i++;
                }
            } else {
                n++;
            }
        }
        return n;
    }

    private static Optional<PositionalParamSpec> positionalAt(CommandSpec spec, int index) {
        return spec.positionalParameters().stream().filter(p -> p.index().contains(index)).findFirst();
    }

    private void add(Completions.Kind kind, String word, LineReader reader, ParsedLine line, List<Candidate> out) {
        try {
            switch (kind) {
                case PATTERNS -> patterns(word, names(kind), out);
                case GROUPS, BACKUPS, COMMANDS, THEMES -> names(kind).forEach(n ->
                        out.add(new Candidate(n.name(), n.name(), null, n.description(), null, null, true)));
                case FILES -> files.complete(reader, line, out);
            }
        } catch (Exception e) {
            // nothing to offer: an unreadable inventory or hub does not break the line
        }
    }

    private List<Completions.Name> names(Completions.Kind kind) throws Exception {
        AppContext context = runner.root().context();
        GlobalOptions o = context.options();
        return switch (kind) {
            case PATTERNS -> Completions.patternNames(context.inventory(), o.hubGroup, o.workerGroup);
            case GROUPS -> Completions.groupNames(context.inventory());
            case BACKUPS -> Completions.backupNames(runner.session().backups());
            case COMMANDS -> runner.commands().stream()
                    .map(c -> new Completions.Name(c.getCommandName(), firstLine(c))).toList();
            case THEMES -> Completions.themeNames(java.nio.file.Path.of(""));
            case FILES -> List.of();
        };
    }

    private static String firstLine(CommandLine c) {
        String[] d = c.getCommandSpec().usageMessage().description();
        return d.length == 0 ? "" : d[0];
    }

    /**
     * A limit pattern may be a list (cm4,s2204 or workers:!cm4): complete its last element,
     * keeping what stands before it and a leading ! or &amp;.
     */
    private static void patterns(String word, List<Completions.Name> names, List<Candidate> out) {
        int cut = Math.max(word.lastIndexOf(','), word.lastIndexOf(':')) + 1;
        if (cut < word.length() && (word.charAt(cut) == '!' || word.charAt(cut) == '&')) {
            cut++;
        }
        String head = word.substring(0, cut);
        for (Completions.Name n : names) {
            out.add(new Candidate(head + n.name(), n.name(), null, n.description(), null, null, true));
        }
    }
}
