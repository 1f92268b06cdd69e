package dev.wgtui.core.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Ansible's host patterns, as {@code ansible-playbook --limit} takes them, over one inventory. */
final class HostSelector {

    /** Ansible's split when there is no comma: words of anything but blanks, ':' and brackets, or whole [...]. */
    private static final Pattern COLON_TERM = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*])+");
    private static final Pattern SUBSCRIPT = Pattern.compile("(.+)\\[(?:(-?[0-9]+)|([0-9]+):([0-9]+)?)]");

    private final Inventory inventory;

    HostSelector(Inventory inventory) {
        this.inventory = inventory;
    }

    List<String> select(String pattern) throws InventoryException {
        Set<String> selected = new LinkedHashSet<>();
        for (String term : ordered(terms(pattern))) {
            // a host's own name is taken as it is, before any pattern syntax
            if (inventory.hasHost(term)) {
                selected.add(term);
                continue;
            }
            char op = term.charAt(0);
            if (op == '!' || op == '&') {
                String operand = term.substring(1);
                if (operand.isEmpty()) {
                    throw new InventoryException("'" + op + "' in the limit needs a host or group after it");
                }
                List<String> matched = match(operand);
                if (op == '!') {
                    matched.forEach(selected::remove);
                } else {
                    selected.retainAll(Set.copyOf(matched));
                }
            } else {
                selected.addAll(match(term));
            }
        }
        return inventory.hosts().stream().filter(selected::contains).toList();
    }

    private List<String> terms(String pattern) throws InventoryException {
        String whole = pattern.strip();
        if (inventory.hasHost(whole)) {
            return List.of(whole);
        }
        List<String> terms = new ArrayList<>();
        if (whole.contains(",")) {
            for (String term : whole.split(",")) {
                if (!term.isBlank()) {
                    terms.add(term.strip());
                }
            }
        } else {
            Matcher m = COLON_TERM.matcher(whole);
            while (m.find()) {
                terms.add(m.group());
            }
        }
        if (terms.isEmpty()) {
            throw new InventoryException("the limit is empty");
        }
        return terms;
    }

    /** Plain terms first, then intersections, then exclusions; only exclusions start from all. */
    private static List<String> ordered(List<String> terms) {
        List<String> plain = new ArrayList<>();
        List<String> intersections = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        for (String term : terms) {
            switch (term.charAt(0)) {
                case '&' -> intersections.add(term);
                case '!' -> exclusions.add(term);
                default -> plain.add(term);
            }
        }
        if (plain.isEmpty()) {
            plain.add(InventoryBuilder.ALL);
        }
        List<String> ordered = new ArrayList<>(plain);
        ordered.addAll(intersections);
        ordered.addAll(exclusions);
        return ordered;
    }

    /** The hosts one term names, in inventory order. */
    private List<String> match(String term) throws InventoryException {
        String expression = term;
        Matcher subscript = SUBSCRIPT.matcher(term);
        boolean subscripted = !term.startsWith("~") && subscript.matches();
        if (subscripted) {
            expression = subscript.group(1);
        }
        Predicate<String> test = predicate(expression);
        List<String> groups = inventory.groups().stream().filter(test).toList();
        Set<String> found = new LinkedHashSet<>();
        groups.forEach(g -> found.addAll(inventory.hostsOf(g)));
        boolean wild = expression.startsWith("~") || expression.chars().anyMatch(c -> ".?*[".indexOf(c) >= 0);
        if (groups.isEmpty() || wild) {
            inventory.hosts().stream().filter(test).forEach(found::add);
        }
        if (groups.isEmpty() && found.isEmpty()) {
            throw new InventoryException("no host matches '" + term + "' in " + inventory.name());
        }
        List<String> hosts = inventory.hosts().stream().filter(found::contains).toList();
        return subscripted ? pick(hosts, subscript, term) : hosts;
    }

    private static List<String> pick(List<String> hosts, Matcher subscript, String term) throws InventoryException {
        List<String> picked;
        if (subscript.group(2) != null) {
            int index = Integer.parseInt(subscript.group(2));
            int at = index < 0 ? hosts.size() + index : index;
            picked = at >= 0 && at < hosts.size() ? List.of(hosts.get(at)) : List.of();
        } else {
            int from = Integer.parseInt(subscript.group(3));
            int to = subscript.group(4) == null ? hosts.size() - 1 : Integer.parseInt(subscript.group(4));
            picked = from <= to && from < hosts.size() ? hosts.subList(from, Math.min(to + 1, hosts.size())) : List.of();
        }
        if (picked.isEmpty()) {
            throw new InventoryException("no host matches '" + term + "': '" + subscript.group(1) + "' has "
                    + hosts.size() + (hosts.size() == 1 ? " host" : " hosts"));
        }
        return picked;
    }

    private static Predicate<String> predicate(String expression) throws InventoryException {
        try {
            if (expression.startsWith("~")) {
                // Python's re.match: anchored at the start only
                Pattern regex = Pattern.compile(expression.substring(1));
                return name -> regex.matcher(name).lookingAt();
            }
            Pattern glob = Pattern.compile(glob(expression));
            return name -> glob.matcher(name).matches();
        } catch (PatternSyntaxException e) {
            throw new InventoryException("invalid regular expression '" + expression + "' in the limit: "
                    + e.getDescription());
        }
    }

    /** A shell glob as Python's fnmatch reads it: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}. */
    static String glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? classEnd(glob, i) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                String body = glob.substring(i + 1, close);
                boolean negated = body.startsWith("!");
                regex.append('[').append(negated ? "^" : "");
                for (char b : (negated ? body.substring(1) : body).toCharArray()) {
                    regex.append(b == '-' ? "-" : Character.isLetterOrDigit(b) ? String.valueOf(b) : "\\" + b);
                }
                regex.append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /** Where the class opening at {@code open} closes; a ']' right after '[' or '[!' is a member. */
    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && glob.charAt(i) == '!') {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++;
        }
        int close = glob.indexOf(']', i);
        return close;
    }
}
