package dev.wgtui.core.hub;

import java.util.List;
import java.util.Optional;

/**
 * The control plane's WireGuard config and interface, as the operations need them. A local
 * file ({@link LocalHub}) and a hub over SSH implement it; every write is locked, checked
 * against the hash the operator previewed, backed up and atomic.
 */
public interface Hub extends AutoCloseable {

    /** Far more than a hub with 100,000 peers needs; a config past it is refused before it is read. */
    long MAX_CONFIG_BYTES = 64L * 1024 * 1024;

    /** The hub's inventory name, e.g. {@code k8s}. */
    String node();

    /** The config file, e.g. {@code /etc/wireguard/wg0.conf}. */
    String configPath();

    /** Where a dry-run leaves the preview, e.g. {@code /tmp/wg0.conf.preview}. */
    String previewPath();

    /** The file (absent when there is none yet) and the running interface (absent when down or local). */
    HubState read() throws HubException;

    /** Leaves {@code text} at {@link #previewPath()} with mode 0600; changes nothing else. */
    void writePreview(String text) throws HubException;

    /**
     * Locks the hub, refuses if the file's hash is not {@code expectedHash}, backs the file up,
     * writes {@code text} atomically (0600), reloads the interface without dropping tunnels and
     * returns the backup's name (null when there was no file) and the state after.
     */
    Commit commit(String text, String expectedHash) throws HubException;

    /** Puts a backup's content back (after a failed validation) and reloads; makes no new backup. */
    HubState rollback(String backupName) throws HubException;

    /**
     * Rolls back only if the file is still the one this run wrote ({@code expectedHash}); another
     * operator's commit in between is refused as a conflict rather than erased.
     */
    default HubState rollback(String backupName, String expectedHash) throws HubException {
        if (!read().hash().equals(expectedHash)) {
            throw new HubException(HubException.Kind.CONFLICT, node() + ":" + configPath()
                    + " changed after this apply (another operator?); not rolled back - look at it and restore "
                    + backupName + " by hand if needed");
        }
        return rollback(backupName);
    }

    /**
     * Loads the file that is there into the running interface again (after a run that was cut
     * between write and reload); a hub without an interface just reads.
     */
    default HubState reload() throws HubException {
        return read();
    }

    /** True when a commit reloads a running interface; false for a plain file (--local, --demo). */
    default boolean reloads() {
        return true;
    }

    /** Backups, newest first. */
    List<Backup> backups() throws HubException;

    String readBackup(String name) throws HubException;

    /** The running interface as {@code wg showconf} prints it; empty when it is down or local. */
    Optional<String> runningConfig() throws HubException;

    /** The file as {@code wg-quick strip} prints it (locally: the file itself). */
    String strippedConfig() throws HubException;

    /** Pings each address over the tunnel from the hub; local hubs cannot and return empty. */
    default Optional<List<PingResult>> ping(List<String> addresses) throws HubException {
        return Optional.empty();
    }

    @Override
    void close();

    /** The result of one ping over the tunnel. */
    record PingResult(String address, boolean reachable, String detail) {
    }
}
