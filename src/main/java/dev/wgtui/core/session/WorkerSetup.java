package dev.wgtui.core.session;

import dev.wgtui.core.cluster.Node;

import java.util.Collection;
import java.util.List;

/**
 * A worker's own side of the tunnel: its config (Address, key loaded on the worker, the hub as
 * its one peer) previewed, then written and brought up, so a partial run deploys a worker end
 * to end. Over SSH in real use, many workers at a time; local and demo sessions have none.
 * A worker that cannot be reached, or whose command fails, fails alone: its entry says why.
 */
public interface WorkerSetup {

    /**
     * What writing one worker's config would do: its redacted diff, empty when nothing changes;
     * or, when {@code failure} is set, why it could not be planned (and nothing else).
     */
    record Change(String worker, String configPath, boolean changed, String diff, WorkerFailure failure) {
        public Change(String worker, String configPath, boolean changed, String diff) {
            this(worker, configPath, changed, diff, null);
        }

        public static Change failed(WorkerFailure failure) {
            return new Change(failure.worker(), "", false, "", failure);
        }

        public boolean failed() {
            return failure != null;
        }
    }

    /**
     * One worker after its config was applied: written or not, the backup taken, what is wrong
     * with its running interface; or, when {@code failure} is set, why it could not be applied.
     */
    record Result(String worker, boolean written, String backupName, List<String> problems, WorkerFailure failure,
                  boolean reloadedWithKeyFile) {
        public Result(String worker, boolean written, String backupName, List<String> problems) {
            this(worker, written, backupName, problems, null, false);
        }

        public Result(String worker, boolean written, String backupName, List<String> problems, WorkerFailure failure) {
            this(worker, written, backupName, problems, failure, false);
        }

        public static Result failed(WorkerFailure failure) {
            return new Result(failure.worker(), false, null, List.of(), failure);
        }

        public boolean failed() {
            return failure != null;
        }

        public boolean ok() {
            return failure == null && problems.isEmpty();
        }
    }

    /**
     * Plans each worker's config and leaves a preview on the worker; writes nothing else. Reads
     * the key of a worker that has none in the inventory on the way (so the plan's next key
     * lookup need not ask again).
     */
    List<Change> plan(Collection<Node> workers) throws Exception;

    /**
     * Writes the planned configs of {@code workers} (refusing a file changed since its plan) and
     * brings them up; a worker that fails is in the list with its failure.
     */
    List<Result> apply(Collection<String> workers) throws Exception;

    /** True when this session can reach workers at all. */
    default boolean available() {
        return true;
    }

    /** No worker access (local file, demo). */
    WorkerSetup NONE = new WorkerSetup() {
        @Override
        public List<Change> plan(Collection<Node> workers) {
            throw new IllegalStateException("workers can only be set up over SSH (not with --local or --demo)");
        }

        @Override
        public List<Result> apply(Collection<String> workers) {
            throw new IllegalStateException("workers can only be set up over SSH (not with --local or --demo)");
        }

        @Override
        public boolean available() {
            return false;
        }
    };
}
