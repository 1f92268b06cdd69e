package dev.wgtui.ssh;

import java.nio.file.Path;

/** Asks the operator for the passphrase of an encrypted private key. */
@FunctionalInterface
public interface PassphrasePrompt {

    /** Knows no passphrase: encrypted keys are skipped. */
    PassphrasePrompt NONE = keyFile -> null;

    /**
     * @return the passphrase for {@code keyFile}, or null to skip the key. Asked again, up to three
     *         times, when the passphrase is wrong. The array is not kept after the key is decrypted.
     */
    char[] passphrase(Path keyFile);
}
