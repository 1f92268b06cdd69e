package dev.wgtui.cli;

/** Asks the operator to confirm a write; the command line reads the terminal, tests script it. */
@FunctionalInterface
public interface Confirm {

    /** True when the operator agreed to {@code question}. */
    boolean ask(String question);

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
