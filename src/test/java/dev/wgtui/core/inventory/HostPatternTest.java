package dev.wgtui.core.inventory;

import static dev.wgtui.core.inventory.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Host ranges and ports, as Ansible expands them. */
class HostPatternTest {

    @Test
    void aPlainNameIsItself() {
        assertThat(HostPattern.parse("k8s-proxy")).isEqualTo(new HostPattern(java.util.List.of("k8s-proxy"), OptionalInt.empty()));
    }

    @Test
    void numericRangesKeepTheZeroPaddingOfTheirBounds() {
        assertThat(HostPattern.parse("node[01:03]").names()).containsExactly("node01", "node02", "node03");
        assertThat(HostPattern.parse("node[8:10]").names()).containsExactly("node8", "node9", "node10");
        assertThat(HostPattern.parse("node[:2]").names()).containsExactly("node0", "node1", "node2");
    }

    @Test
    void aThirdBoundIsTheStep() {
        assertThat(HostPattern.parse("db[1:10:3]").names()).containsExactly("db1", "db4", "db7", "db10");
    }

    @Test
    void letterRangesRunThroughLowerThenUpperCase() {
        assertThat(HostPattern.parse("rack[a:c]").names()).containsExactly("racka", "rackb", "rackc");
        assertThat(HostPattern.parse("rack[y:B]").names()).containsExactly("racky", "rackz", "rackA", "rackB");
        assertThat(HostPattern.parse("rack[a:e:2]").names()).containsExactly("racka", "rackc", "racke");
    }

    @Test
    void severalRangesMultiply() {
        assertThat(HostPattern.parse("pi[1:2]-[a:b].lan").names())
                .containsExactly("pi1-a.lan", "pi1-b.lan", "pi2-a.lan", "pi2-b.lan");
    }

    @Test
    void aTrailingNumberAfterAColonIsThePort() {
        assertThat(HostPattern.parse("k8s-proxy:2222"))
                .isEqualTo(new HostPattern(java.util.List.of("k8s-proxy"), OptionalInt.of(2222)));
        assertThat(HostPattern.parse("web[1:2]:2200").names()).containsExactly("web1", "web2");
        assertThat(HostPattern.parse("web[1:2]:2200").port()).hasValue(2200);
    }

    @Test
    void anIpv6AddressHasNoPort() {
        assertThat(HostPattern.parse("fd00::20")).isEqualTo(new HostPattern(java.util.List.of("fd00::20"), OptionalInt.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        node[1:]     | host range [1:] has no end
        node[1]      | host range [1] must be [start:end] or [start:end:step]
        node[1-3]    | host range [1-3] must be [start:end] or [start:end:step]
        node[3:1]    | host range [3:1] starts after it ends
        node[01:100] | host range [01:100] must give start and end the same width
        node[1:x]    | host range [1:x] has 'x', not a number or a letter
        node[1:4:0]  | host range [1:4:0] needs a step of at least 1
        node[1:3     | host range in 'node[1:3' has no closing ']'
        cm4:70000    | port 70000 is out of range 1-65535
        my host      | invalid host name 'my host'
        n[0:99999999] | host range [0:99999999] gives more than 65536 hosts
        """)
    void aBadPatternSaysWhatIsWrong(String pattern, String message) {
        assertThatThrownBy(() -> HostPattern.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void rangesExpandInYamlInventories() throws InventoryException {
        Inventory inventory = load("ranges/inventory.yml");

        assertThat(inventory.hosts()).containsExactly(
                "node01", "node02", "node03", "racka", "rackb", "rackc", "db1", "db5", "db9");
        assertThat(inventory.varsOf("node02")).containsEntry("wireguard_port", 51821);
        assertThat(inventory.hostsOf("racks")).containsExactly("racka", "rackb", "rackc");
    }

    @Test
    void rangesAndPortsExpandInIniInventories() throws InventoryException {
        Inventory inventory = load("ranges/inventory.ini");

        assertThat(inventory.hosts()).containsExactly("web1", "web2", "pi1-a", "pi1-b", "pi2-a", "pi2-b");
        assertThat(inventory.varsOf("web2")).containsEntry("ansible_port", 2200).containsEntry("role", "frontend");
        assertThat(inventory.hostsOf("mixed")).containsExactly("pi1-a", "pi1-b", "pi2-a", "pi2-b");
    }
}
