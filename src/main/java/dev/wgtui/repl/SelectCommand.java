package dev.wgtui.repl;

import dev.wgtui.cli.Completions;
import dev.wgtui.cli.ExitCode;
import dev.wgtui.cli.Suggestions;
import dev.wgtui.cli.TextViews;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.text.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code select}: the workers that {@code diff} and {@code apply} with no pattern work on. */
@Command(name = "select", sortOptions = false,
        description = {"Choose the workers that diff and apply work on when given no pattern",
                "select --none clears the selection, select alone shows it, select PATTERN replaces it with the "
                        + "workers it names. Only select changes the selection: diff and apply given a pattern leave it "
                        + "as it is. The prompt shows how many workers are selected."})
final class SelectCommand implements Callable<Integer> {

    private final CommandRunner runner;

    @Spec
    CommandSpec spec;

    @Option(names = "--none", description = "Clear the selection: nothing selected")
    boolean none;

    @Parameters(arity = "0..*", paramLabel = "PATTERN", completionCandidates = Completions.Patterns.class,
            description = "Workers as Ansible limit patterns: cm4 s2204, a group, all, '!host', 'c*'")
    List<String> patterns;

    SelectCommand(CommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() throws Exception {
        Session s = runner.session();
        PrintWriter out = spec.commandLine().getOut();
        if (none && patterns != null && !patterns.isEmpty()) {
            throw new IllegalArgumentException("select takes a pattern or --none, not both");
        }
        if (none) {
            s.clearSelection();
        } else if (patterns != null && !patterns.isEmpty()) {
            String pattern = String.join(",", patterns);
            List<String> ignored;
            try {
                ignored = s.select(pattern);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Suggestions.forPattern(e.getMessage(), pattern,
                        runner.root().context().inventory()), e);
            }
            TextViews.ignoredHosts(pattern, ignored).ifPresent(spec.commandLine().getErr()::println);
        }
        List<String> selected = s.selectedWorkers();
        if (selected.isEmpty()) {
            out.println("Nothing selected (select PATTERN, e.g. select all).");
        } else {
            out.println("Selected: " + String.join(", ", selected.stream().map(Printable::of).toList()) + " ("
                    + selected.size() + " of " + s.cluster().workers().size() + " workers)");
        }
        return ExitCode.OK.code();
    }
}
