package dev.wgtui.core.inventory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Ansible's YAML inventory: top-level groups (usually just {@code all}), each a mapping of
 * {@code hosts}, {@code children} and {@code vars}, as Ansible's yaml inventory plugin reads it.
 */
final class YamlInventory {

    private static final Set<String> SECTIONS = Set.of("hosts", "children", "vars");

    private final YamlReader yaml;
    private final InventoryBuilder inventory;

    private YamlInventory(YamlReader yaml, InventoryBuilder inventory) {
        this.yaml = yaml;
        this.inventory = inventory;
    }

    static void parse(String text, InventoryBuilder inventory) throws InventoryException {
        SourceFile file = inventory.file();
        YamlReader yaml = new YamlReader(file);
        Node root = yaml.read(text).orElseThrow(() -> file.error("the inventory is empty"));
        if (!(root instanceof MappingNode top)) {
            throw file.error(YamlReader.line(root),
                    "an inventory must be a mapping of groups, not " + YamlReader.describe(root));
        }
        YamlInventory parser = new YamlInventory(yaml, inventory);
        for (NodeTuple entry : yaml.entries(top)) {
            String name = yaml.name(entry.getKeyNode());
            if (name.equals("plugin")) {
                throw file.error(YamlReader.line(entry.getKeyNode()), "this is the configuration of an inventory "
                        + "plugin, not an inventory; give wgtui the output of 'ansible-inventory --list'");
            }
            parser.group(name, entry.getValueNode());
        }
    }

    private void group(String name, Node data) throws InventoryException {
        if (!(data instanceof MappingNode || YamlReader.isNull(data))) {
            inventory.warn(YamlReader.line(data), "skipping '" + name + "': a group must be a mapping, not "
                    + YamlReader.describe(data));
            return;
        }
        inventory.addGroup(name);
        if (!(data instanceof MappingNode mapping)) {
            return;
        }
        for (NodeTuple entry : yaml.entries(mapping)) {
            String key = yaml.name(entry.getKeyNode());
            Node value = entry.getValueNode();
            if (!SECTIONS.contains(key)) {
                inventory.warn(YamlReader.line(entry.getKeyNode()), "group '" + name + "': skipping unexpected key '"
                        + key + "' (a group has hosts, children and vars)");
            } else if (value instanceof ScalarNode && !YamlReader.isNull(value)) {
                // Ansible reads "hosts: cm4" as a mapping with one key
                section(name, key, List.of(new NodeTuple(value, YamlReader.nothingAt(value))));
            } else if (value instanceof MappingNode section) {
                section(name, key, yaml.entries(section));
            } else if (!YamlReader.isNull(value)) {
                throw yaml.file().error(YamlReader.line(value), "the " + key + " of group '" + name
                        + "' must be a mapping, not " + YamlReader.describe(value));
            }
        }
    }

    private void section(String group, String key, List<NodeTuple> entries) throws InventoryException {
        for (NodeTuple entry : entries) {
            String name = yaml.name(entry.getKeyNode());
            int line = YamlReader.line(entry.getKeyNode());
            switch (key) {
                case "vars" -> inventory.setGroupVar(group, name, yaml.value(entry.getValueNode()), line);
                case "children" -> {
                    group(name, entry.getValueNode());
                    inventory.addChild(group, name, line);
                }
                default -> hosts(group, name, entry.getValueNode(), line);
            }
        }
    }

    private void hosts(String group, String pattern, Node vars, int line) throws InventoryException {
        HostPattern hosts;
        try {
            hosts = HostPattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw yaml.file().error(line, e.getMessage());
        }
        Map<String, Object> values = yaml.vars(vars, "the vars of host '" + pattern + "'");
        for (String host : hosts.names()) {
            inventory.addHost(host, group);
            hosts.port().ifPresent(port -> inventory.setHostVar(host, "ansible_port", port));
            values.forEach((k, v) -> inventory.setHostVar(host, k, v));
        }
    }
}
