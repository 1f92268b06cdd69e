package dev.wgtui.core.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code group_vars/} and {@code host_vars/} directories beside an inventory file, read as
 * Ansible's host_group_vars plugin reads them: for a name, the first of {@code name},
 * {@code name.yml}, {@code name.yaml}, {@code name.json} that exists; a directory is read whole,
 * its files in sorted order, skipping hidden files, backups ({@code ~}) and other extensions.
 */
final class VarsFiles {

    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");
    private static final String VAULT_HEADER = "$ANSIBLE_VAULT;";

    private final Path base;
    private final List<String> warnings = new ArrayList<>();

    /** Reads the directories under {@code base}, the directory of the inventory file. */
    VarsFiles(Path base) {
        this.base = base;
    }

    Map<String, Object> groupVars(String group) throws InventoryException {
        return load("group_vars", group);
    }

    Map<String, Object> hostVars(String host) throws InventoryException {
        return load("host_vars", host);
    }

    /** Files skipped on the way, such as ones encrypted whole with ansible-vault. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private Map<String, Object> load(String dir, String name) throws InventoryException {
        // a name is never a path: a host called ../x must not read outside the directory
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            return Map.of();
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Path file : files(base.resolve(dir), name)) {
            vars.putAll(read(file));
        }
        return vars;
    }

    private List<Path> files(Path dir, String name) throws InventoryException {
        for (String extension : EXTENSIONS) {
            Path candidate = dir.resolve(name + extension);
            if (Files.isDirectory(candidate)) {
                List<Path> found = new ArrayList<>();
                walk(candidate, found);
                return found;
            }
            if (Files.exists(candidate)) {
                return List.of(candidate);
            }
        }
        return List.of();
    }

    private void walk(Path dir, List<Path> found) throws InventoryException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw source(dir).error("cannot list the directory: " + e.getMessage());
        }
        for (Path entry : entries) {
            String fileName = entry.getFileName().toString();
            String extension = extension(fileName);
            if (fileName.startsWith(".") || fileName.endsWith("~")) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                if (extension.isEmpty()) {
                    walk(entry, found);
                }
            } else if (EXTENSIONS.contains(extension)) {
                found.add(entry);
            }
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot) : "";
    }

    private Map<String, Object> read(Path path) throws InventoryException {
        SourceFile file = source(path);
        String text = file.read();
        if (text.stripLeading().startsWith(VAULT_HEADER)) {
            warnings.add(file.name() + ": encrypted with ansible-vault; wgtui cannot read it and skips it");
            return Map.of();
        }
        YamlReader yaml = new YamlReader(file);
        Optional<Node> document = yaml.read(text);
        return document.isEmpty() ? Map.of() : yaml.vars(document.get(), "a variables file");
    }

    private SourceFile source(Path path) {
        Path shown = path.startsWith(base) ? base.relativize(path) : path;
        return new SourceFile(path, shown.toString());
    }
}
