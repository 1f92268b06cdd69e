package dev.wgtui.cli;

/** Asks the operator to confirm a write; the command line reads the terminal, tests script it. */
@FunctionalInterface
public interface Confirm {

    /** True when the operator agreed to {@code question}. */
    boolean ask(String question);

    /**
     * Asks about writing {@code plan}, which the operator was just shown; a face that can show
     * the plan itself (the dashboard: its diff in the pane, the named peers in the dialog) does.
     */
    default boolean ask(String question, dev.wgtui.core.plan.Plan plan) {
        return ask(question);
    }

    /** Asks on the controlling terminal; without one, refuses. */
    static Confirm terminal() {
        return question -> {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            String answer = console.readLine("%s [y/N] ", question);
            return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        };
    }
}
