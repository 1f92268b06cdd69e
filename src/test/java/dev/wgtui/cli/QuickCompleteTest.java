package dev.wgtui.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell's Tab without the command tree answers exactly as {@code __complete} in the tree does. */
class QuickCompleteTest {

    private static final String CLUSTER = fixture("/inventory/cluster/inventory.yml");

    private static String fixture(String resource) {
        try {
            return Path.of(QuickCompleteTest.class.getResource(resource).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Answer(OptionalInt code, String out) {
    }

    private static Answer quick(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        OptionalInt code = QuickComplete.run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
        return new Answer(code, buf.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "-i CLUSTER __complete hosts",
            "-i CLUSTER __complete groups",
            "--inventory=CLUSTER -v --json --local /nonexistent/wg0.conf __complete hosts",
            "--known-hosts /dev/null -i CLUSTER --theme mono -y --turn-off-saveconfig __complete groups",
            "-i CLUSTER --workers-group arm __complete hosts",
            "-i CLUSTER --control-plane-group=workers --workers-group=all __complete hosts",
            "--demo __complete hosts",
            "--demo --preview /tmp/x __complete groups",
            "-i /nonexistent/inventory.yml __complete hosts",
    })
    void answersAsTheTreeDoes(String line) {
        String[] args = line.replace("CLUSTER", CLUSTER).split(" ");
        Answer quick = quick(args);
        CliRun tree = CliRun.run(args);
        assertThat(quick.code()).as("answered without the tree").isPresent();
        assertThat(quick.code().getAsInt()).isEqualTo(tree.exitCode());
        assertThat(quick.out()).isEqualTo(tree.out());
    }

    @Test
    void listsWorkersAndTheirGroups() {
        Answer a = quick("-i", CLUSTER, "__complete", "hosts");
        assertThat(a.code()).hasValue(0);
        assertThat(a.out()).startsWith("cm4\tworker 10.0.0.3\ns2204\tworker 10.0.0.4\nk8s-proxy\tworker 10.0.0.21\n")
                .contains("\narm\tgroup of 1 worker\n").doesNotContain("k8s\t");
    }

    @Test
    void aMissingInventoryOffersNothing() {
        Answer a = quick("-i", "/nonexistent/inventory.yml", "__complete", "groups");
        assertThat(a.code()).hasValue(ExitCode.USAGE.code());
        assertThat(a.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "__complete backups",          // needs the hub
            "-h __complete hosts",         // not a global option
            "-vy -i CLUSTER __complete hosts", // clustered short options: the tree reads them
            "-iCLUSTER __complete hosts",
            "--demo=true __complete hosts",
            "-i __complete hosts",         // -i takes __complete as its value
            "status",
            "__complete",
            "__complete hosts extra",
            "",
    })
    void leavesAnyOtherLineToTheTree(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.replace("CLUSTER", CLUSTER).split(" ");
        Answer a = quick(args);
        assertThat(a.code()).isEmpty();
        assertThat(a.out()).isEmpty();
    }
}
