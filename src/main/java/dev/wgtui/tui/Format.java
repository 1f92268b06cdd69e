package dev.wgtui.tui;

import dev.wgtui.core.live.Units;

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

    static String age(long seconds) {
        return Units.age(seconds);
    }

    static String bytes(long n) {
        return Units.bytes(n);
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
