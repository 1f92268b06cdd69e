package dev.wgtui.tui;

import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.PeerStatus;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What {@code /} narrows the peer table to: a name (part of it), a status ({@code ok},
 * {@code changed}, a marker), the start of an address or of a public key, or a regular
 * expression such as {@code cm4|s2} matched against the same fields.
 *
 * <p>{@code missing} and {@code new} both mean "a worker not on the hub yet": selecting one turns
 * it from missing into new, and it must not drop out of the filter the operator selected it in.
 */
record PeerFilter(String text, Pattern regex, String problem) {

    static final PeerFilter NONE = new PeerFilter("", null, null);

    /** A key prefix shorter than this is not matched against keys (it would match names' noise). */
    static final int KEY_PREFIX = 4;

    private static final String REGEX_CHARS = "|()[]{}*+?^$\\";

    static PeerFilter of(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return NONE;
        }
        boolean marker = java.util.Arrays.stream(PeerStatus.values())
                .anyMatch(s -> t.equals(s.marker()) || t.equals(s.asciiMarker()));
        boolean looksLikeRegex = !marker && t.chars().anyMatch(c -> REGEX_CHARS.indexOf(c) >= 0);
        if (!looksLikeRegex) {
            return new PeerFilter(t, null, null);
        }
        try {
            return new PeerFilter(t, Pattern.compile(t, Pattern.CASE_INSENSITIVE), null);
        } catch (PatternSyntaxException e) {
            return new PeerFilter(t, null, "not a regular expression (" + e.getDescription() + "); matched as text");
        }
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** Why the text is matched literally although it looks like a regular expression. */
    Optional<String> why() {
        return Optional.ofNullable(problem);
    }

    boolean matches(PeerRow r) {
        if (text.isEmpty()) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (r.name().toLowerCase(Locale.ROOT).contains(lower) || statusMatches(r.status(), lower)
                || r.address().startsWith(text)) {
            return true;
        }
        String key = r.publicKey().orElse("");
        if (text.length() >= KEY_PREFIX && key.startsWith(text)) {
            return true;
        }
        if (regex != null) {
            return regex.matcher(r.name()).find() || regex.matcher(r.address()).find()
                    || regex.matcher(r.status().word()).find() || (!key.isEmpty() && regex.matcher(key).find());
        }
        return false;
    }

    private static boolean statusMatches(PeerStatus status, String lower) {
        if (lower.equals(status.marker()) || lower.equals(status.asciiMarker())
                || lower.equals(status.label().toLowerCase(Locale.ROOT))) {
            return true;
        }
        boolean notOnHub = status == PeerStatus.MISSING || status == PeerStatus.NEW;
        if (notOnHub && (PeerStatus.MISSING.word().startsWith(lower) || PeerStatus.NEW.word().startsWith(lower))) {
            return true;
        }
        return status.word().startsWith(lower);
    }
}
