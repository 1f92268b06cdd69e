package dev.wgtui.core.inventory;

import static dev.wgtui.core.inventory.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML inventory's own forms. */
class YamlInventoryTest {

    @TempDir
    Path dir;

    private Inventory load(String yaml) throws InventoryException {
        return Inventory.load(write(dir, "inventory.yml", yaml));
    }

    @Test
    void hostsWithNoVarsAndHostsDirectlyUnderAllAreUngrouped() throws InventoryException {
        Inventory inventory = load("""
                all:
                  hosts:
                    bastion:
                  children:
                    workers:
                      hosts:
                        cm4:
                """);

        assertThat(inventory.hostsOf("ungrouped")).containsExactly("bastion");
        assertThat(inventory.groupsOf("bastion")).containsExactly("ungrouped");
        assertThat(inventory.varsOf("cm4")).isEmpty();
    }

    @Test
    void topLevelGroupsBesideAllAreChildrenOfAll() throws InventoryException {
        Inventory inventory = load("""
                workers:
                  hosts:
                    cm4:
                control_plane:
                  hosts:
                    k8s:
                """);

        assertThat(inventory.hostsOf("all")).containsExactly("cm4", "k8s");
        assertThat(inventory.groups()).containsExactly("all", "control_plane", "ungrouped", "workers");
    }

    @Test
    void nestedChildGroupsBelongToEveryAncestor() throws InventoryException {
        Inventory inventory = load("""
                all:
                  children:
                    cluster:
                      children:
                        workers:
                          children:
                            arm:
                              hosts:
                                cm4:
                          hosts:
                            s2204:
                """);

        assertThat(inventory.hostsOf("cluster")).containsExactly("cm4", "s2204");
        assertThat(inventory.groupsOf("cm4")).containsExactly("arm", "cluster", "workers");
    }

    @Test
    void aGroupDefinedTwiceMergesBothDefinitions() throws InventoryException {
        Inventory inventory = load("""
                all:
                  children:
                    workers:
                      hosts: {cm4: }
                      vars: {a: 1}
                workers:
                  hosts: {s2204: }
                  vars: {b: 2}
                """);

        assertThat(inventory.hostsOf("workers")).containsExactly("cm4", "s2204");
        assertThat(inventory.varsOf("s2204")).isEqualTo(Map.of("a", 1, "b", 2));
    }

    @Test
    void aPortAfterTheHostNameBecomesAnsiblePort() throws InventoryException {
        assertThat(load("all:\n  hosts:\n    k8s-proxy:2222:\n").varsOf("k8s-proxy"))
                .isEqualTo(Map.of("ansible_port", 2222));
    }

    @Test
    void valuesKeepTheirYamlTypes() throws InventoryException {
        Map<String, Object> vars = load("""
                all:
                  hosts:
                    cm4:
                      port: 51820
                      keepalive: "25"
                      become: yes
                      ratio: 1.5
                      ips: [10.0.0.3/32, 10.1.0.0/24]
                      peer: {name: cm4, key: null}
                      built: 2024-05-01
                      raw: !unsafe '{{ not a template }}'
                      nothing:
                """).varsOf("cm4");

        assertThat(vars).containsEntry("port", 51820)
                .containsEntry("keepalive", "25")
                .containsEntry("become", true)
                .containsEntry("ratio", 1.5)
                .containsEntry("ips", List.of("10.0.0.3/32", "10.1.0.0/24"))
                .containsEntry("built", "2024-05-01")
                .containsEntry("raw", "{{ not a template }}")
                .containsEntry("nothing", null);
        Map<String, Object> peer = new HashMap<>();
        peer.put("name", "cm4");
        peer.put("key", null);
        assertThat(vars.get("peer")).isEqualTo(peer);
        assertThat((List<?>) vars.get("ips")).isUnmodifiable();
    }

    @Test
    void anchorsAndMergeKeysWork() throws InventoryException {
        Inventory inventory = load("""
                all:
                  hosts:
                    cm4: &pi
                      ansible_user: pi
                      wireguard_port: 51820
                    s2204:
                      <<: *pi
                      ansible_user: ubuntu
                  children:
                    workers:
                      <<: {hosts: {k8s-proxy: }}
                """);

        assertThat(inventory.varsOf("s2204")).isEqualTo(Map.of("ansible_user", "ubuntu", "wireguard_port", 51820));
        assertThat(inventory.hostsOf("workers")).containsExactly("k8s-proxy");
    }

    @Test
    void aStringWhereAMappingBelongsNamesOneEntry() throws InventoryException {
        Inventory inventory = load("all:\n  children:\n    workers:\n      hosts: cm4\n");

        assertThat(inventory.hostsOf("workers")).containsExactly("cm4");
    }

    @Test
    void whatAnsibleSkipsWithAWarningIsSkippedWithAWarning() throws InventoryException {
        Inventory inventory = load("""
                all:
                  children:
                    workers:
                      host:
                        cm4:
                    odd: [cm4]
                """);

        assertThat(inventory.hosts()).isEmpty();
        assertThat(inventory.warnings()).containsExactly(
                "inventory.yml:4: group 'workers': skipping unexpected key 'host' (a group has hosts, children and vars)",
                "inventory.yml:6: skipping 'odd': a group must be a mapping, not a list");
    }

    @Test
    void contentDecidesTheFormatWhenTheNameDoesNot() throws InventoryException {
        Path hosts = write(dir, "hosts", "---\nall:\n  hosts:\n    cm4:\n      wireguard_ip: 10.0.0.3\n");

        assertThat(Inventory.load(hosts).varsOf("cm4")).isEqualTo(Map.of("wireguard_ip", "10.0.0.3"));
    }
}
