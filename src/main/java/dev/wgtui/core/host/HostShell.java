package dev.wgtui.core.host;

import java.time.Duration;

/**
 * A host that runs commands: the one interface through which hub and worker operations
 * reach a machine. Files are read and written with commands ({@code cat}, stdin), so the
 * SSH adapter, a local process runner and a scripted fake in tests all fit behind it.
 */
public interface HostShell extends AutoCloseable {

    /** The host's name as the operator knows it (inventory name), for messages. */
    String hostName();

    /**
     * Runs {@code command} with {@code /bin/sh -c} semantics on the host, feeding {@code stdin}
     * (may be empty) and waiting at most {@code timeout}.
     *
     * @throws HostException when the host cannot be reached, the command cannot be started
     *                       or the timeout passes; a non-zero exit is not an exception
     */
    ExecResult exec(String command, byte[] stdin, Duration timeout) throws HostException;

    default ExecResult exec(String command, Duration timeout) throws HostException {
        return exec(command, new byte[0], timeout);
    }

    /** Closes the connection; never throws. */
    @Override
    void close();
}
