package dev.wgtui.core.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adversarial review of the core (issues 7 and 8): no part of a PrivateKey or PresharedKey value
 * reaches a Problem. Each test names its finding (see REVIEW.md).
 */
class ReviewSecretsTest {

    /** base64 of a readable string: stands in for a secret. */
    static final String SECRET = "d2ctcG9ydGFsLXYxLWh1Yi1maXh0dXJlLXNlY3JldC4=";
    static final String PUB = "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=";

    /**
     * REVIEW F6 (medium): a key wrapped onto the next line somewhere other than right before its
     * '=' (an editor's soft wrap at a column, a paste cut in two). The second part is an "entry"
     * whose key name is that part of the secret; names up to 32 characters are repeated in
     * "unknown [Interface] key '…'" and the line is quoted unredacted (only whole 44-character
     * keys are recognised). Up to 32 of the 44 characters — 192 of 256 bits — are shown.
     */
    @ParameterizedTest
    @ValueSource(ints = {12, 20, 30, 40})
    void noPartOfAWrappedPrivateKeyIsShownInAProblem(int cut) {
        String text = "[Interface]\nPrivateKey = " + SECRET.substring(0, cut) + "\n" + SECRET.substring(cut)
                + "\nListenPort = 51820\n";
        List<Problem> problems = ConfigCheck.problems(WgConfig.parse("wg0.conf", text));
        assertThat(problems).as("wg would reject the file too").isNotEmpty();
        String shown = problems.toString();
        // Fails today for every cut: e.g. "unknown [Interface] key 'Yi1maXh0dXJlLXNlY3JldC4'"
        assertThat(shown).doesNotContain(SECRET.substring(cut, Math.min(44, cut + 6)).replace("=", ""));
    }

    /** REVIEW F6: the same for a PresharedKey wrapped in a [Peer]. */
    @ParameterizedTest
    @ValueSource(ints = {16, 28})
    void noPartOfAWrappedPresharedKeyIsShownInAProblem(int cut) {
        String text = "[Interface]\nListenPort = 51820\n\n[Peer]\n# cm4\nPublicKey = " + PUB + "\nPresharedKey = "
                + SECRET.substring(0, cut) + "\n" + SECRET.substring(cut) + "\nAllowedIPs = 10.0.0.3/32\n";
        String shown = ConfigCheck.problems(WgConfig.parse("wg0.conf", text)).toString();
        // Fails today
        assertThat(shown).doesNotContain(SECRET.substring(cut, cut + 6));
    }
}
