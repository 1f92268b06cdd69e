package dev.wgtui.core.hub;

import java.util.Optional;

/**
 * A write done: the backup taken first (null when the file was new), the hub after reload, and
 * the running interface's public key right before the reload (empty when it was down or the
 * hub has no interface), which validation holds the interface after to.
 */
public record Commit(String backupName, HubState after, Optional<String> interfaceKeyBefore) {

    public Commit(String backupName, HubState after) {
        this(backupName, after, Optional.empty());
    }
}
