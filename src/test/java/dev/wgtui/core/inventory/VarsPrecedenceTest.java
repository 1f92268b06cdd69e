package dev.wgtui.core.inventory;

import static dev.wgtui.core.inventory.Fixtures.load;
import static dev.wgtui.core.inventory.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which source wins when several set the same variable. In the fixture, vN is set at levels
 * 1..N of Ansible's precedence, so the value it ends with names the highest level that set it.
 */
class VarsPrecedenceTest {

    @ParameterizedTest(name = "{0} comes from {1}")
    @CsvSource({
        "v1, inventory all",
        "v2, inventory workers",      // a group's vars beat all's
        "v3, inventory arm",          // a child group's beat its parent's: arm is deeper, though 'arm' < 'workers'
        "v4, group_vars/all",         // every group_vars file beats every group in the inventory file
        "v5, group_vars/workers",
        "v6, group_vars/arm",
        "v7, inventory cm4",          // host vars in the inventory file beat every group
        "v8, host_vars/cm4",          // and host_vars files beat those
    })
    void eachLevelBeatsTheOnesBelowIt(String variable, String winner) throws InventoryException {
        assertThat(load("precedence/inventory.yml").varsOf("cm4")).containsEntry(variable, winner);
    }

    @ParameterizedTest(name = "{0} comes from {1}")
    @CsvSource({
        "v2, inventory workers",
        "v3, inventory workers",
        "v5, group_vars/workers",
        "v6, group_vars/workers",
        "v8, group_vars/workers",
    })
    void aHostGetsOnlyTheVarsOfItsOwnGroups(String variable, String winner) throws InventoryException {
        assertThat(load("precedence/inventory.yml").varsOf("s2204")).containsEntry(variable, winner);
    }

    @Test
    void groupsAtTheSameDepthGoByPriorityThenByName() throws InventoryException {
        Map<String, Object> vars = load("precedence/inventory.yml").varsOf("cm4");

        assertThat(vars).containsEntry("same_depth", "beta");
        assertThat(vars).containsEntry("by_priority", "early");
        assertThat(vars).doesNotContainKey("ansible_group_priority");
    }

    @Test
    void aVarsDirectoryIsReadWholeInSortedOrder() throws InventoryException {
        Map<String, Object> vars = load("precedence/inventory.yml").varsOf("cm4");

        assertThat(vars).containsEntry("split", "20-more.yaml");
        assertThat(vars).containsEntry("nested", "group_vars/arm/nested/deeper.yml");
    }

    @Test
    void onlyTheFirstOfNameYmlYamlJsonIsRead() throws InventoryException {
        Inventory inventory = load("precedence/inventory.yml");

        assertThat(inventory.varsOf("cm4")).doesNotContainKey("shadowed");
        assertThat(inventory.varsOf("cm4")).containsEntry("from_json", true);
    }

    @Test
    void vaultedValuesStayOpaqueAndVaultedFilesAreSkippedWithAWarning() throws InventoryException {
        Inventory inventory = load("precedence/inventory.yml");

        assertThat(inventory.varsOf("cm4").get("become_password")).isInstanceOf(Vaulted.class)
                .hasToString("<encrypted with ansible-vault>");
        assertThat(((Vaulted) inventory.varsOf("cm4").get("become_password")).ciphertext())
                .startsWith("$ANSIBLE_VAULT;1.1;AES256\n");
        assertThat(inventory.warnings()).containsExactly(
                "group_vars/arm/30-vault.yml: encrypted with ansible-vault; wgtui cannot read it and skips it");
    }

    @Test
    void hiddenFilesBackupsAndOtherExtensionsAreNotRead(@TempDir Path dir) throws InventoryException {
        Path inventory = write(dir, "inventory.ini", "[workers]\ncm4\n");
        write(dir, "group_vars/workers/main.yml", "read: main.yml\n");
        write(dir, "group_vars/workers/plain", "plain: true\n");
        write(dir, "group_vars/workers/.hidden.yml", "hidden: true\n");
        write(dir, "group_vars/workers/main.yml~", "backup: true\n");
        write(dir, "group_vars/workers/notes.txt", "notes: true\n");
        write(dir, "group_vars/workers/.git/config.yml", "git: true\n");

        assertThat(Inventory.load(inventory).varsOf("cm4"))
                .isEqualTo(Map.of("read", "main.yml", "plain", true));
    }

    @Test
    void aFileWithoutExtensionAndEmptyFilesAreRead(@TempDir Path dir) throws InventoryException {
        Path inventory = write(dir, "hosts", "cm4\n");
        write(dir, "group_vars/all", "wireguard_port: 51821\n");
        write(dir, "group_vars/ungrouped.yml", "# nothing yet\n");
        write(dir, "host_vars/cm4.yaml", "wireguard_ip: 10.0.0.3\n");

        assertThat(Inventory.load(inventory).varsOf("cm4"))
                .isEqualTo(Map.of("wireguard_port", 51821, "wireguard_ip", "10.0.0.3"));
    }

    @Test
    void hostVarsFromSeveralDefinitionsMergeKeyByKey(@TempDir Path dir) throws InventoryException {
        Path inventory = write(dir, "inventory.yml", """
                all:
                  children:
                    workers:
                      hosts:
                        cm4: {wireguard_ip: 10.0.0.3, ansible_user: pi}
                    arm:
                      hosts:
                        cm4: {ansible_user: root}
                """);

        assertThat(Inventory.load(inventory).varsOf("cm4"))
                .isEqualTo(Map.of("wireguard_ip", "10.0.0.3", "ansible_user", "root"));
    }

    @Test
    void mergingIsShallowALaterMappingReplacesAnEarlierOne(@TempDir Path dir) throws InventoryException {
        Path inventory = write(dir, "inventory.yml", """
                all:
                  vars:
                    wireguard: {port: 51820, interface: wg0}
                  hosts:
                    cm4:
                      wireguard: {port: 51821}
                """);

        assertThat(Inventory.load(inventory).varsOf("cm4")).isEqualTo(Map.of("wireguard", Map.of("port", 51821)));
    }
}
