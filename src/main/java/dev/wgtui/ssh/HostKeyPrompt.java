package dev.wgtui.ssh;

/**
 * Asks the operator whether to trust a host key that is not in known_hosts. Called only for an
 * unknown key, never for a changed one, and outside the SSH handshake, so it may take its time.
 */
@FunctionalInterface
public interface HostKeyPrompt {

    /** Trusts no unknown key: the connection fails with the fingerprint in the message. */
    HostKeyPrompt REFUSE = (host, keyType, fingerprint) -> false;

    /**
     * @param host        the host as known_hosts names it ({@code hub.example} or {@code [10.0.0.1]:2222})
     * @param keyType     the key type as ssh shows it ({@code ED25519}, {@code ECDSA}, {@code RSA})
     * @param sha256Fingerprint {@code SHA256:…}, as {@code ssh-keygen -lf} prints it
     * @return true to trust the key and add it to known_hosts
     */
    boolean accept(String host, String keyType, String sha256Fingerprint);
}
