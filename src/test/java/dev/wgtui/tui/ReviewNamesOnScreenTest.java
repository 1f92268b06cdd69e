package dev.wgtui.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adversarial review (issue 8 item 11, "show control characters escaped, in every face"): a
 * peer name read from the hub file may hold bidi overrides and zero-width characters (NameStyle
 * only refuses C0/C1 controls); the CLI escapes them with Printable, the dashboard's peer table
 * draws them raw (DashboardView.cells: {@code r.name()}), so a name can reverse or hide text in
 * the operator's terminal. See REVIEW.md.
 */
class ReviewNamesOnScreenTest {

    @TempDir
    Path dir;

    /** REVIEW F9 (medium): U+202E (RIGHT-TO-LEFT OVERRIDE) in a {@code # Name = } comment reaches the terminal as is. */
    @Test
    void theDashboardShowsABidiOverrideInAPeerNameEscaped() throws Exception {
        DemoCluster demo = DemoCluster.local(dir);
        Files.writeString(demo.config, Files.readString(demo.config)
                + "\n[Peer]\n# Name = old\u202Epot-pal\nPublicKey = AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
                + "AllowedIPs = 10.0.0.60/32\n");
        ScreenDriver s = ScreenDriver.inline(demo.session, 120, 35).start();

        assertThat(String.join("\n", s.rows())).as("the peer is in the table").contains("pot-pal");
        // Fails today: the cell holds U+202E itself
        assertThat(String.join("\n", s.rows())).doesNotContain("\u202E");
    }
}
