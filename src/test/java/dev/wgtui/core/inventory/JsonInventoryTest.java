package dev.wgtui.core.inventory;

import static dev.wgtui.core.inventory.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON of ansible-inventory --list and of dynamic inventory scripts. */
class JsonInventoryTest {

    @TempDir
    Path dir;

    private Inventory load(String json) throws InventoryException {
        return Inventory.load(write(dir, "inventory.json", json));
    }

    @Test
    void groupVarsFromExportAreResolvedLikeAnyOthers() throws InventoryException {
        Inventory inventory = load("""
                {"_meta": {"hostvars": {"cm4": {"wireguard_ip": "10.0.0.3"}}},
                 "all": {"children": ["workers"], "vars": {"ansible_user": "pi"}},
                 "workers": {"hosts": ["cm4"], "vars": {"wireguard_persistent_keepalive": 25}}}
                """);

        assertThat(inventory.varsOf("cm4")).isEqualTo(Map.of(
                "ansible_user", "pi", "wireguard_persistent_keepalive", 25, "wireguard_ip", "10.0.0.3"));
    }

    @Test
    void aGroupMayBeJustAListOfHosts() throws InventoryException {
        Inventory inventory = load("{\"workers\": [\"cm4\", \"s2204\"]}");

        assertThat(inventory.hostsOf("workers")).containsExactly("cm4", "s2204");
    }

    @Test
    void hostvarsOfHostsInNoGroupAreIgnored() throws InventoryException {
        Inventory inventory = load("{\"_meta\": {\"hostvars\": {\"ghost\": {\"a\": 1}}}, \"workers\": {\"hosts\": [\"cm4\"]}}");

        assertThat(inventory.hosts()).containsExactly("cm4");
    }

    @Test
    void vaultedAndUnsafeValuesAreReadAsAnsibleInventoryWritesThem() throws InventoryException {
        Map<String, Object> vars = load("""
                {"_meta": {"hostvars": {"k8s": {
                    "ansible_become_password": {"__ansible_vault": "$ANSIBLE_VAULT;1.1;AES256\\n6231"},
                    "motd": {"__ansible_unsafe": "{{ kept }}"}}}},
                 "control_plane": {"hosts": ["k8s"]}}
                """).varsOf("k8s");

        assertThat(vars.get("ansible_become_password")).isEqualTo(new Vaulted("$ANSIBLE_VAULT;1.1;AES256\n6231"));
        assertThat(vars).containsEntry("motd", "{{ kept }}");
    }

    @Test
    void jsonIsRecognisedByItsFirstCharacter() throws InventoryException {
        Path inventory = write(dir, "inventory", "  {\"workers\": {\"hosts\": [\"cm4\"]}}");

        assertThat(Inventory.load(inventory).hostsOf("workers")).containsExactly("cm4");
    }

    @Test
    void hostsThatAreNotAListAreRefused() {
        assertThatThrownBy(() -> load("{\n  \"workers\": {\n    \"hosts\": \"cm4\"\n  }\n}"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.json:3: the hosts of group 'workers' must be a list, not a string");
    }

    @Test
    void aGroupThatIsNeitherAnObjectNorAListIsRefused() {
        assertThatThrownBy(() -> load("{\"workers\": 3}"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.json:1: group 'workers' must be an object or a list of hosts, not a number");
    }

    @Test
    void brokenJsonNamesTheLine() {
        assertThatThrownBy(() -> load("{\n  \"workers\": {\"hosts\": [\"cm4\"]\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("inventory.json:3: ");
    }
}
