package dev.wgtui.core.hub;

import java.time.Instant;

/** A backup of the config beside it: {@code wg0.conf.<timestamp>.backup}, when it was taken, its peers. */
public record Backup(String name, Instant time, int peers) {
}
