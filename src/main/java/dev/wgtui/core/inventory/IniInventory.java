package dev.wgtui.core.inventory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's INI inventory, read as its ini plugin reads it: hosts before any section are
 * ungrouped; {@code [group]} lists hosts with {@code key=value} variables, {@code [group:vars]}
 * sets variables, {@code [group:children]} names child groups, which must be declared somewhere
 * in the file with a section of their own.
 */
final class IniInventory {

    private static final Pattern SECTION = Pattern.compile("\\[([^:\\]\\s]+)(?::(\\w+))?]\\s*(?:#.*)?");
    private static final Pattern GROUP_NAME = Pattern.compile("([^:\\]\\s]+)\\s*(?:#.*)?");

    private enum Kind { HOSTS, VARS, CHILDREN }

    /** A group used by a section, which must be declared by the end of the file. */
    private record Reference(String group, String section, int line) {
    }

    /** A child group named in a [parent:children] section. */
    private record Edge(String parent, String child, int line) {
    }

    private final InventoryBuilder inventory;
    private final SourceFile file;
    private final Set<String> declared = new HashSet<>(Set.of(InventoryBuilder.ALL, InventoryBuilder.UNGROUPED));
    private final List<Reference> references = new ArrayList<>();
    private final List<Edge> children = new ArrayList<>();

    private IniInventory(InventoryBuilder inventory) {
        this.inventory = inventory;
        this.file = inventory.file();
    }

    static void parse(String text, InventoryBuilder inventory) throws InventoryException {
        new IniInventory(inventory).lines(text.split("\r?\n|\r", -1));
    }

    private void lines(String[] lines) throws InventoryException {
        String group = InventoryBuilder.UNGROUPED;
        Kind kind = Kind.HOSTS;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                Matcher m = SECTION.matcher(line);
                if (!m.matches()) {
                    throw file.error(number, "invalid section header '" + line
                            + "' (a group name has no spaces, ':' or ']')");
                }
                group = m.group(1);
                kind = kind(m.group(2), line, number);
                inventory.addGroup(group);
                if (kind == Kind.VARS) {
                    references.add(new Reference(group, "[" + group + ":vars]", number));
                } else {
                    declared.add(group);
                }
                continue;
            }
            switch (kind) {
                case HOSTS -> host(group, line, number);
                case VARS -> variable(group, line, number);
                case CHILDREN -> child(group, line, number);
            }
        }
        for (Reference reference : references) {
            if (!declared.contains(reference.group())) {
                throw file.error(reference.line(), reference.section() + " names group '" + reference.group()
                        + "', which has no section of its own");
            }
        }
        for (Edge edge : children) {
            inventory.addChild(edge.parent(), edge.child(), edge.line());
        }
    }

    private Kind kind(String suffix, String line, int number) throws InventoryException {
        if (suffix == null) {
            return Kind.HOSTS;
        }
        return switch (suffix) {
            case "vars" -> Kind.VARS;
            case "children" -> Kind.CHILDREN;
            default -> throw file.error(number, "section " + line + " has unknown type '" + suffix
                    + "' (expected :vars or :children)");
        };
    }

    private void host(String group, String line, int number) throws InventoryException {
        List<String> tokens;
        try {
            tokens = ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            throw file.error(number, e.getMessage());
        }
        if (tokens.isEmpty()) {
            return;
        }
        String pattern = tokens.get(0);
        if (pattern.equals("---") || pattern.endsWith(":")) {
            throw file.error(number, "invalid host '" + pattern + "'" + (pattern.equals("---")
                    ? " (this looks like YAML; name the file .yml)" : " (a trailing ':' is kept for a port)"));
        }
        HostPattern hosts;
        try {
            hosts = HostPattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw file.error(number, e.getMessage());
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String token : tokens.subList(1, tokens.size())) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw file.error(number, "expected key=value after host '" + pattern + "', got '" + token + "'");
            }
            vars.put(token.substring(0, eq), PythonLiteral.parse(token.substring(eq + 1)));
        }
        for (String host : hosts.names()) {
            inventory.addHost(host, group);
            hosts.port().ifPresent(port -> inventory.setHostVar(host, "ansible_port", port));
            vars.forEach((k, v) -> inventory.setHostVar(host, k, v));
        }
    }

    private void variable(String group, String line, int number) throws InventoryException {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            throw file.error(number, "expected key=value in [" + group + ":vars], got '" + line + "'");
        }
        String key = line.substring(0, eq).strip();
        inventory.setGroupVar(group, key, PythonLiteral.parse(line.substring(eq + 1).strip()), number);
    }

    private void child(String group, String line, int number) throws InventoryException {
        Matcher m = GROUP_NAME.matcher(line);
        if (!m.matches()) {
            throw file.error(number, "expected a group name in [" + group + ":children], got '" + line + "'");
        }
        String child = m.group(1);
        references.add(new Reference(child, "[" + group + ":children]", number));
        children.add(new Edge(group, child, number));
    }
}
