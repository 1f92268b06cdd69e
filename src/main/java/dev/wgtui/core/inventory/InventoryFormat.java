package dev.wgtui.core.inventory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** The three ways an inventory file can be written, told apart by name and then by content. */
enum InventoryFormat {
    YAML, INI, JSON;

    private static final Pattern YAML_KEY = Pattern.compile("[\\w.-]+:(\\s.*)?");

    static InventoryFormat detect(Path path, String text) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return YAML;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".ini")) {
            return INI;
        }
        if (text.stripLeading().startsWith("{")) {
            return JSON;
        }
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith(";"))
                .findFirst()
                .map(line -> line.startsWith("---") || line.startsWith("%YAML") || YAML_KEY.matcher(line).matches())
                .orElse(false) ? YAML : INI;
    }
}
