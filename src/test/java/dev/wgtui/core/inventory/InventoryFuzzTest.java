package dev.wgtui.core.inventory;

import static dev.wgtui.core.inventory.Fixtures.fixture;
import static dev.wgtui.core.inventory.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mangled inventories either load or fail with an InventoryException that names the file; no
 * other exception escapes, and limit patterns made of the same debris behave the same way.
 */
class InventoryFuzzTest {

    private static final String DEBRIS = "[]{}:,=#;'\"\\!&*?~-|>\n\t 0aZ";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"cluster/inventory.yml", "cluster/inventory.ini", "cluster/inventory.json"})
    void mangledInventoriesFailCleanly(String name) throws IOException {
        String original = Files.readString(fixture(name));
        String fileName = fixture(name).getFileName().toString();
        Random random = new Random(name.hashCode());
        for (int round = 0; round < 500; round++) {
            String text = mangle(original, random);
            Path file = write(dir, fileName, text);
            try {
                Inventory inventory = Inventory.load(file);
                for (int i = 0; i < 5; i++) {
                    limitCleanly(inventory, mangle("workers:!cm4", random));
                }
            } catch (InventoryException e) {
                assertThat(e.getMessage()).as("round %d:%n%s", round, text).startsWith(fileName);
            }
        }
    }

    private static void limitCleanly(Inventory inventory, String pattern) {
        try {
            assertThat(inventory.hosts()).containsAll(inventory.limit(pattern));
        } catch (InventoryException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static String mangle(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, DEBRIS.charAt(random.nextInt(DEBRIS.length())));
                default -> out.setCharAt(at, DEBRIS.charAt(random.nextInt(DEBRIS.length())));
            }
        }
        return out.toString();
    }
}
