package dev.wgtui.tui;

import java.util.function.Function;

/**
 * Runs the lines typed at the dashboard's {@code :} prompt: the shell's commands on the same
 * session. What a line prints comes back here (output and errors apart) and is shown in the
 * pane or the status line; nothing is written to the terminal under the screen.
 */
@FunctionalInterface
public interface Commands {

    /** What a line printed and how it ended. */
    record Result(String out, String err, int exitCode, boolean quit) {
        public static Result printed(String out) {
            return new Result(out == null ? "" : out, "", 0, false);
        }
    }

    Result run(String line) throws Exception;

    /** No commands: every line is unknown. */
    Commands NONE = line -> new Result("", "unknown command: " + line.strip(), 2, false);

    /** A runner that only returns text (tests, simple faces). */
    static Commands printing(Function<String, String> f) {
        return line -> Result.printed(f.apply(line));
    }
}
