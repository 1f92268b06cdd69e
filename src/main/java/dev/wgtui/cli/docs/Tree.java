package dev.wgtui.cli.docs;

import dev.wgtui.cli.Completions;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command tree as the generators read it: global options, and each visible command with its own. */
final class Tree {

    /** A visible command: its names, description, the options only it has, its parameters. */
    record Command(String name, List<String> aliases, List<String> description, List<OptionSpec> options,
                   List<PositionalParamSpec> positionals) {

        List<String> names() {
            List<String> all = new ArrayList<>();
            all.add(name);
            all.addAll(aliases);
            return all;
        }

        String summary() {
            return description.isEmpty() ? "" : description.get(0);
        }

        /** {@code [--diff] BACKUP}, {@code [PATTERN...]}: the command's own part of a synopsis. */
        String synopsis() {
            StringBuilder b = new StringBuilder();
            for (OptionSpec o : options) {
                b.append(" [").append(o.longestName()).append(o.arity().max() > 0 ? "=" + o.paramLabel() : "").append(']');
            }
            for (PositionalParamSpec p : positionals) {
                String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
                b.append(' ').append(p.arity().min() == 0 ? "[" + label + "]" : label);
            }
            return b.toString().strip();
        }
    }

    final CommandSpec root;
    final List<OptionSpec> globalOptions;
    final List<Command> commands;

    Tree(CommandLine cl) {
        this.root = cl.getCommandSpec();
        this.globalOptions = sorted(root.options().stream().filter(o -> !o.hidden()).toList());
        this.commands = new ArrayList<>();
        for (CommandLine sub : visible(cl)) {
            CommandSpec s = sub.getCommandSpec();
            List<OptionSpec> own = s.options().stream()
                    .filter(o -> !o.hidden() && root.findOption(o.longestName()) == null).toList();
            commands.add(new Command(s.name(), Arrays.asList(s.aliases()), Arrays.asList(s.usageMessage().description()),
                    sorted(own), s.positionalParameters().stream().filter(p -> !p.hidden()).toList()));
        }
    }

    /** The visible subcommands of {@code cl}, each once, in registration order. */
    static List<CommandLine> visible(CommandLine cl) {
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> out = new ArrayList<>();
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && seen.put(sub, Boolean.TRUE) == null) {
                out.add(sub);
            }
        }
        return out;
    }

    /** Options sorted as picocli's help sorts them: by name without dashes, short before long. */
    static List<OptionSpec> sorted(List<OptionSpec> options) {
        return options.stream().sorted(Comparator.comparing((OptionSpec o) -> o.longestName().replaceFirst("^-+", "")
                .toLowerCase())).toList();
    }

    /** The option's description with its default filled in, as one line. */
    static String description(ArgSpec arg) {
        return String.join(" ", arg.description()).replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValueString()))
                .strip();
    }

    /** The description's first clause: for a completion menu. */
    static String shortDescription(ArgSpec arg) {
        return shortText(description(arg));
    }

    static String shortText(String text) {
        String s = text;
        for (String stop : new String[]{" (", "; ", ": ", ". "}) {
            int i = s.indexOf(stop);
            if (i > 0) {
                s = s.substring(0, i);
            }
        }
        return s.endsWith(".") && !s.endsWith("..") ? s.substring(0, s.length() - 1) : s;
    }

    static Optional<Completions.Kind> kind(ArgSpec arg) {
        return Completions.kindOf(arg);
    }

    static boolean takesValue(OptionSpec o) {
        return o.arity().max() > 0;
    }

    /** Every option that takes a value, global or a command's own. */
    List<OptionSpec> optionsTakingValues() {
        List<OptionSpec> all = new ArrayList<>(globalOptions.stream().filter(Tree::takesValue).toList());
        for (Command c : commands) {
            all.addAll(c.options().stream().filter(Tree::takesValue).toList());
        }
        return all;
    }
}
