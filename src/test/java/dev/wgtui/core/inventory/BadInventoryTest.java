package dev.wgtui.core.inventory;

import static dev.wgtui.core.inventory.Fixtures.fixture;
import static dev.wgtui.core.inventory.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad inventory gives one error that names the file, and the line when there is one. */
class BadInventoryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        syntax.yml          | syntax.yml:6: mapping values are not allowed here
        garbage.ini         | garbage.ini:3: expected key=value after host 'this', got 'is'
        list.json           | list.json:1: expected a JSON object (the output of 'ansible-inventory --list'), not a list
        unknown-section.ini | unknown-section.ini:1: section [workers:hosts] has unknown type 'hosts' (expected :vars or :children)
        undefined-child.ini | undefined-child.ini:3: [k8s:children] names group 'control_plane', which has no section of its own
        bad-header.ini      | bad-header.ini:2: invalid section header '[web servers]' (a group name has no spaces, ':' or ']')
        hosts-list.yml      | hosts-list.yml:5: the hosts of group 'workers' must be a mapping, not a list
        plugin.yml          | plugin.yml:1: this is the configuration of an inventory plugin, not an inventory; give wgtui the output of 'ansible-inventory --list'
        loop.yml            | loop.yml:5: group 'b' cannot be a child of 'a', which is already inside 'b'
        bad-range.yml       | bad-range.yml:3: host range [1:] has no end
        empty.yml           | empty.yml: the inventory is empty
        """)
    void aBadFileIsNamedWithTheLineAtFault(String file, String message) {
        Path path = fixture("bad/" + file);

        assertThatThrownBy(() -> Inventory.load(path))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((InventoryException) e).file()).contains(path));
    }

    @Test
    void theLineIsThereForCallersToo() {
        assertThatThrownBy(() -> Inventory.load(fixture("bad/syntax.yml")))
                .isInstanceOfSatisfying(InventoryException.class, e -> assertThat(e.line()).hasValue(6));
        assertThatThrownBy(() -> Inventory.load(fixture("bad/empty.yml")))
                .isInstanceOfSatisfying(InventoryException.class, e -> assertThat(e.line()).isEmpty());
    }

    @Test
    void aBadVarsFileIsNamedFromTheInventoryDirectory() {
        assertThatThrownBy(() -> Inventory.load(fixture("bad-vars/inventory.yml")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("group_vars/all.yml:3: expected ',' or ']', but got <stream end>");
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> Inventory.load(dir.resolve("inventory.yml")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.yml: no such file");
    }

    @Test
    void aDirectoryIsNotAnInventoryFile(@TempDir Path dir) {
        assertThatThrownBy(() -> Inventory.load(dir))
                .isInstanceOf(InventoryException.class)
                .hasMessage(dir.getFileName() + ": is a directory, not a file");
    }

    @Test
    void textThatIsNotUtf8SaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hosts");
        java.nio.file.Files.write(file, new byte[] {'c', 'm', '4', (byte) 0xff, '\n'});

        assertThatThrownBy(() -> Inventory.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage("hosts: not UTF-8 text");
    }

    @Test
    void anUnknownYamlTagNamesItsLine(@TempDir Path dir) {
        Path file = write(dir, "inventory.yml", "all:\n  vars:\n    key: !secret abc\n");

        assertThatThrownBy(() -> Inventory.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.yml:3: could not determine a constructor for the tag !secret");
    }

    @Test
    void hostVarsThatAreNotAMappingAreRefused(@TempDir Path dir) {
        Path file = write(dir, "inventory.yml", "all:\n  hosts:\n    cm4: 10.0.0.3\n");

        assertThatThrownBy(() -> Inventory.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.yml:3: the vars of host 'cm4' must be a mapping, not a string");
    }

    @Test
    void aVarsFileThatIsNotAMappingIsRefused(@TempDir Path dir) {
        Path file = write(dir, "inventory.ini", "cm4\n");
        write(dir, "host_vars/cm4.yml", "- wireguard_ip\n- 10.0.0.3\n");

        assertThatThrownBy(() -> Inventory.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage("host_vars/cm4.yml:1: a variables file must be a mapping, not a list");
    }

    @Test
    void aGroupCannotContainItself(@TempDir Path dir) {
        Path file = write(dir, "inventory.ini", "[workers:children]\nworkers\n");

        assertThatThrownBy(() -> Inventory.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.ini:2: group 'workers' cannot be a child of itself");
    }

    @Test
    void aBadGroupPriorityIsRefused(@TempDir Path dir) {
        Path file = write(dir, "inventory.ini", "[workers]\ncm4\n\n[workers:vars]\nansible_group_priority=high\n");

        assertThatThrownBy(() -> Inventory.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.ini:5: group 'workers': ansible_group_priority must be a whole number");
    }

    /** 24 levels of {@code [*a, *a]}: 48 aliases, within SnakeYAML's limit, 2^24 items expanded. */
    @Test
    void anAliasBombIsRefusedWithItsLineNotAnOutOfMemoryError(@TempDir Path dir) {
        StringBuilder yaml = new StringBuilder("all:\n  vars:\n    l0: &a0 [x, y]\n");
        for (int i = 1; i <= 24; i++) {
            yaml.append("    l").append(i).append(": &a").append(i).append(" [*a").append(i - 1)
                    .append(", *a").append(i - 1).append("]\n");
        }
        yaml.append("  hosts:\n    cm4:\n");
        Path file = write(dir, "inventory.yml", yaml.toString());

        assertThatThrownBy(() -> Inventory.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("inventory.yml:")
                .hasMessageContaining("expands to more than 1000000 items (YAML aliases nested in aliases?)");
    }

    @Test
    void sharedAliasesBelowTheBoundAreReadWithTheirValues(@TempDir Path dir) {
        Path file = write(dir, "inventory.yml", """
                all:
                  vars:
                    base: &b {port: 51820, ips: [10.0.0.0/24]}
                    twice: [*b, *b]
                  hosts:
                    cm4:
                """);

        Inventory inv = assertDoesNotThrow(() -> Inventory.load(file));
        assertThat(inv.varsOf("cm4").get("twice")).asList().hasSize(2)
                .allSatisfy(v -> assertThat(v).isEqualTo(java.util.Map.of("port", 51820, "ips", java.util.List.of("10.0.0.0/24"))));
    }

    /** Issue 8.14: an inventory file past the bound is refused before it is read (a sparse file). */
    @Test
    void anInventoryFilePastTheBoundIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inventory.yml");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(SourceFile.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> Inventory.load(file)).isInstanceOf(InventoryException.class)
                .hasMessage("inventory.yml: 67,108,865 bytes, more than wgtui reads from an inventory file (67,108,864)");
    }
}
