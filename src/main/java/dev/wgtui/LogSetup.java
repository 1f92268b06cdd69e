package dev.wgtui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Sends logging (sshj's and ours, through slf4j-simple) to a file, so that nothing reaches the
 * terminal behind the TUI. Call {@link #init} first thing in {@code main}: slf4j-simple reads its
 * settings once, when the first logger is made. Without it, {@code simplelogger.properties}
 * keeps logging off.
 */
public final class LogSetup {

    /** {@code WGTUI_DEBUG=1} logs at debug level instead of warn. */
    public static final String DEBUG_ENV = "WGTUI_DEBUG";

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LogSetup() {
    }

    /** {@code $XDG_STATE_HOME/wgtui/wgtui.log}, or {@code ~/.local/state/wgtui/wgtui.log}. */
    public static Path defaultLogFile() {
        return defaultLogFile(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The log file for environment {@code env} and home directory {@code home}. */
    public static Path defaultLogFile(Map<String, String> env, Path home) {
        String state = env.get("XDG_STATE_HOME");
        // The XDG spec says a relative path is invalid and must be ignored.
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute()
                ? Path.of(state) : home.resolve(".local").resolve("state");
        return base.resolve("wgtui").resolve("wgtui.log");
    }

    /** Logs to {@code logFile} at warn level, or debug when {@code WGTUI_DEBUG=1}. */
    public static boolean init(Path logFile) {
        return init(logFile, "1".equals(System.getenv(DEBUG_ENV)));
    }

    /**
     * Logs to {@code logFile} (its directory is created, private to the user) at warn or debug level.
     *
     * @return false when the file cannot be written; logging is then off, never on the terminal
     */
    public static boolean init(Path logFile, boolean debug) {
        try {
            Path dir = logFile.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(logFile)) {
                Files.createFile(logFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            if (!Files.isWritable(logFile)) {
                throw new IOException("not writable");
            }
        } catch (IOException | UnsupportedOperationException e) {
            System.setProperty(PREFIX + "defaultLogLevel", "off");
            return false;
        }
        System.setProperty(PREFIX + "logFile", logFile.toAbsolutePath().toString());
        System.setProperty(PREFIX + "defaultLogLevel", debug ? "debug" : "warn");
        return true;
    }
}
