package dev.wgtui.tui;

/**
 * When the table reads the hub again by itself (one {@code wg show dump} round trip through
 * {@code Session.refresh()}), so handshakes, transfer and status stay current; {@code f} pauses it.
 */
final class LiveRefresh {

    static final long DEFAULT_EVERY_MILLIS = 5_000;

    private final long everyMillis;
    private boolean paused;
    private long lastMillis;

    LiveRefresh(long everyMillis) {
        this.everyMillis = everyMillis;
    }

    long everyMillis() {
        return everyMillis;
    }

    boolean paused() {
        return paused;
    }

    void toggle() {
        paused = !paused;
    }

    /** Notes a read (by itself or by the operator), so the next one is a full period away. */
    void read(long nowMillis) {
        lastMillis = nowMillis;
    }

    boolean due(long nowMillis) {
        return everyMillis > 0 && !paused && nowMillis - lastMillis >= everyMillis;
    }
}
