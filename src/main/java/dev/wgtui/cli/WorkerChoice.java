package dev.wgtui.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** Which workers a plan is for, and whether their own configs come too: shared by diff and apply. */
final class WorkerChoice {

    @Parameters(arity = "0..*", paramLabel = "PATTERN", completionCandidates = Completions.Patterns.class,
            description = "Workers to merge, as Ansible limit patterns: cm4 s2204, a group, all, '!host', 'c*' "
                    + "(default: all; in the shell: the selection, which a pattern given here leaves as it is)")
    List<String> patterns;

    @Option(names = {"-w", "--workers"},
            description = "Also each chosen worker's own config (its Address, key and the hub as its peer): "
                    + "diff previews it, apply writes it and brings the tunnel up, deploying the worker end to end")
    boolean workers;
}
