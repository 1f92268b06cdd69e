package dev.wgtui.repl;

import dev.wgtui.cli.Completions;
import dev.wgtui.cli.ExitCode;
import dev.wgtui.cli.TextViews;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code select}: the workers that {@code diff} and {@code apply} with no pattern work on. */
@Command(name = "select", description = {"Choose the workers that diff and apply work on when given no pattern",
        "With no pattern, show the selection; the prompt shows how many workers are selected."})
final class SelectCommand implements Callable<Integer> {

    private final CommandRunner runner;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATTERN", completionCandidates = Completions.Patterns.class,
            description = "Workers as Ansible limit patterns: cm4 s2204, a group, all, '!host', 'c*'")
    List<String> patterns;

    @Option(names = "--none", description = "Clear the selection")
    boolean none;

    SelectCommand(CommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() throws Exception {
        Session s = runner.session();
        PrintWriter out = spec.commandLine().getOut();
        if (none) {
            s.clearSelection();
        } else if (patterns != null && !patterns.isEmpty()) {
            String pattern = String.join(",", patterns);
            TextViews.ignoredHosts(pattern, s.select(pattern)).ifPresent(spec.commandLine().getErr()::println);
        }
        List<String> selected = s.selectedWorkers();
        if (selected.isEmpty()) {
            out.println("Nothing selected (select PATTERN, e.g. select all).");
        } else {
            out.println("Selected: " + String.join(", ", selected) + " (" + selected.size() + " of "
                    + s.cluster().workers().size() + " workers)");
        }
        return ExitCode.OK.code();
    }
}
