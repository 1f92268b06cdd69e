package dev.wgtui.core.session;

import dev.wgtui.core.cluster.Node;

import java.util.Collection;
import java.util.Map;

/**
 * Where workers' public keys come from when the inventory has none: over SSH from the worker
 * (generating a key pair there if it has none). Local and demo sessions have no source.
 */
public interface WorkerKeys {

    /** Public keys by worker name for those it could find; never a private key. */
    Map<String, String> publicKeys(Collection<Node> workers) throws Exception;

    /** A source that knows no keys. */
    WorkerKeys NONE = workers -> Map.of();
}
