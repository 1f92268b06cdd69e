package dev.wgtui.core.session;

import dev.wgtui.core.cluster.Node;

import java.util.Collection;
import java.util.List;

/**
 * A worker's own side of the tunnel: its config (Address, key loaded on the worker, the hub as
 * its one peer) previewed, then written and brought up, so a partial run deploys a worker end
 * to end. Over SSH in real use; local and demo sessions have none.
 */
public interface WorkerSetup {

    /** What writing one worker's config would do: its redacted diff, empty when nothing changes. */
    record Change(String worker, String configPath, boolean changed, String diff) {
    }

    /** One worker after its config was applied. */
    record Result(String worker, boolean written, String backupName, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Plans each worker's config and leaves a preview on the worker; writes nothing else. */
    List<Change> plan(Collection<Node> workers) throws Exception;

    /** Writes the planned configs of {@code workers} (refusing a file changed since its plan) and brings them up. */
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
