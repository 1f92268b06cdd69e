package dev.wgtui.core.hub;

/** A write done: the backup taken first (null when the file was new) and the hub after reload. */
public record Commit(String backupName, HubState after) {
}
