package dev.wgtui.core.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adversarial review of the core (issue 8 item 6): the expanded-size bound counts a mapping's
 * values but not its keys. See REVIEW.md.
 */
class ReviewYamlBoundTest {

    @TempDir
    Path dir;

    /**
     * REVIEW F14 (low): 24 levels of {@code [*a, *a]} used as mapping keys (48 aliases, under
     * SnakeYAML's 50) make a variable whose keys hold 2^24 items each; it passes the 1,000,000
     * item bound, and hashing the keys takes about 6 s of CPU here (8 s with 3-wide lists).
     * Anything that later hashes, compares or prints the value pays it again.
     */
    @Test
    void aValueWhoseKeysExpandPastTheBoundIsRefused() throws Exception {
        StringBuilder yml = new StringBuilder("all:\n  hosts:\n    cm4:\n      v:\n        ? &a0 [x, x]\n        : 0\n");
        for (int i = 1; i <= 20; i++) {
            yml.append("        ? &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1)
                    .append("]\n        : ").append(i).append('\n');
        }
        Path p = dir.resolve("inventory.yml");
        Files.writeString(p, yml.toString());
        // Fails today: loads (2^20 items per key at the last level, 2^21 in all)
        assertThatThrownBy(() -> Inventory.load(p)).isInstanceOf(InventoryException.class)
                .hasMessageContaining("expands");
    }
}
