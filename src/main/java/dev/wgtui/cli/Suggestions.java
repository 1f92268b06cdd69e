package dev.wgtui.cli;

import dev.wgtui.core.inventory.Inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** "Did you mean": the names closest to a mistyped command, option or host. */
public final class Suggestions {

    private static final int MAX = 3;

    private Suggestions() {
    }

    /**
     * Up to three names of {@code names} close to {@code word}: one typo per three letters (a
     * letter wrong, missing, extra, or two swapped), or {@code word} as the start of the name.
     */
    public static List<String> closest(String word, Collection<String> names) {
        if (word == null || word.isEmpty()) {
            return List.of();
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        record Scored(String name, int distance) {
        }
        List<Scored> found = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (name.equals(word)) {
                continue;
            }
            int d = distance(word, name, allowed);
            if (d <= allowed) {
                found.add(new Scored(name, d));
            } else if (word.length() >= 2 && name.startsWith(word)) {
                found.add(new Scored(name, allowed + 1));
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX).map(Scored::name).toList();
    }

    /** {@code "; did you mean a or b?"}, or nothing when no name is close. */
    public static String didYouMean(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return "; did you mean " + names.get(0) + "?";
        }
        return "; did you mean " + String.join(", ", names.subList(0, names.size() - 1)) + " or "
                + names.get(names.size() - 1) + "?";
    }

    /**
     * {@code message}, the error a limit pattern got, with the inventory's hosts and groups
     * closest to the term it names added; as it is when the term is a wildcard, a regex or
     * nothing close.
     */
    public static String forPattern(String message, String pattern, Inventory inventory) {
        String separator = pattern.contains(",") ? "," : ":";
        for (String raw : pattern.split(separator)) {
            String term = raw.strip();
            if (term.startsWith("!") || term.startsWith("&")) {
                term = term.substring(1);
            }
            if (term.isEmpty() || !message.contains("'" + term + "'") || term.matches(".*[*?\\[~].*")
                    || inventory.hasHost(term) || inventory.hasGroup(term)) {
                continue;
            }
            Set<String> known = new LinkedHashSet<>(inventory.hosts());
            known.addAll(inventory.groups());
            return message + didYouMean(closest(term, known));
        }
        return message;
    }

    /**
     * The optimal string alignment distance (edits of one letter, and swaps of two neighbours),
     * given up on past {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
