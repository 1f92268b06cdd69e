package dev.wgtui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import java.util.List;
import java.util.Optional;

/**
 * One key of the dashboard as a value: where it works, the key, a short name for the footer, a
 * description for the help screen and the man page, what it does, and why it cannot be used
 * right now. The footer, the {@code ?} screen and the docs are all generated from
 * {@link DashboardKeys#bindings()}.
 *
 * @param hint whether the footer shows it (movement keys are only in the help)
 */
public record KeyBinding(KeyContext context, Key key, String name, String description, boolean hint,
                         Handler handler, DisabledReason disabledReason) {

    /** What a key does to the dashboard. */
    @FunctionalInterface
    public interface Handler {
        void handle(Dashboard dashboard);
    }

    /** Why a key cannot be used now (empty when it can), e.g. "select workers first". */
    @FunctionalInterface
    public interface DisabledReason {
        Optional<String> why(Dashboard dashboard);

        DisabledReason NEVER = d -> Optional.empty();
    }

    /** A key as shown ({@code label}) and the keystrokes that press it. */
    public record Key(String label, List<KeyStroke> strokes) {

        public Key {
            strokes = List.copyOf(strokes);
        }

        /** A printable character key, e.g. {@code A}. */
        public static Key of(char c) {
            return new Key(c == ' ' ? "space" : String.valueOf(c), List.of(new KeyStroke(c, false, false)));
        }

        /** A special key such as Enter, shown as {@code label}. */
        public static Key of(String label, KeyType type) {
            return new Key(label, List.of(new KeyStroke(type)));
        }

        /** True when this key and {@code other} share a stroke. */
        public boolean overlaps(Key other) {
            return other.strokes().stream().anyMatch(this::matches);
        }

        /** Several keys doing the same thing, e.g. {@code ↓/j}. */
        public static Key any(String label, Key... keys) {
            return new Key(label, java.util.Arrays.stream(keys).flatMap(k -> k.strokes().stream()).toList());
        }

        /** Shift with a special key, e.g. shift-↓. */
        public static Key shift(String label, KeyType type) {
            return new Key(label, List.of(new KeyStroke(type, false, false, true)));
        }

        /** Ctrl with a letter, e.g. ctrl-c. */
        public static Key ctrl(char c) {
            return new Key("ctrl-" + c, List.of(new KeyStroke(c, true, false)));
        }

        /**
         * True when {@code pressed} is one of this key's strokes. Shift counts for special keys
         * (shift-↓ is not ↓) and not for characters ('A' is 'A').
         */
        public boolean matches(KeyStroke pressed) {
            for (KeyStroke s : strokes) {
                if (s.getKeyType() != pressed.getKeyType() || s.isCtrlDown() != pressed.isCtrlDown()
                        || s.isAltDown() != pressed.isAltDown()
                        || (s.getKeyType() != KeyType.Character && s.isShiftDown() != pressed.isShiftDown())) {
                    continue;
                }
                if (s.getKeyType() != KeyType.Character || s.getCharacter().equals(pressed.getCharacter())
                        || s.isCtrlDown() && Character.toLowerCase(s.getCharacter())
                        == Character.toLowerCase(pressed.getCharacter())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The reason this binding is disabled now, if it is. */
    public Optional<String> disabled(Dashboard dashboard) {
        return disabledReason.why(dashboard);
    }
}
