package dev.wgtui.cli.docs;

import dev.wgtui.cli.Completions;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;

/** What the three completion scripts share: which words to pass on to {@code wgtui __complete}. */
final class Shells {

    private Shells() {
    }

    /** Global options a completion passes on to {@code __complete} (not help or version). */
    static List<OptionSpec> forwarded(Tree tree) {
        return tree.globalOptions.stream().filter(o -> !o.usageHelp() && !o.versionHelp()).toList();
    }

    static List<String> names(List<OptionSpec> options) {
        List<String> out = new ArrayList<>();
        options.forEach(o -> out.addAll(List.of(o.names())));
        return out;
    }

    static List<String> longNamesWithValue(List<OptionSpec> options) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : options) {
            for (String n : o.names()) {
                if (n.startsWith("--")) {
                    out.add(n + "=*");
                }
            }
        }
        return out;
    }

    static List<OptionSpec> withValue(List<OptionSpec> options) {
        return options.stream().filter(Tree::takesValue).toList();
    }

    static List<OptionSpec> flags(List<OptionSpec> options) {
        return options.stream().filter(o -> !Tree.takesValue(o)).toList();
    }

    /** The kind a positional completes to, if any. */
    static Completions.Kind kind(PositionalParamSpec p) {
        return Completions.kindOf(p).orElse(null);
    }

    /** True when the positional is the last one that takes any number of words. */
    static boolean unbounded(PositionalParamSpec p) {
        return p.index().max() == Integer.MAX_VALUE || p.index().isUnspecified() && p.arity().max() > 1;
    }
}
