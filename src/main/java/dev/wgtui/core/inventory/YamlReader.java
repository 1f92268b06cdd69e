package dev.wgtui.core.inventory;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML or JSON file read as SnakeYAML nodes, so that every complaint about its structure can
 * name the line; variable values are built from the nodes as Ansible's YAML loader builds them.
 */
final class YamlReader {

    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
    /** More items than any real variable holds, far fewer than would exhaust memory. */
    static final long MAX_EXPANDED_ITEMS = 1_000_000;
    /** How {@code ansible-inventory --list} writes {@code !vault} and {@code !unsafe} values in JSON. */
    private static final String VAULT_KEY = "__ansible_vault";
    private static final String UNSAFE_KEY = "__ansible_unsafe";

    private final SourceFile file;
    private final ValueConstructor constructor = new ValueConstructor();

    YamlReader(SourceFile file) {
        this.file = file;
    }

    SourceFile file() {
        return file;
    }

    /** The one document in {@code text}; empty when the file holds no document at all. */
    Optional<Node> read(String text) throws InventoryException {
        try {
            return Optional.ofNullable(new Yaml(constructor).compose(new StringReader(text)));
        } catch (MarkedYAMLException e) {
            throw error(e, 0);
        } catch (YAMLException e) {
            throw file.error(e.getMessage());
        }
    }

    /** SnakeYAML's complaint at the line it points to, or at {@code fallbackLine}. */
    private InventoryException error(MarkedYAMLException e, int fallbackLine) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        return file.error(mark == null ? fallbackLine : mark.getLine() + 1,
                problem == null ? "not valid YAML" : problem.strip());
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** A null where {@code where} is, for a key that YAML gave no value. */
    static Node nothingAt(Node where) {
        return new ScalarNode(Tag.NULL, "", where.getStartMark(), where.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
    }

    /** What a node is, for messages; never its value, which may be a secret. */
    static String describe(Node node) {
        if (isNull(node)) {
            return "nothing";
        }
        return switch (node.getNodeId()) {
            case mapping -> "a mapping";
            case sequence -> "a list";
            default -> {
                Tag tag = node.getTag();
                if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
                    yield "a number";
                }
                yield tag.equals(Tag.BOOL) ? "a boolean" : "a string";
            }
        };
    }

    /** The entries of a mapping, with YAML merge keys ({@code <<: *anchor}) applied. */
    List<NodeTuple> entries(MappingNode mapping) {
        constructor.flatten(mapping);
        return mapping.getValue();
    }

    /** A scalar that names something: a group, a host or a variable. */
    String name(Node node) throws InventoryException {
        if (node instanceof ScalarNode scalar && !isNull(node) && !scalar.getValue().isEmpty()) {
            return scalar.getValue();
        }
        throw file.error(line(node), "expected a name, got " + describe(node));
    }

    /**
     * A mapping of variable names to values; nothing ({@code key:}) is no variables. {@code subject}
     * names the mapping in the error, as in "the vars of host 'cm4'".
     */
    Map<String, Object> vars(Node node, String subject) throws InventoryException {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw file.error(line(node), subject + " must be a mapping, not " + describe(node));
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        for (NodeTuple entry : entries(mapping)) {
            vars.put(name(entry.getKeyNode()), value(entry.getValueNode()));
        }
        return vars;
    }

    /**
     * A variable's value: String, Integer, Long, Double, Boolean, List, Map, {@link Vaulted} or
     * null, read-only all the way down.
     */
    Object value(Node node) throws InventoryException {
        try {
            Object built = constructor.construct(node);
            if (!(built instanceof Map || built instanceof List || built instanceof Set)) {
                return built;
            }
            // Aliases share what they point to; expanded, a few of them nested can make billions.
            if (expandedSize(built, new IdentityHashMap<>(), new IdentityHashMap<>(), node) > MAX_EXPANDED_ITEMS) {
                throw new BadValue(node, "this value expands to more than " + MAX_EXPANDED_ITEMS
                        + " items (YAML aliases nested in aliases?); refusing to read it");
            }
            return freeze(built, new IdentityHashMap<>(), new IdentityHashMap<>(), node);
        } catch (MarkedYAMLException e) {
            throw error(e, line(node));
        } catch (BadValue e) {
            throw file.error(line(e.node), e.getMessage());
        } catch (YAMLException e) {
            throw file.error(line(node), e.getMessage());
        }
    }

    /** How many items {@code value} holds with every alias expanded, counted once per shared part; capped. */
    private static long expandedSize(Object value, Map<Object, Boolean> open, Map<Object, Long> sizes, Node node) {
        if (!(value instanceof Map || value instanceof List || value instanceof Set)) {
            return 1;
        }
        Long known = sizes.get(value);
        if (known != null) {
            return known;
        }
        if (open.put(value, Boolean.TRUE) != null) {
            throw new BadValue(node, "a value may not contain itself (recursive alias)");
        }
        long size = 1;
        Iterable<?> parts = value instanceof Map<?, ?> map ? map.values() : (Iterable<?>) value;
        for (Object part : parts) {
            size = Math.min(MAX_EXPANDED_ITEMS + 1, size + expandedSize(part, open, sizes, node));
        }
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) { // an alias can be a key too (? *a : 1)
                size = Math.min(MAX_EXPANDED_ITEMS + 1, size + expandedSize(key, open, sizes, node));
            }
        }
        open.remove(value);
        sizes.put(value, size);
        return size;
    }

    /** A read-only copy; a part that aliases share is copied once and shared again. */
    private static Object freeze(Object value, Map<Object, Boolean> open, Map<Object, Object> done, Node node) {
        if (!(value instanceof Map || value instanceof List || value instanceof Set)) {
            return value;
        }
        Object already = done.get(value);
        if (already != null) {
            return already;
        }
        if (open.put(value, Boolean.TRUE) != null) {
            throw new BadValue(node, "a value may not contain itself (recursive alias)");
        }
        Object frozen;
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get(VAULT_KEY) instanceof String text) {
            frozen = new Vaulted(text);
        } else if (value instanceof Map<?, ?> map && map.size() == 1 && map.get(UNSAFE_KEY) instanceof String text) {
            frozen = text;
        } else if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, freeze(v, open, done, node)));
            frozen = Collections.unmodifiableMap(copy);
        } else if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freeze(v, open, done, node)));
            frozen = Collections.unmodifiableList(copy);
        } else {
            Set<Object> copy = new LinkedHashSet<>();
            ((Set<?>) value).forEach(v -> copy.add(freeze(v, open, done, node)));
            frozen = Collections.unmodifiableSet(copy);
        }
        open.remove(value);
        done.put(value, frozen);
        return frozen;
    }

    /** A value that cannot be built, with the node to blame. */
    private static final class BadValue extends RuntimeException {
        private final transient Node node;

        BadValue(Node node, String message) {
            super(message, null, false, false);
            this.node = node;
        }
    }

    /** SnakeYAML's safe constructor taught Ansible's tags; timestamps stay text, as written. */
    private static final class ValueConstructor extends SafeConstructor {

        ValueConstructor() {
            super(options());
            yamlConstructors.put(Tag.TIMESTAMP, scalar("timestamp", text -> text));
            yamlConstructors.put(new Tag("!unsafe"), scalar("!unsafe", text -> text));
            yamlConstructors.put(new Tag("!vault"), scalar("!vault", Vaulted::new));
        }

        private static LoaderOptions options() {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_CODE_POINTS);
            return options;
        }

        private AbstractConstruct scalar(String what, Function<String, Object> build) {
            return new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (!(node instanceof ScalarNode scalar)) {
                        throw new BadValue(node, what + " must tag a string, not " + describe(node));
                    }
                    return build.apply(constructScalar(scalar));
                }
            };
        }

        Object construct(Node node) {
            if (node instanceof ScalarNode) {
                // Most values are scalars: build them directly. constructDocument clears its maps
                // after each call, which costs their whole capacity every time.
                return getConstructor(node).construct(node);
            }
            return constructDocument(node);
        }

        void flatten(MappingNode mapping) {
            flattenMapping(mapping);
        }
    }
}
