package dev.wgtui.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed reads of host variables. */
class VarsTest {

    private static final Map<String, Object> VARS = vars(
            "wireguard_ip", "10.0.0.3",
            "wireguard_port", 51820,
            "ansible_port", "2222",
            "ansible_become", true,
            "flag_text", "Yes",
            "flag_number", 0,
            "wireguard_allowed_ips", List.of("10.0.0.3/32", "10.1.0.0/24"),
            "allowed_text", "10.0.0.3/32, 10.1.0.0/24,",
            "peer", Map.of("name", "cm4"),
            "nothing", null,
            "secret", new Vaulted("$ANSIBLE_VAULT;1.1;AES256\n6231"),
            "big", "99999999999",
            "word", "maybe");

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put((String) pairs[i], pairs[i + 1]);
        }
        return vars;
    }

    @Test
    void stringsReadScalarsAsText() {
        assertThat(Vars.string(VARS, "wireguard_ip")).hasValue("10.0.0.3");
        assertThat(Vars.string(VARS, "wireguard_port")).hasValue("51820");
        assertThat(Vars.string(VARS, "ansible_become")).hasValue("true");
        assertThat(Vars.string(VARS, "absent")).isEmpty();
        assertThat(Vars.string(VARS, "nothing")).isEmpty();
    }

    @Test
    void integersReadNumbersAndDigits() {
        assertThat(Vars.integer(VARS, "wireguard_port")).hasValue(51820);
        assertThat(Vars.integer(VARS, "ansible_port")).hasValue(2222);
        assertThat(Vars.integer(VARS, "absent")).isEmpty();
        assertThat(Vars.integer(VARS, "nothing")).isEmpty();
    }

    @Test
    void flagsReadAnsibleTruthiness() {
        assertThat(Vars.bool(VARS, "ansible_become", false)).isTrue();
        assertThat(Vars.bool(VARS, "flag_text", false)).isTrue();
        assertThat(Vars.bool(VARS, "flag_number", true)).isFalse();
        assertThat(Vars.bool(VARS, "absent", true)).isTrue();
        assertThat(Vars.bool(VARS, "nothing", false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "yes", "on", "y", "t", "1", " Yes "})
    void theseAreTrue(String text) {
        assertThat(Vars.bool(Map.of("k", text), "k", false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "off", "n", "f", "0", "NO"})
    void theseAreFalse(String text) {
        assertThat(Vars.bool(Map.of("k", text), "k", true)).isFalse();
    }

    @Test
    void listsReadListsAndCommaSeparatedText() {
        assertThat(Vars.strings(VARS, "wireguard_allowed_ips")).containsExactly("10.0.0.3/32", "10.1.0.0/24");
        assertThat(Vars.strings(VARS, "allowed_text")).containsExactly("10.0.0.3/32", "10.1.0.0/24");
        assertThat(Vars.strings(VARS, "absent")).isEmpty();
    }

    @Test
    void aValueOfTheWrongKindIsAnErrorNamingTheKeyButNotTheValue() {
        assertThatThrownBy(() -> Vars.string(VARS, "peer"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("peer is a mapping, not a string");
        assertThatThrownBy(() -> Vars.integer(VARS, "wireguard_ip"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("wireguard_ip is not a whole number");
        assertThatThrownBy(() -> Vars.integer(VARS, "big"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("big is too big for a whole number");
        assertThatThrownBy(() -> Vars.integer(Map.of("big", 3_000_000_000L), "big"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("big is too big for a whole number");
        assertThatThrownBy(() -> Vars.integer(VARS, "ansible_become"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ansible_become is not a whole number");
        assertThatThrownBy(() -> Vars.bool(VARS, "word", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("word is not true or false");
        assertThatThrownBy(() -> Vars.strings(VARS, "peer"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("peer is a mapping, not a list of strings");
        assertThatThrownBy(() -> Vars.string(VARS, "wireguard_allowed_ips"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wireguard_allowed_ips is a list, not a string");
    }

    @Test
    void aVaultedValueSaysItCannotBeRead() {
        assertThatThrownBy(() -> Vars.string(VARS, "secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("secret is encrypted with ansible-vault, which wgtui cannot read")
                .message().doesNotContain("ANSIBLE_VAULT");
    }
}
