package dev.wgtui.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class OpenSshConfigTest {

    private static OpenSshConfig config(String text) throws IOException {
        return OpenSshConfig.parse(text, Path.of("/home/op/.ssh/config"));
    }

    @Test
    void firstObtainedValueWinsAcrossBlocks() throws IOException {
        OpenSshConfig c = config("""
                Host hub
                    HostName 10.0.0.1
                    User admin
                Host *
                    User nobody
                    Port 2222
                """);
        OpenSshConfig.HostSettings hub = c.lookup("hub");
        assertThat(hub.hostName()).contains("10.0.0.1");
        assertThat(hub.user()).contains("admin");
        assertThat(hub.port()).contains(2222);

        OpenSshConfig.HostSettings other = c.lookup("cm4");
        assertThat(other.hostName()).isEmpty();
        assertThat(other.user()).contains("nobody");
    }

    @Test
    void settingsBeforeAnyHostLineApplyToAllHosts() throws IOException {
        OpenSshConfig c = config("""
                User early
                Host hub
                    User late
                """);
        assertThat(c.lookup("hub").user()).contains("early");
    }

    @Test
    void identityFilesAccumulateInOrder() throws IOException {
        OpenSshConfig c = config("""
                Host hub
                    IdentityFile ~/.ssh/hub_key
                Host *
                    IdentityFile ~/.ssh/id_%h
                """);
        assertThat(c.lookup("hub").identityFiles()).containsExactly("~/.ssh/hub_key", "~/.ssh/id_%h");
        assertThat(c.lookup("cm4").identityFiles()).containsExactly("~/.ssh/id_%h");
    }

    @Test
    void negatedPatternExcludesAHost() throws IOException {
        OpenSshConfig c = config("""
                Host *.lab !bastion.lab
                    ProxyJump bastion.lab
                """);
        assertThat(c.lookup("cm4.lab").proxyJump()).contains("bastion.lab");
        assertThat(c.lookup("bastion.lab").proxyJump()).isEmpty();
        assertThat(c.lookup("cm4.home").proxyJump()).isEmpty();
    }

    @Test
    void hostPatternsMatchLikeSsh() {
        assertThat(OpenSshConfig.matchesHostPatterns(List.of("*"), "anything")).isTrue();
        assertThat(OpenSshConfig.matchesHostPatterns(List.of("cm?"), "cm4")).isTrue();
        assertThat(OpenSshConfig.matchesHostPatterns(List.of("cm?"), "cm42")).isFalse();
        assertThat(OpenSshConfig.matchesHostPatterns(List.of("10.0.*"), "10.0.3.7")).isTrue();
        assertThat(OpenSshConfig.matchesHostPatterns(List.of("HUB"), "hub")).isTrue();
        assertThat(OpenSshConfig.matchesHostPatterns(List.of("!hub"), "cm4")).isFalse();
        assertThat(OpenSshConfig.matchesHostPatterns(List.of("*", "!hub"), "hub")).isFalse();
        assertThat(OpenSshConfig.matchesHostPatterns(List.of("a*b*c"), "axxbyyc")).isTrue();
        assertThat(OpenSshConfig.matchesHostPatterns(List.of("a*b*c"), "axxbyy")).isFalse();
    }

    @Test
    void globAgreesWithARegexOnRandomInputs() {
        Random random = new Random(42);
        String alphabet = "ab*?";
        for (int i = 0; i < 5000; i++) {
            String pattern = randomString(random, alphabet, 6);
            String text = randomString(random, "ab", 7);
            String regex = pattern.replace("?", ".").replace("*", ".*");
            assertThat(OpenSshConfig.glob(pattern, text))
                    .as("pattern %s text %s", pattern, text)
                    .isEqualTo(text.matches(regex));
        }
    }

    private static String randomString(Random random, String alphabet, int maxLength) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void keywordsAreCaseInsensitiveAndMayUseEquals() throws IOException {
        OpenSshConfig c = config("""
                host hub
                  hostname=10.0.0.1
                  PORT = 2200
                  user\t"ops team"
                  ConnectTimeout 7
                """);
        OpenSshConfig.HostSettings hub = c.lookup("hub");
        assertThat(hub.hostName()).contains("10.0.0.1");
        assertThat(hub.port()).contains(2200);
        assertThat(hub.user()).contains("ops team");
        assertThat(hub.connectTimeout()).contains(Duration.ofSeconds(7));
    }

    @Test
    void commentsAndBlankLinesAreIgnored() throws IOException {
        OpenSshConfig c = config("""
                # a comment

                Host hub   # trailing comment
                    User admin # who
                """);
        assertThat(c.lookup("hub").user()).contains("admin");
    }

    @Test
    void proxyJumpNoneStopsALaterProxyJump() throws IOException {
        OpenSshConfig c = config("""
                Host bastion
                    ProxyJump none
                Host *
                    ProxyJump bastion
                """);
        assertThat(c.lookup("bastion").proxyJump()).contains("none");
        assertThat(c.lookup("hub").proxyJump()).contains("bastion");
    }

    @Test
    void proxyJumpAndProxyCommandShareOneSlot() throws IOException {
        OpenSshConfig c = config("""
                Host hub
                    ProxyCommand ssh -W "%h:%p" bastion
                Host *
                    ProxyJump other
                """);
        OpenSshConfig.HostSettings hub = c.lookup("hub");
        assertThat(hub.proxyCommand()).contains("ssh -W \"%h:%p\" bastion");
        assertThat(hub.proxyJump()).isEmpty();
    }

    @Test
    void matchAllAppliesEverywhereAndOtherMatchBlocksAreSkipped() throws IOException {
        OpenSshConfig c = config("""
                Match exec "true"
                    User fromexec
                Match all
                    User everyone
                """);
        assertThat(c.lookup("hub").user()).contains("everyone");
    }

    @Test
    void includeReadsFilesRelativeToTheConfigDirectoryWithGlobs(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/20-hub.conf"), "Host hub\n  User fromb\n");
        Files.writeString(dir.resolve("conf.d/10-hub.conf"), "Host hub\n  User froma\n  Port 2022\n");
        Files.writeString(dir.resolve("config"), """
                Host cm4
                    Include conf.d/*.conf
                    User cm4user
                Host hub
                    Port 22
                """);
        OpenSshConfig c = OpenSshConfig.load(dir.resolve("config"));
        assertThat(c.lookup("hub").user()).contains("froma");
        assertThat(c.lookup("hub").port()).contains(2022);
        // after the Include, the including block's condition applies again
        assertThat(c.lookup("cm4").user()).contains("cm4user");
    }

    @Test
    void missingFileIsAnEmptyConfig(@TempDir Path dir) throws IOException {
        OpenSshConfig c = OpenSshConfig.load(dir.resolve("nope"));
        assertThat(c.lookup("hub")).isEqualTo(OpenSshConfig.empty().lookup("hub"));
        assertThat(c.lookup("hub").proxyJump()).isEqualTo(Optional.empty());
    }

    @Test
    void badPortNamesFileAndLine() {
        assertThatThrownBy(() -> config("Host hub\n  Port ssh\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/home/op/.ssh/config:2")
                .hasMessageContaining("Port 'ssh'");
    }
}
