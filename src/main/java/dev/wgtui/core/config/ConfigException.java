package dev.wgtui.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config that wgtui refuses to write; the message names the file and line of each error. */
public final class ConfigException extends Exception {

    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
