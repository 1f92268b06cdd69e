package dev.wgtui.core.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The JSON that {@code ansible-inventory --list} prints (and dynamic inventory scripts speak):
 * an object of groups, each with {@code hosts} and {@code children} lists and {@code vars}, and
 * every host's variables under {@code _meta.hostvars}. JSON is read as YAML, which it is.
 */
final class JsonInventory {

    private final YamlReader yaml;
    private final InventoryBuilder inventory;
    private final SourceFile file;

    private JsonInventory(YamlReader yaml, InventoryBuilder inventory) {
        this.yaml = yaml;
        this.inventory = inventory;
        this.file = inventory.file();
    }

    static void parse(String text, InventoryBuilder inventory) throws InventoryException {
        SourceFile file = inventory.file();
        YamlReader yaml = new YamlReader(file);
        Node root = yaml.read(text).orElseThrow(() -> file.error("the inventory is empty"));
        if (!(root instanceof MappingNode top)) {
            throw file.error(YamlReader.line(root), "expected a JSON object (the output of "
                    + "'ansible-inventory --list'), not " + YamlReader.describe(root));
        }
        new JsonInventory(yaml, inventory).groups(yaml.entries(top));
    }

    private void groups(List<NodeTuple> entries) throws InventoryException {
        Map<String, Map<String, Object>> hostVars = new LinkedHashMap<>();
        for (NodeTuple entry : entries) {
            String name = yaml.name(entry.getKeyNode());
            if (name.equals("_meta")) {
                hostVars = meta(entry.getValueNode());
            } else {
                group(name, entry.getValueNode());
            }
        }
        // as with Ansible's script plugin, only hosts that are in some group get their variables
        for (Map.Entry<String, Map<String, Object>> host : hostVars.entrySet()) {
            if (inventory.hasHost(host.getKey())) {
                host.getValue().forEach((k, v) -> inventory.setHostVar(host.getKey(), k, v));
            }
        }
    }

    private Map<String, Map<String, Object>> meta(Node meta) throws InventoryException {
        Map<String, Map<String, Object>> hostVars = new LinkedHashMap<>();
        if (!(meta instanceof MappingNode mapping)) {
            throw file.error(YamlReader.line(meta), "_meta must be an object, not " + YamlReader.describe(meta));
        }
        for (NodeTuple entry : yaml.entries(mapping)) {
            if (!yaml.name(entry.getKeyNode()).equals("hostvars")) {
                continue;
            }
            Node all = entry.getValueNode();
            if (!(all instanceof MappingNode hosts)) {
                throw file.error(YamlReader.line(all), "_meta.hostvars must be an object, not " + YamlReader.describe(all));
            }
            for (NodeTuple host : yaml.entries(hosts)) {
                String name = yaml.name(host.getKeyNode());
                hostVars.put(name, yaml.vars(host.getValueNode(), "the hostvars of '" + name + "'"));
            }
        }
        return hostVars;
    }

    private void group(String name, Node data) throws InventoryException {
        inventory.addGroup(name);
        if (data instanceof SequenceNode) {
            // the old script form: a group is just its list of hosts
            hosts(name, data);
            return;
        }
        if (!(data instanceof MappingNode mapping)) {
            throw file.error(YamlReader.line(data), "group '" + name + "' must be an object or a list of hosts, not "
                    + YamlReader.describe(data));
        }
        for (NodeTuple entry : yaml.entries(mapping)) {
            String key = yaml.name(entry.getKeyNode());
            Node value = entry.getValueNode();
            switch (key) {
                case "hosts" -> hosts(name, value);
                case "children" -> {
                    for (Node child : list(name, key, value)) {
                        inventory.addChild(name, yaml.name(child), YamlReader.line(child));
                    }
                }
                case "vars" -> {
                    for (Map.Entry<String, Object> var : yaml.vars(value, "the vars of group '" + name + "'").entrySet()) {
                        inventory.setGroupVar(name, var.getKey(), var.getValue(), YamlReader.line(value));
                    }
                }
                default -> inventory.warn(YamlReader.line(entry.getKeyNode()), "group '" + name
                        + "': skipping unexpected key '" + key + "' (a group has hosts, children and vars)");
            }
        }
    }

    private void hosts(String group, Node hosts) throws InventoryException {
        for (Node host : list(group, "hosts", hosts)) {
            inventory.addHost(yaml.name(host), group);
        }
    }

    private List<Node> list(String group, String key, Node node) throws InventoryException {
        if (YamlReader.isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw file.error(YamlReader.line(node), "the " + key + " of group '" + group + "' must be a list, not "
                    + YamlReader.describe(node));
        }
        return sequence.getValue();
    }
}
