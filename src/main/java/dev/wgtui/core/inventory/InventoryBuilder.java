package dev.wgtui.core.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups, hosts and their variables gathered while an inventory file is parsed, in the order the
 * file gives them, then settled as Ansible settles them: every group under {@code all}, and every
 * host that is in no other group in {@code ungrouped}.
 */
final class InventoryBuilder {

    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";
    private static final String PRIORITY = "ansible_group_priority";

    /** The parsed inventory, before variables are resolved per host. */
    record Tree(List<String> hosts, Map<String, Group> groups, Map<String, Map<String, Object>> hostVars,
                List<String> warnings) {
    }

    private final SourceFile file;
    private final Map<String, Draft> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> hostVars = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private static final class Draft {
        final Set<String> parents = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> hosts = new LinkedHashSet<>();
        final Map<String, Object> vars = new LinkedHashMap<>();
        int priority = 1;
    }

    InventoryBuilder(SourceFile file) {
        this.file = file;
        addGroup(ALL);
        addGroup(UNGROUPED);
        link(ALL, UNGROUPED);
    }

    SourceFile file() {
        return file;
    }

    boolean hasGroup(String name) {
        return groups.containsKey(name);
    }

    boolean hasHost(String name) {
        return hostVars.containsKey(name);
    }

    void addGroup(String name) {
        groups.computeIfAbsent(name, n -> new Draft());
    }

    /** Adds {@code host} to {@code group}; the first time a host is seen fixes its place in the order. */
    void addHost(String host, String group) {
        addGroup(group);
        hostVars.computeIfAbsent(host, h -> new LinkedHashMap<>());
        groups.get(group).hosts.add(host);
    }

    void setHostVar(String host, String key, Object value) {
        hostVars.computeIfAbsent(host, h -> new LinkedHashMap<>()).put(key, value);
    }

    void setGroupVar(String group, String key, Object value, int line) throws InventoryException {
        addGroup(group);
        if (key.equals(PRIORITY)) {
            groups.get(group).priority = priority(value, group, line);
        } else {
            groups.get(group).vars.put(key, value);
        }
    }

    private int priority(Object value, String group, int line) throws InventoryException {
        String text = String.valueOf(value).strip();
        if ((value instanceof Integer || value instanceof String) && text.matches("[+-]?[0-9]{1,9}")) {
            return Integer.parseInt(text);
        }
        throw file.error(line, "group '" + group + "': " + PRIORITY + " must be a whole number");
    }

    /** Makes {@code child} a child group of {@code parent}, refusing a loop. */
    void addChild(String parent, String child, int line) throws InventoryException {
        addGroup(parent);
        addGroup(child);
        if (child.equals(parent)) {
            throw file.error(line, "group '" + child + "' cannot be a child of itself");
        }
        if (ancestors(parent).contains(child)) {
            throw file.error(line, "group '" + child + "' cannot be a child of '" + parent
                    + "', which is already inside '" + child + "'");
        }
        link(parent, child);
    }

    void warn(int line, String message) {
        warnings.add(file.name() + (line > 0 ? ":" + line : "") + ": " + message);
    }

    private void link(String parent, String child) {
        groups.get(parent).children.add(child);
        groups.get(child).parents.add(parent);
    }

    private Set<String> ancestors(String group) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(groups.get(group).parents);
        while (!todo.isEmpty()) {
            String g = todo.pop();
            if (seen.add(g)) {
                todo.addAll(groups.get(g).parents);
            }
        }
        return seen;
    }

    Tree build() {
        for (Map.Entry<String, Draft> e : groups.entrySet()) {
            if (!e.getKey().equals(ALL) && e.getValue().parents.isEmpty()) {
                link(ALL, e.getKey());
            }
        }
        settleUngrouped();
        Map<String, Integer> depths = new HashMap<>();
        Map<String, Group> settled = new LinkedHashMap<>();
        groups.forEach((name, d) -> settled.put(name, new Group(name,
                Collections.unmodifiableSet(d.parents), Collections.unmodifiableSet(d.children),
                Collections.unmodifiableSet(d.hosts), Collections.unmodifiableMap(d.vars),
                depth(name, depths), d.priority)));
        Map<String, Map<String, Object>> vars = new LinkedHashMap<>();
        hostVars.forEach((host, v) -> vars.put(host, Collections.unmodifiableMap(v)));
        return new Tree(List.copyOf(hostVars.keySet()), Collections.unmodifiableMap(settled),
                Collections.unmodifiableMap(vars), List.copyOf(warnings));
    }

    /** A host is in {@code ungrouped} exactly when it is in no group but {@code all}. */
    private void settleUngrouped() {
        Set<String> grouped = new HashSet<>();
        groups.forEach((name, d) -> {
            if (!name.equals(ALL) && !name.equals(UNGROUPED)) {
                grouped.addAll(d.hosts);
            }
        });
        Set<String> ungrouped = groups.get(UNGROUPED).hosts;
        ungrouped.removeAll(grouped);
        for (String host : hostVars.keySet()) {
            if (!grouped.contains(host)) {
                ungrouped.add(host);
            }
        }
    }

    /** The longest path from {@code all}, as Ansible counts depth; the tree has no loops. */
    private int depth(String group, Map<String, Integer> known) {
        Integer depth = known.get(group);
        if (depth == null) {
            depth = 0;
            for (String parent : groups.get(group).parents) {
                depth = Math.max(depth, depth(parent, known) + 1);
            }
            known.put(group, depth);
        }
        return depth;
    }
}
