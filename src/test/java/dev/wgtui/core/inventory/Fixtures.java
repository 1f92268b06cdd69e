package dev.wgtui.core.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** The inventories under src/test/resources/inventory, and small ones written on the spot. */
final class Fixtures {

    private Fixtures() {
    }

    static Path fixture(String name) {
        URL url = Fixtures.class.getResource("/inventory/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Inventory load(String name) throws InventoryException {
        return Inventory.load(fixture(name));
    }

    /** Writes {@code text} to {@code dir/name} (making directories) and returns the path. */
    static Path write(Path dir, String name, String text) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
