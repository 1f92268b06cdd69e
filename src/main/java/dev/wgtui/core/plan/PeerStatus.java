package dev.wgtui.core.plan;

/** How a peer on the hub stands against the inventory; the marker is what tables show. */
public enum PeerStatus {
    OK("✓", "ok"),
    CHANGED("~", "changed"),
    NEW("+", "new"),
    MISSING("!", "missing"),
    EXTRA("?", "extra");

    private final String marker;
    private final String word;

    PeerStatus(String marker, String word) {
        this.marker = marker;
        this.word = word;
    }

    public String marker() {
        return marker;
    }

    public String word() {
        return word;
    }

    /** {@code "✓ ok"}, as the status column reads. */
    public String label() {
        return marker + " " + word;
    }
}
