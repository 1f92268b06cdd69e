package dev.wgtui.core.inventory;

import static dev.wgtui.core.inventory.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ansible's --limit patterns over the sample cluster: k8s in control_plane; cm4, s2204 and
 * k8s-proxy in workers; cm4 also in arm.
 */
class LimitTest {

    private static Inventory cluster;

    @BeforeAll
    static void loadCluster() throws InventoryException {
        cluster = load("cluster/inventory.yml");
    }

    @ParameterizedTest(name = "--limit {0}")
    @CsvSource(delimiter = '|', textBlock = """
        cm4                | cm4
        cm4,s2204          | cm4 s2204
        s2204,cm4          | cm4 s2204
        workers            | cm4 s2204 k8s-proxy
        all                | k8s cm4 s2204 k8s-proxy
        *                  | k8s cm4 s2204 k8s-proxy
        !cm4               | k8s s2204 k8s-proxy
        workers:!cm4       | s2204 k8s-proxy
        workers,!cm4       | s2204 k8s-proxy
        !cm4:workers       | s2204 k8s-proxy
        workers:&arm       | cm4
        &arm:workers       | cm4
        c*                 | k8s cm4
        k8s*               | k8s k8s-proxy
        ?????              | s2204
        [ck]*              | k8s cm4 k8s-proxy
        ~s22.*             | s2204
        ~[cs][m2]          | cm4 s2204
        ~.*proxy           | k8s-proxy
        control_plane,cm4  | k8s cm4
        cm4,workers,cm4    | cm4 s2204 k8s-proxy
        ' cm4 , s2204 '    | cm4 s2204
        workers[0]         | cm4
        workers[-1]        | k8s-proxy
        workers[1:]        | s2204 k8s-proxy
        workers[0:1]       | cm4 s2204
        all:!workers       | k8s
        """)
    void aPatternSelectsHostsInInventoryOrder(String pattern, String hosts) throws InventoryException {
        assertThat(cluster.limit(pattern)).containsExactly(hosts.split(" "));
    }

    @Test
    void anIntersectionThatLeavesNothingIsEmptyNotAnError() throws InventoryException {
        assertThat(cluster.limit("control_plane:&arm")).isEmpty();
        assertThat(cluster.limit("ungrouped")).isEmpty();
    }

    @ParameterizedTest(name = "--limit {0}")
    @CsvSource(delimiter = '|', textBlock = """
        cm5              | no host matches 'cm5' in inventory.yml
        cm4,cm5          | no host matches 'cm5' in inventory.yml
        workers:!cm5     | no host matches 'cm5' in inventory.yml
        workers:&x86     | no host matches 'x86' in inventory.yml
        z*               | no host matches 'z*' in inventory.yml
        ~^x              | no host matches '~^x' in inventory.yml
        workers:!cm4,s2204 | no host matches 'workers:!cm4' in inventory.yml
        workers[3]       | no host matches 'workers[3]': 'workers' has 3 hosts
        arm[1:2]         | no host matches 'arm[1:2]': 'arm' has 1 host
        ~(cm             | invalid regular expression '~(cm' in the limit: Unclosed group
        workers:!        | '!' in the limit needs a host or group after it
        ' , '            | the limit is empty
        """)
    void aTermThatMatchesNothingIsAnError(String pattern, String message) {
        assertThatThrownBy(() -> cluster.limit(pattern))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message);
    }

    @Test
    void globsAreTranslatedAsFnmatchDoes() {
        assertThat("node1").matches(HostSelector.glob("node[0-9]"));
        assertThat("nodex").doesNotMatch(HostSelector.glob("node[!a-z]"));
        assertThat("node.1").matches(HostSelector.glob("node.?"));
        assertThat("nodeX1").doesNotMatch(HostSelector.glob("node.?"));
        assertThat("]x").matches(HostSelector.glob("[]a]x"));
        assertThat("ax").matches(HostSelector.glob("[]a]x"));
        assertThat("node[").matches(HostSelector.glob("node["));
        assertThat("(x)+").matches(HostSelector.glob("(x)+"));
    }
}
