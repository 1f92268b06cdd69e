package dev.wgtui.core.inventory;

import static dev.wgtui.core.inventory.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample cluster written as YAML, as INI and as ansible-inventory's JSON reads the same. */
class InventoryFormatsTest {

    private static final Map<String, Object> K8S = Map.of(
            "ansible_user", "pi",
            "wireguard_port", 51820,
            "ansible_host", "192.168.1.20",
            "ansible_become", true,
            "wireguard_ip", "10.0.0.20",
            "wireguard_endpoint", "vpn.example.net");
    private static final Map<String, Object> CM4 = Map.of(
            "ansible_user", "pi",
            "wireguard_port", 51820,
            "wireguard_persistent_keepalive", 25,
            "ansible_host", "192.168.1.30",
            "wireguard_ip", "10.0.0.3");
    private static final Map<String, Object> S2204 = Map.of(
            "ansible_user", "pi",
            "wireguard_port", 51820,
            "wireguard_persistent_keepalive", 25,
            "ansible_host", "192.168.1.40",
            "wireguard_ip", "10.0.0.4");
    private static final Map<String, Object> K8S_PROXY = Map.of(
            "ansible_user", "pi",
            "wireguard_port", 51820,
            "wireguard_persistent_keepalive", 25,
            "ansible_host", "203.0.113.7",
            "ansible_port", 2222,
            "ansible_ssh_common_args", "-o ProxyJump=pi@bastion.example.net",
            "wireguard_ip", "10.0.0.21");

    @ParameterizedTest
    @ValueSource(strings = {"cluster/inventory.yml", "cluster/inventory.ini", "cluster/inventory.json"})
    void everyFormatGivesTheSameCluster(String fixture) throws InventoryException {
        Inventory inventory = load(fixture);

        assertThat(inventory.hosts()).containsExactlyInAnyOrder("k8s", "cm4", "s2204", "k8s-proxy");
        assertThat(inventory.groups()).containsExactly("all", "arm", "control_plane", "ungrouped", "workers");
        assertThat(inventory.hostsOf("control_plane")).containsExactly("k8s");
        assertThat(inventory.hostsOf("workers")).containsExactlyInAnyOrder("cm4", "s2204", "k8s-proxy");
        assertThat(inventory.hostsOf("arm")).containsExactly("cm4");
        assertThat(inventory.hostsOf("ungrouped")).isEmpty();
        assertThat(inventory.groupsOf("cm4")).containsExactly("arm", "workers");
        assertThat(inventory.varsOf("k8s")).isEqualTo(K8S);
        assertThat(inventory.varsOf("cm4")).isEqualTo(CM4);
        assertThat(inventory.varsOf("s2204")).isEqualTo(S2204);
        assertThat(inventory.varsOf("k8s-proxy")).isEqualTo(K8S_PROXY);
        assertThat(inventory.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster/inventory.yml", "cluster/inventory.ini"})
    void hostsComeInTheOrderTheFileFirstNamesThem(String fixture) throws InventoryException {
        Inventory inventory = load(fixture);

        assertThat(inventory.hosts()).containsExactly("k8s", "cm4", "s2204", "k8s-proxy");
        assertThat(inventory.hostsOf("all")).containsExactly("k8s", "cm4", "s2204", "k8s-proxy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster/inventory.yml", "cluster/inventory.ini", "cluster/inventory.json"})
    void askingAboutWhatIsNotThereGivesNothing(String fixture) throws InventoryException {
        Inventory inventory = load(fixture);

        assertThat(inventory.hasHost("cm4")).isTrue();
        assertThat(inventory.hasHost("cm5")).isFalse();
        assertThat(inventory.hasGroup("workers")).isTrue();
        assertThat(inventory.hasGroup("cm4")).isFalse();
        assertThat(inventory.hostsOf("nope")).isEmpty();
        assertThat(inventory.varsOf("cm5")).isEmpty();
        assertThat(inventory.groupsOf("cm5")).isEmpty();
        assertThat(inventory.source()).isEqualTo(Fixtures.fixture(fixture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster/inventory.yml", "cluster/inventory.ini", "cluster/inventory.json"})
    void whatItGivesCannotBeChanged(String fixture) throws InventoryException {
        Inventory inventory = load(fixture);

        assertThat(inventory.hosts()).isUnmodifiable();
        assertThat(inventory.groups()).isUnmodifiable();
        assertThat(inventory.hostsOf("workers")).isUnmodifiable();
        assertThat(inventory.varsOf("cm4")).isUnmodifiable();
        assertThat(inventory.warnings()).isUnmodifiable();
    }
}
