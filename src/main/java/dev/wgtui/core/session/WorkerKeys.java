package dev.wgtui.core.session;

import dev.wgtui.core.cluster.Node;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where workers' public keys come from when the inventory has none: over SSH from the worker
 * (generating a key pair there if it has none). Local and demo sessions have no source.
 */
public interface WorkerKeys {

    /**
     * Public keys by worker name; a worker without a key pair gets one made on it (the private
     * key never leaves it). Only after the operator confirmed. Never a private key.
     */
    Map<String, String> publicKeys(Collection<Node> workers) throws Exception;

    /** Keys the workers already have, making nothing: what a dry-run may do. */
    default Map<String, String> existingKeys(Collection<Node> workers) throws Exception {
        return publicKeys(workers);
    }

    /** True when a worker without a key pair can get one at apply. */
    default boolean canGenerate() {
        return false;
    }

    /**
     * Reads the keys of {@code workers} ahead of a plan (with {@code make}, also makes a pair on
     * a worker that has none: only after the operator confirmed), each worker failing alone.
     * The keys found answer the next {@link #existingKeys}/{@link #publicKeys} call for those
     * workers without asking them again. Returns the workers that failed and why.
     */
    default List<WorkerFailure> prefetch(Collection<Node> workers, boolean make) {
        return List.of();
    }

    /** A source that knows no keys. */
    WorkerKeys NONE = workers -> Map.of();
}
