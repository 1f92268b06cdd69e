package dev.wgtui.core.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Typed reads of a host's variables ({@link Inventory#varsOf}) with Ansible's conversions.
 *
 * <p>An absent key and a null value read as absent. A value that is present but cannot be read
 * as asked (a list where a string belongs, {@code "22x"} as a port, {@code maybe} as a flag, a
 * {@link Vaulted} value) throws {@link IllegalArgumentException} whose message names the key and
 * what is wrong, never the value itself; callers add the host and report it.
 */
public final class Vars {

    private static final Set<String> TRUE = Set.of("true", "yes", "on", "y", "t", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "off", "n", "f", "0");

    private Vars() {
    }

    /** A scalar as text: strings as they are, numbers and booleans in Java's spelling ({@code 22}, {@code true}). */
    public static Optional<String> string(Map<String, Object> vars, String key) {
        Object value = vars.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        throw notA(key, value, "a string");
    }

    /** A whole number, from a YAML/JSON integer or a string of digits (as INI and quoted YAML give it). */
    public static OptionalInt integer(Map<String, Object> vars, String key) {
        Object value = vars.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value instanceof Integer number) {
            return OptionalInt.of(number);
        }
        BigInteger number = null;
        if (value instanceof Long || value instanceof BigInteger) {
            number = new BigInteger(value.toString());
        } else if (value instanceof String text && text.strip().matches("[+-]?[0-9]+")) {
            number = new BigInteger(text.strip());
        }
        if (number != null) {
            if (number.bitLength() >= Integer.SIZE) {
                throw new IllegalArgumentException(key + " is too big for a whole number");
            }
            return OptionalInt.of(number.intValue());
        }
        throw notA(key, value, "a whole number");
    }

    /**
     * A flag with Ansible's truthiness: {@code true}, {@code yes}, {@code on}, {@code y},
     * {@code t}, {@code 1} and their opposites, in any case, or a YAML boolean, or 1/0;
     * {@code dflt} when absent.
     */
    public static boolean bool(Map<String, Object> vars, String key, boolean dflt) {
        Object value = vars.get(key);
        if (value == null) {
            return dflt;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String || value instanceof Integer) {
            String text = value.toString().strip().toLowerCase(Locale.ROOT);
            if (TRUE.contains(text)) {
                return true;
            }
            if (FALSE.contains(text)) {
                return false;
            }
        }
        throw notA(key, value, "true or false");
    }

    /**
     * A list of strings, from a YAML/JSON list of scalars or a comma-separated string (blanks
     * around items dropped); empty when absent.
     */
    public static List<String> strings(Map<String, Object> vars, String key) {
        Object value = vars.get(key);
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
                    throw notA(key, value, "a list of strings");
                }
                items.add(item.toString());
            }
            return List.copyOf(items);
        }
        if (value instanceof String text) {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return List.copyOf(items);
        }
        throw notA(key, value, "a list of strings");
    }

    private static IllegalArgumentException notA(String key, Object value, String wanted) {
        String problem;
        if (value instanceof Vaulted) {
            problem = "is encrypted with ansible-vault, which wgtui cannot read";
        } else if (value instanceof Map) {
            problem = "is a mapping, not " + wanted;
        } else if (value instanceof List || value instanceof Set) {
            problem = "is a list, not " + wanted;
        } else {
            problem = "is not " + wanted;
        }
        return new IllegalArgumentException(key + " " + problem);
    }
}
