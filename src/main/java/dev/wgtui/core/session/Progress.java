package dev.wgtui.core.session;

/**
 * How far a run over many workers is, told as each worker finishes a step (from the threads
 * doing the work): the command line prints {@code 12/53 workers} on a terminal, and the
 * dashboard can show the same in its status line.
 */
@FunctionalInterface
public interface Progress {

    /** {@code done} of {@code total} workers have finished {@code step} ("reading", "deploying"). */
    void update(String step, int done, int total);

    /** Tells no one. */
    Progress NONE = (step, done, total) -> {
    };
}
