package dev.wgtui.core.cluster;

import dev.wgtui.core.config.ConfigCheck;
import dev.wgtui.core.config.WgConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adversarial review of the core (issues 7 and 8): inventory values that pass NodeReader (and a
 * hub file's values that pass ConfigCheck) although wg cannot read them. Cidr.parse reads IPv4
 * octets with leading zeros and IPv6 groups with Integer.parseInt(…, 16), which takes a sign and
 * non-ASCII digits; wg reads addresses with inet_pton, which refuses all of them. Checked on this
 * machine with wireguard-go and wg(8) in a network namespace: {@code wg setconf} of a peer with
 * {@code AllowedIPs = 010.0.0.5/32}, {@code fd00::-1/128} or {@code fd00::+1/128} fails with
 * "Unable to parse IP address … Configuration parsing error", and {@code Endpoint = [fd00::-1]:51820}
 * with "Name or service not known". The whole file is then refused by the reload.
 */
class ReviewInventoryValuesTest {

    /** REVIEW F8 (medium): such a wireguard_ip passes NodeReader and becomes an AllowedIPs line. */
    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.5", "fd00::-1", "fd00::+1", "fd00::\u0661", "fd00::\uff21"})
    void anAddressWgCannotReadIsRefused(String ip) {
        // Fails today: no exception, allowedIps() = [<ip>/32 or /128]
        assertThatThrownBy(() -> NodeReader.read("inv.yml", "cm4", Map.of("wireguard_ip", ip)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cm4");
    }

    /** REVIEW F8: the same through wireguard_allowed_ips. */
    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.0/24", "fd00::-1/128"})
    void anAllowedIpWgCannotReadIsRefused(String cidr) {
        // Fails today
        assertThatThrownBy(() -> NodeReader.read("inv.yml", "cm4", Map.of("wireguard_ip", "10.0.0.5",
                "wireguard_allowed_ips", cidr))).isInstanceOf(IllegalArgumentException.class);
    }

    /** REVIEW F8: and through a bracketed IPv6 endpoint. */
    @ParameterizedTest
    @ValueSource(strings = {"[fd00::-1]:51820", "fd00::+1"})
    void anEndpointWgCannotReadIsRefused(String endpoint) {
        // Fails today: endpoint() = "[fd00::-1]:51820"
        assertThatThrownBy(() -> NodeReader.read("inv.yml", "cm4", Map.of("wireguard_ip", "10.0.0.5",
                "wireguard_endpoint", endpoint))).isInstanceOf(IllegalArgumentException.class);
    }

    /** REVIEW F8: ConfigCheck, the last check before the write, passes the line too. */
    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.5/32", "fd00::-1/128"})
    void configCheckRefusesAnAllowedIpWgCannotRead(String cidr) {
        String text = "[Interface]\nListenPort = 51820\n\n[Peer]\n# cm4\n"
                + "PublicKey = UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=\nAllowedIPs = " + cidr + "\n";
        // Fails today: no problem
        assertThat(ConfigCheck.problems(WgConfig.parse("wg0.conf", text))).isNotEmpty();
    }
}
