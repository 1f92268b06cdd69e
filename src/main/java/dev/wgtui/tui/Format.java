package dev.wgtui.tui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small text forms for the dashboard: ages, byte counts, shortened keys. */
final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** {@code 42s}, {@code 4m05s}, {@code 2h13m}, {@code 3d04h}. */
    static String age(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86400) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", seconds / 86400, seconds % 86400 / 3600);
    }

    /** {@code 0 B}, {@code 512 B}, {@code 1.2 KiB}, {@code 34.0 MiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Compact for table columns: {@code 512B}, {@code 340K}, {@code 1.2M}, {@code 70M}. */
    static String bytesShort(long n) {
        if (n < 1024) {
            return n + "B";
        }
        String[] units = {"K", "M", "G", "T", "P"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return v < 10 ? String.format(Locale.ROOT, "%.1f%s", v, units[u])
                : String.format(Locale.ROOT, "%d%s", Math.round(v), units[u]);
    }

    /** An address without a single-host prefix: {@code 10.0.0.50/32} is {@code 10.0.0.50}. */
    static String address(String a) {
        return a.endsWith("/32") || a.endsWith("/128") ? a.substring(0, a.lastIndexOf('/')) : a;
    }

    /** A public key's first 8 characters and an ellipsis; public keys only, never secrets. */
    static String shortKey(String key) {
        return key == null ? "-" : key.length() <= 10 ? key : key.substring(0, 8) + "…";
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    static String clock(long epochSeconds) {
        return CLOCK.format(Instant.ofEpochSecond(epochSeconds));
    }

    /** The first line of a message. */
    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
