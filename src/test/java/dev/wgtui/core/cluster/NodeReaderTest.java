package dev.wgtui.core.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inventory values are untrusted text until checked for what they are; both dialects of vars. */
class NodeReaderTest {

    static Node read(Map<String, Object> vars) {
        return NodeReader.read("inventory.yml", "cm4", vars);
    }

    static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            198.51.100.7:51820            | 198.51.100.7:51820
            vpn.example.org:4500          | vpn.example.org:4500
            vpn.example.org               | vpn.example.org:51821
            198.51.100.7                  | 198.51.100.7:51821
            [2001:db8::7]:51820           | [2001:db8::7]:51820
            [2001:db8::7]                 | [2001:db8::7]:51821
            2001:db8::7                   | [2001:db8::7]:51821
            """)
    void anEndpointIsHostPortOrAHostWithWireguardPort(String given, String endpoint) {
        assertThat(read(vars("wireguard_ip", "10.0.0.3", "wireguard_endpoint", given, "wireguard_port", 51821))
                .endpoint()).isEqualTo(endpoint);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            wireguard_endpoint        | "198.51.100.7:51820 #\\n[Interface]\\nPostUp = touch /tmp/x"
            wireguard_endpoint        | "198.51.100.7:51820\\nAllowedIPs = 0.0.0.0/0"
            wireguard_endpoint        | "host=1:51820"
            wireguard_endpoint        | "host:99999"
            wireguard_endpoint        | "[2001:db8::7]x"
            wireguard_endpoint        | "2001:db8::7/64"
            wireguard_endpoint        | "a b:51820"
            wireguard_ip              | "10.0.0.3\\n[Interface]"
            wireguard_allowed_ips     | "10.0.0.3/32 # x"
            wireguard_allowed_ips     | "10.0.0.3/32\\nPostUp = x"
            wireguard_interface       | "wg0\\n[Interface]"
            wireguard_interface       | "averyveryverylongname"
            wireguard_public_key      | "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=\\nPostUp = x"
            wireguard_persistent_keepalive | "25\\n[Interface]"
            wireguard_persistent_keepalive | "70000"
            wireguard_port            | "51820\\n[Interface]"
            """)
    void aValueThatIsNotWhatItsVarHoldsIsRefusedNamingHostAndVar(String var, String value) {
        String v = value.replace("\\n", "\n");
        Map<String, Object> vars = vars("wireguard_ip", "10.0.0.3");
        vars.put(var, v);
        assertThatThrownBy(() -> read(vars)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("inventory.yml: host cm4: ")
                .hasMessageContaining(var.equals("wireguard_port") ? "wireguard_port" : var)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void githubixxAddressesAreTheHostsIpsAndTheirAllowedIps() {
        Node n = read(vars("wireguard_address", "10.8.0.101/24"));
        assertThat(n.wireguardIp()).isEqualTo("10.8.0.101");
        assertThat(n.allowedIps()).containsExactly("10.8.0.101/32");
        Node dual = read(vars("wireguard_addresses", List.of("10.8.0.101/24", "fd00:8::101/64")));
        assertThat(dual.wireguardIp()).isEqualTo("10.8.0.101");
        assertThat(dual.allowedIps()).containsExactly("10.8.0.101/32", "fd00:8::101/128");
        assertThat(read(vars("wireguard_address", "10.8.0.112/24", "wireguard_allowed_ips",
                "10.8.0.112/32, 192.168.22.0/24")).allowedIps()).containsExactly("10.8.0.112/32", "192.168.22.0/24");
    }

    @Test
    void githubixxEndpointsFollowTheRole() {
        // unset: the inventory name; "": none, and then no keepalive either; a string port is a port
        assertThat(NodeReader.read("inv", "controller01.example.net", vars("wireguard_address", "10.8.0.101/24",
                "wireguard_port", "51820")).endpoint()).isEqualTo("controller01.example.net:51820");
        Node none = read(vars("wireguard_address", "10.8.0.2/24", "wireguard_endpoint", "",
                "wireguard_persistent_keepalive", "30"));
        assertThat(none.endpoint()).isNull();
        assertThat(none.persistentKeepalive()).isNull();
        Node nat = read(vars("wireguard_address", "10.8.0.112/24", "wireguard_endpoint", "192.0.2.12",
                "wireguard_port", 51820, "wireguard_persistent_keepalive", "30"));
        assertThat(nat.endpoint()).isEqualTo("192.0.2.12:51820");
        assertThat(nat.persistentKeepalive()).isEqualTo(30);
        // wgtui's own vars keep their meaning: no endpoint set is none
        assertThat(read(vars("wireguard_ip", "10.0.0.3")).endpoint()).isNull();
    }

    @Test
    void aMissingAddressNamesEveryVarItLookedFor() {
        assertThatThrownBy(() -> read(vars())).hasMessage(
                "inventory.yml: host cm4: wireguard_ip is not set (nor wireguard_address or wireguard_addresses)");
    }

    @Test
    void aHostileHostNameIsShownEscaped() {
        assertThatThrownBy(() -> NodeReader.read("inv", "cm4\u001b[2J", vars()))
                .hasMessageStartingWith("inv: host cm4\\x1b[2J: ");
    }
}
