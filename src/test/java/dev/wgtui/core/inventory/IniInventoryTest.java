package dev.wgtui.core.inventory;

import static dev.wgtui.core.inventory.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The INI inventory's own forms. */
class IniInventoryTest {

    @TempDir
    Path dir;

    private Inventory load(String ini) throws InventoryException {
        return Inventory.load(write(dir, "inventory.ini", ini));
    }

    @Test
    void hostsBeforeAnySectionAreUngrouped() throws InventoryException {
        Inventory inventory = load("bastion\n\n[workers]\ncm4\n");

        assertThat(inventory.hostsOf("ungrouped")).containsExactly("bastion");
        assertThat(inventory.hostsOf("workers")).containsExactly("cm4");
    }

    @Test
    void anUngroupedHostNamedInAGroupLaterIsNoLongerUngrouped() throws InventoryException {
        Inventory inventory = load("cm4\n[workers]\ncm4\n");

        assertThat(inventory.hostsOf("ungrouped")).isEmpty();
        assertThat(inventory.groupsOf("cm4")).containsExactly("workers");
    }

    @Test
    void commentsAndBlankLinesAreSkipped() throws InventoryException {
        Inventory inventory = load("""
                # hash comment
                ; semicolon comment
                [workers]   # a comment after a header

                cm4 wireguard_ip=10.0.0.3 # a comment after the vars
                [workers:children]
                arm  # a comment after a child
                [arm]
                """);

        assertThat(inventory.hosts()).containsExactly("cm4");
        assertThat(inventory.varsOf("cm4")).isEqualTo(Map.of("wireguard_ip", "10.0.0.3"));
        assertThat(inventory.groups()).contains("arm");
    }

    @Test
    void quotedValuesMayHoldSpacesAndQuotes() throws InventoryException {
        Map<String, Object> vars = load("""
                [workers]
                cm4 args="-o ProxyJump=pi@bastion -o Port=22" single='it''s' esc="a \\"b\\" c" hash="#1"
                """).varsOf("cm4");

        assertThat(vars).containsEntry("args", "-o ProxyJump=pi@bastion -o Port=22")
                .containsEntry("single", "its")
                .containsEntry("esc", "a \"b\" c")
                .containsEntry("hash", "#1");
    }

    @Test
    void valuesAreReadAsPythonLiteralsAsAnsibleDoes() throws InventoryException {
        Map<String, Object> vars = load("""
                [workers]
                cm4 port=51820 flag=True other=true name='cm4' ip=10.0.0.3
                [workers:vars]
                keepalive = 25
                prune = False
                interface = "wg0"
                key = abc=def
                """).varsOf("cm4");

        assertThat(vars).containsEntry("port", 51820)
                .containsEntry("flag", true)
                .containsEntry("other", "true")
                .containsEntry("name", "cm4")
                .containsEntry("ip", "10.0.0.3")
                .containsEntry("keepalive", 25)
                .containsEntry("prune", false)
                .containsEntry("interface", "wg0")
                .containsEntry("key", "abc=def");
    }

    @Test
    void childGroupsMayBeDeclaredAfterTheyAreNamed() throws InventoryException {
        Inventory inventory = load("""
                [cluster:children]
                control_plane
                workers

                [control_plane]
                k8s

                [workers:children]
                arm

                [arm]
                cm4
                """);

        assertThat(inventory.hostsOf("cluster")).containsExactly("k8s", "cm4");
        assertThat(inventory.hostsOf("workers")).containsExactly("cm4");
    }

    @Test
    void varsForAGroupWithNoSectionOfItsOwnAreRefused() {
        assertThatThrownBy(() -> load("[workers]\ncm4\n[arm:vars]\nx=1\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.ini:3: [arm:vars] names group 'arm', which has no section of its own");
    }

    @Test
    void allAndUngroupedNeedNoSection() throws InventoryException {
        Inventory inventory = load("cm4\n[all:vars]\nansible_user=pi\n[ungrouped:vars]\nwireguard_port=51821\n");

        assertThat(inventory.varsOf("cm4")).isEqualTo(Map.of("ansible_user", "pi", "wireguard_port", 51821));
    }

    @Test
    void aLineThatIsNotAVarInAVarsSectionIsRefused() {
        assertThatThrownBy(() -> load("[workers]\ncm4\n[workers:vars]\njust words\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.ini:4: expected key=value in [workers:vars], got 'just words'");
    }

    @Test
    void anOpenQuoteIsRefused() {
        assertThatThrownBy(() -> load("[workers]\ncm4 args=\"-o x\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.ini:2: a quote is not closed");
    }

    @Test
    void yamlInAnIniFileSaysSo() {
        assertThatThrownBy(() -> load("---\nall:\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.ini:1: invalid host '---' (this looks like YAML; name the file .yml)");
        assertThatThrownBy(() -> load("all:\n  hosts:\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.ini:1: invalid host 'all:' (a trailing ':' is kept for a port)");
    }

    @Test
    void aBadChildLineIsRefused() {
        assertThatThrownBy(() -> load("[workers:children]\narm x=1\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory.ini:2: expected a group name in [workers:children], got 'arm x=1'");
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreFine() throws InventoryException {
        Inventory inventory = load("\uFEFF[workers]\r\ncm4 wireguard_ip=10.0.0.3\r\n");

        assertThat(inventory.varsOf("cm4")).isEqualTo(Map.of("wireguard_ip", "10.0.0.3"));
    }
}
