package dev.wgtui.core.inventory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An Ansible inventory (YAML, INI, or the JSON of {@code ansible-inventory --list}) with the
 * {@code group_vars/} and {@code host_vars/} beside it, and each host's variables resolved as
 * Ansible resolves them.
 *
 * <p>Precedence, lowest first, as Ansible's default {@code VARIABLE_PRECEDENCE}: the inventory
 * file's {@code all} vars; the inventory file's vars of the host's other groups; the
 * {@code group_vars/all} files; the {@code group_vars/<group>} files of the host's other groups;
 * the host's vars in the inventory file; the {@code host_vars/<host>} files. Groups are taken
 * parents before children (by depth), then by {@code ansible_group_priority}, then by name.
 * Variables are merged shallowly: a later value replaces an earlier one whole. Templates
 * ({@code {{ ... }}}) are kept as text, not rendered.
 */
public final class Inventory {

    private static final Comparator<Group> VARS_ORDER =
            Comparator.comparingInt(Group::depth).thenComparingInt(Group::priority).thenComparing(Group::name);

    private final Path source;
    private final String name;
    private final List<String> hosts;
    private final Map<String, Group> groups;
    private final SortedSet<String> groupNames;
    private final Map<String, List<String>> members = new HashMap<>();
    private final Map<String, SortedSet<String>> memberships = new HashMap<>();
    private final Map<String, Map<String, Object>> vars = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private Inventory(Path source, String name, InventoryBuilder.Tree tree, VarsFiles files)
            throws InventoryException {
        this.source = source;
        this.name = name;
        this.hosts = tree.hosts();
        this.groups = tree.groups();
        this.groupNames = Collections.unmodifiableSortedSet(new TreeSet<>(groups.keySet()));
        Map<String, Integer> position = new java.util.HashMap<>(hosts.size() * 2);
        for (String host : hosts) {
            position.putIfAbsent(host, position.size());
        }
        for (String group : groups.keySet()) {
            Set<String> inGroup = hostsUnder(group);
            // in inventory order, sorted by position: not a scan of every host per group (a
            // cloud inventory has a group per instance)
            List<String> ordered = inGroup.stream().filter(position::containsKey)
                    .sorted(java.util.Comparator.comparingInt(position::get)).toList();
            members.put(group, ordered);
            if (!group.equals(InventoryBuilder.ALL)) {
                ordered.forEach(host -> memberships.computeIfAbsent(host, h -> new TreeSet<>()).add(group));
            }
        }
        memberships.replaceAll((host, names) -> Collections.unmodifiableSortedSet(names));
        Map<String, Map<String, Object>> groupFiles = new HashMap<>();
        for (String group : groups.keySet()) {
            groupFiles.put(group, files.groupVars(group));
        }
        for (String host : hosts) {
            vars.put(host, resolve(host, tree.hostVars().get(host), groupFiles, files.hostVars(host)));
        }
        warnings.addAll(tree.warnings());
        warnings.addAll(files.warnings());
    }

    /**
     * Reads the inventory at {@code path}: YAML for {@code .yml}/{@code .yaml}, JSON for
     * {@code .json}, INI for {@code .ini}; any other name by its content (JSON if it starts with
     * a brace, YAML if it starts like a YAML mapping or with {@code ---}, INI otherwise).
     *
     * @throws InventoryException naming the file and line of the first problem
     */
    public static Inventory load(Path path) throws InventoryException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        SourceFile file = new SourceFile(path, name);
        String text = file.read();
        InventoryBuilder builder = new InventoryBuilder(file);
        switch (InventoryFormat.detect(path, text)) {
            case YAML -> YamlInventory.parse(text, builder);
            case JSON -> JsonInventory.parse(text, builder);
            case INI -> IniInventory.parse(text, builder);
        }
        Path base = path.toAbsolutePath().getParent();
        return new Inventory(path, name, builder.build(), new VarsFiles(base));
    }

    public Path source() {
        return source;
    }

    /** Every host, in the order the inventory first names them. */
    public List<String> hosts() {
        return hosts;
    }

    /** Every group, {@code all} and {@code ungrouped} included, sorted by name. */
    public Set<String> groups() {
        return groupNames;
    }

    public boolean hasHost(String host) {
        return vars.containsKey(host);
    }

    public boolean hasGroup(String group) {
        return groups.containsKey(group);
    }

    /** The hosts of {@code group} and of its child groups, in inventory order; none for an unknown group. */
    public List<String> hostsOf(String group) {
        return members.getOrDefault(group, List.of());
    }

    /**
     * The groups {@code host} belongs to, directly or through child groups, sorted, without
     * {@code all} (Ansible's {@code group_names}); none for an unknown host.
     */
    public SortedSet<String> groupsOf(String host) {
        return memberships.getOrDefault(host, Collections.emptySortedSet());
    }

    /**
     * The variables of {@code host} after precedence (see the class comment), read-only; values
     * are as YAML or JSON gives them (String, Integer, Long, Double, Boolean, List, Map, null,
     * {@link Vaulted}); INI values as Ansible reads them (whole numbers, {@code True},
     * {@code False}, quoted strings; the rest, {@code true} and {@code yes} included, as text —
     * read flags with {@link Vars#bool}). Empty for an unknown host.
     */
    public Map<String, Object> varsOf(String host) {
        return vars.getOrDefault(host, Map.of());
    }

    /**
     * The hosts an Ansible {@code --limit} pattern selects, in inventory order: terms separated
     * by commas (or colons when there is no comma) are host names, group names, {@code all},
     * globs with {@code *}, {@code ?} and {@code [...]}, or {@code ~regex}; {@code &term}
     * intersects and {@code !term} excludes, applied after the plain terms as Ansible does; a
     * subscript picks hosts of a match ({@code workers[0]}, {@code workers[0:1]}).
     *
     * @throws InventoryException when a term matches no host or group, or the pattern is malformed
     */
    public List<String> limit(String pattern) throws InventoryException {
        return new HostSelector(this).select(pattern);
    }

    /** Things Ansible would warn about and skip, such as an unexpected key in a YAML group, with file and line. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** The inventory file's name, for messages. */
    String name() {
        return name;
    }

    private Set<String> hostsUnder(String group) {
        Set<String> found = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(group));
        while (!todo.isEmpty()) {
            Group g = groups.get(todo.pop());
            if (seen.add(g.name())) {
                found.addAll(g.hosts());
                todo.addAll(g.children());
            }
        }
        return found;
    }

    private Map<String, Object> resolve(String host, Map<String, Object> inventoryVars,
                                        Map<String, Map<String, Object>> groupFiles,
                                        Map<String, Object> hostFiles) {
        List<Group> hostGroups = groupsOf(host).stream()
                .map(groups::get)
                .sorted(VARS_ORDER)
                .toList();
        Map<String, Object> resolved = new LinkedHashMap<>(groups.get(InventoryBuilder.ALL).vars());
        hostGroups.forEach(g -> resolved.putAll(g.vars()));
        resolved.putAll(groupFiles.get(InventoryBuilder.ALL));
        hostGroups.forEach(g -> resolved.putAll(groupFiles.get(g.name())));
        resolved.putAll(inventoryVars);
        resolved.putAll(hostFiles);
        return Collections.unmodifiableMap(resolved);
    }
}
