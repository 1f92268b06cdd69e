package dev.wgtui.core.inventory;

/**
 * A variable encrypted with ansible-vault ({@code !vault}). wgtui cannot decrypt it, keeps it
 * opaque, and never shows the ciphertext.
 */
public record Vaulted(String ciphertext) {

    @Override
    public String toString() {
        return "<encrypted with ansible-vault>";
    }
}
