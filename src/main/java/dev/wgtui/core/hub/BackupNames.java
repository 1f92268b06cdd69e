package dev.wgtui.core.hub;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup file names as the seed makes them: {@code <file>.<timestamp>.backup}, the timestamp
 * in UTC as {@code 20261126T031500Z} (sortable), with a {@code -N} suffix if one already exists.
 */
public final class BackupNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("(.+)\\.(\\d{8}T\\d{6}Z)(?:-(\\d+))?\\.backup");

    /**
     * Backups newest first: by the time in the name, then by the sequence number of backups
     * taken in the same second ({@code -10} after {@code -2}, not before it); names that are not
     * backup names last.
     */
    public static final Comparator<String> NEWEST_FIRST = Comparator
            .comparing((String n) -> timeOf(n).orElse(Instant.MIN))
            .thenComparingLong(BackupNames::sequenceOf)
            .thenComparing(Comparator.naturalOrder())
            .reversed();

    private BackupNames() {
    }

    /** The uniqueness suffix: 1 for {@code ...Z.backup}, N for {@code ...Z-N.backup}; 0 when not a backup name. */
    public static long sequenceOf(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return 0;
        }
        if (m.group(3) == null) {
            return 1;
        }
        try {
            return Long.parseLong(m.group(3));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The backup name for {@code fileName} at {@code time} (without the uniqueness suffix). */
    public static String of(String fileName, Instant time) {
        return fileName + "." + STAMP.format(time) + ".backup";
    }

    /**
     * The file beside the backups of {@code fileName} that records each one's SHA-256 when it
     * was written, as {@code sha256sum} prints them: {@code .wg0.conf.sha256}. A backup whose
     * hash differs is damaged and never offered for a restore.
     */
    public static String hashesOf(String fileName) {
        return "." + fileName + ".sha256";
    }

    /** True when {@code name} is a backup of {@code fileName}. */
    public static boolean isBackupOf(String name, String fileName) {
        Matcher m = NAME.matcher(name);
        return m.matches() && m.group(1).equals(fileName);
    }

    /** The time in a backup's name. */
    public static Optional<Instant> timeOf(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(2), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A backup name must be a plain file name: no path, nothing a shell would read. */
    public static boolean isSafe(String name) {
        return NAME.matcher(name).matches() && name.matches("[A-Za-z0-9._-]+");
    }
}
