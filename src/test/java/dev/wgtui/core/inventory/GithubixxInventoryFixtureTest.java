package dev.wgtui.core.inventory;

import static dev.wgtui.core.inventory.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The githubixx/ansible-role-wireguard fixture (inventory/githubixx, see its README) reads as
 * Ansible reads it: play order, groups, host_vars with and without an extension, host values
 * over group values. What wgtui makes of the role's variables is for the core to decide; this
 * only pins down the fixture.
 */
class GithubixxInventoryFixtureTest {

    @Test
    void readsAsAnsibleReadsIt() throws InventoryException {
        Inventory inv = load("githubixx/inventory.yml");

        assertThat(inv.hostsOf("vpn")).containsExactly("hub01.example.net", "worker02.example.net",
                "controller01.example.net", "worker01.example.net", "workstation.example.net");
        assertThat(inv.hostsOf("k8s_worker")).containsExactlyInAnyOrder("worker01.example.net", "worker02.example.net");

        Map<String, Object> hub = inv.varsOf("hub01.example.net"); // host_vars file without extension
        assertThat(hub).containsEntry("wireguard_address", "10.8.0.1/24")
                .containsEntry("wireguard_endpoint", "vpn.example.net")
                .containsEntry("wireguard_port", 51820)
                .containsEntry("wireguard_as_spoke", false);
        assertThat(hub.get("wireguard_unmanaged_peers")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) hub.get("wireguard_unmanaged_peers")).keySet().stream().map(Object::toString))
                .containsExactly("phone.example.net", "laptop.example.net");

        assertThat(inv.varsOf("controller01.example.net")).containsEntry("wireguard_port", "51820") // group_vars
                .doesNotContainKey("wireguard_endpoint");
        assertThat(inv.varsOf("worker01.example.net")).containsEntry("wireguard_endpoint", "2001:db8:10::11")
                .containsEntry("wireguard_persistent_keepalive", 30);
        assertThat(inv.varsOf("worker02.example.net")).containsEntry("wireguard_persistent_keepalive", "30")
                .containsEntry("wireguard_allowed_ips", "10.8.0.112/32, 192.168.22.0/24");
        assertThat(inv.varsOf("workstation.example.net")).containsEntry("wireguard_endpoint", "");
    }
}
