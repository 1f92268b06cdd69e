package dev.wgtui.core.plan;

/** How a peer on the hub stands against the inventory; the marker is what tables show. */
public enum PeerStatus {
    OK("✓", "=", "ok"),
    CHANGED("~", "~", "changed"),
    NEW("+", "+", "new"),
    MISSING("!", "!", "missing"),
    EXTRA("?", "?", "extra");

    private final String marker;
    private final String asciiMarker;
    private final String word;

    PeerStatus(String marker, String asciiMarker, String word) {
        this.marker = marker;
        this.asciiMarker = asciiMarker;
        this.word = word;
    }

    public String marker() {
        return marker;
    }

    /** The marker where the terminal cannot show UTF-8 ({@code LC_ALL=C}): distinct from every other. */
    public String asciiMarker() {
        return asciiMarker;
    }

    /** {@link #marker()} or, when {@code unicode} is false, {@link #asciiMarker()}. */
    public String marker(boolean unicode) {
        return unicode ? marker : asciiMarker;
    }

    public String word() {
        return word;
    }

    /** {@code "✓ ok"}, as the status column reads. */
    public String label() {
        return marker + " " + word;
    }
}
