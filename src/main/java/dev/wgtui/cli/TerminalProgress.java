package dev.wgtui.cli;

import dev.wgtui.core.session.Progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code reading 12/53 workers} on one line of the terminal, rewritten as workers finish and
 * cleared when a step is done, so the output that follows starts on a clean line. Only where
 * standard error is a terminal: a pipe or a log file gets nothing.
 */
final class TerminalProgress implements Progress {

    private final PrintWriter out;
    private final PrintWriter err;
    private int shown = -1;

    private TerminalProgress(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Progress on {@code err} when the process's standard error is a terminal; else none. What
     * was printed on {@code out} is flushed before a step starts, so it shows in its place.
     */
    static Progress on(PrintWriter out, PrintWriter err) {
        return stderrIsTerminal() ? new TerminalProgress(out, err) : Progress.NONE;
    }

    /**
     * Every update is drawn (a few dozen bytes, one per worker), so the line is never behind; one
     * that arrives after a later one (threads race to tell) is dropped. A step starts at 0.
     */
    @Override
    public synchronized void update(String step, int done, int total) {
        if (done != 0 && done <= shown) {
            return;
        }
        shown = done;
        if (done == 0) {
            out.flush();
        }
        err.print(done == total ? "\r\033[K" : "\r\033[K" + line(step, done, total));
        err.flush();
    }

    /** The text of the line: {@code reading 12/53 workers}. */
    static String line(String step, int done, int total) {
        return step + " " + done + "/" + total + " workers";
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc names it /dev/pts/N or /dev/ttyN). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
