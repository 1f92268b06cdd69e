package dev.wgtui.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden fixtures: valid configs round-trip byte for byte; invalid ones give their exact error. */
class WgConfigGoldenTest {

    static List<Path> valid() {
        return Fixtures.files("configs/valid", ".conf");
    }

    static List<Path> invalid() {
        return Fixtures.files("configs/invalid", ".conf");
    }

    @ParameterizedTest
    @MethodSource("valid")
    void validConfigRoundTripsByteForByte(Path file) {
        String text = Fixtures.read(file);
        WgConfig config = WgConfig.parse(file.getFileName().toString(), text);
        assertThat(config.render()).isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void validConfigHasNoErrors(Path file) {
        WgConfig config = WgConfig.parse(file.getFileName().toString(), Fixtures.read(file));
        assertThat(ConfigCheck.problems(config).stream().filter(Problem::isError)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidConfigGivesItsExactError(Path file) {
        String name = file.getFileName().toString();
        String expected = Fixtures.read(file.resolveSibling(name.replace(".conf", ".error"))).strip();
        WgConfig config = WgConfig.parse(name, Fixtures.read(file));
        String errors = ConfigCheck.problems(config).stream().filter(Problem::isError).map(Problem::toString)
                .collect(Collectors.joining("\n"));
        assertThat(errors).isEqualTo(expected);
        assertThat(errors).doesNotContain("c2hvcnQ=").doesNotContain("c2VjcmV0LXZhbHVl");
    }

    @Test
    void everyInvalidFixtureHasItsError() {
        for (Path conf : invalid()) {
            assertThat(conf.resolveSibling(conf.getFileName().toString().replace(".conf", ".error"))).exists();
        }
    }

    @Test
    void namesFollowEveryConvention() {
        WgConfig messy = WgConfig.parse("m", Fixtures.read(Fixtures.dir("configs/valid/messy-formatting.conf")));
        assertThat(messy.peers()).extracting(PeerBlock::name).containsExactly("alpha", "beta");
        assertThat(messy.peers().get(0).allowedIps()).containsExactly("10.0.0.2/32", "10.0.1.0/24", "10.0.2.0/24");
        assertThat(messy.peers().get(0).persistentKeepalive()).contains("25");
        assertThat(messy.interfaceValue("ListenPort")).contains("51820");
        assertThat(messy.interfaceValue("PostDown")).contains("iptables -D FORWARD -i %i -j ACCEPT");

        WgConfig crlf = WgConfig.parse("c", Fixtures.read(Fixtures.dir("configs/valid/crlf.conf")));
        assertThat(crlf.peers()).extracting(PeerBlock::name).containsExactly("win");
        assertThat(crlf.lineEnding()).isEqualTo("\r\n");

        WgConfig v6 = WgConfig.parse("v", Fixtures.read(Fixtures.dir("configs/valid/ipv6-dual-stack.conf")));
        PeerBlock anon = v6.peers().get(1);
        assertThat(anon.named()).isFalse();
        assertThat(anon.name()).startsWith("peer-").hasSize(13);
        assertThat(WgConfig.parse("v", Fixtures.read(Fixtures.dir("configs/valid/ipv6-dual-stack.conf")))
                .peers().get(1).name()).isEqualTo(anon.name());
    }

    @Test
    void nameConventionsAfterAndBeforeThePeerHeader() {
        String key = "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=";
        assertThat(WgConfig.parse("t", "[Peer]\n# Name = cm4\nPublicKey = " + key + "\n").peers().get(0).name())
                .isEqualTo("cm4");
        assertThat(WgConfig.parse("t", "[Peer]\n# Name: cm4\nPublicKey = " + key + "\n").peers().get(0).name())
                .isEqualTo("cm4");
        assertThat(WgConfig.parse("t", "# cm4\n[Peer]\nPublicKey = " + key + "\n").peers().get(0).name())
                .isEqualTo("cm4");
        assertThat(WgConfig.parse("t", "[Peer]\n# a laptop of someone\nPublicKey = " + key + "\n").peers().get(0)
                .name()).isEqualTo("a laptop of someone");
        assertThat(WgConfig.parse("t", "[Peer]\n#  begin\nPublicKey = " + key + "\n").peers().get(0).named()).isFalse();
        assertThat(WgConfig.parse("t", "[Peer]\n#PresharedKey = x\nPublicKey = " + key + "\n").peers().get(0).named())
                .isFalse();
    }

    @Test
    void nestedAllowedIpsAreANoteNotAnError() {
        WgConfig nested = WgConfig.parse("nested-allowedips.conf",
                Fixtures.read(Fixtures.dir("configs/valid/nested-allowedips.conf")));
        List<Problem> problems = ConfigCheck.problems(nested);
        assertThat(problems).extracting(Problem::toString).containsExactly("nested-allowedips.conf:7: warning: "
                + "AllowedIPs 10.0.0.0/24 of peer 'net' holds narrower prefixes of other peers (10.0.0.4/32 of 'host'); "
                + "wg routes each address to the longest prefix: `AllowedIPs = 10.0.0.0/24'");
    }

    @Test
    void redactionHidesEverySecretAndNothingElse() {
        String text = Fixtures.read(Fixtures.dir("configs/valid/ipv6-dual-stack.conf"));
        WgConfig config = WgConfig.parse("v", text);
        String shown = Redaction.text(text);
        for (ConfigLine line : config.lines()) {
            if (line instanceof ConfigLine.Entry e && (e.is("PrivateKey") || e.is("PresharedKey"))) {
                assertThat(shown).doesNotContain(e.value());
            }
        }
        assertThat(shown).contains("PrivateKey = (hidden)").contains("PresharedKey = (hidden)")
                .contains(config.peers().get(0).publicKey().orElseThrow());
        assertThat(Redaction.line("private key: abc")).doesNotContain("abc");
    }
}
