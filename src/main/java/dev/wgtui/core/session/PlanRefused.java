package dev.wgtui.core.session;

import dev.wgtui.core.config.Problem;

import java.util.List;
import java.util.stream.Collectors;

/** A plan that would be unsafe to apply: the proposed config breaks a refuse rule, or a key is unknown. */
public final class PlanRefused extends Exception {

    private final transient List<Problem> problems;

    public PlanRefused(String message, List<Problem> problems) {
        super(problems.isEmpty() ? message
                : message + "\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
