package dev.wgtui.cli;

import dev.wgtui.ssh.HostKeyPrompt;
import dev.wgtui.ssh.PassphrasePrompt;

import java.io.Console;

/** Questions SSH may need to ask, put on the controlling terminal; without one, the answer is no. */
public final class TerminalPrompts {

    private TerminalPrompts() {
    }

    /** Shows an unknown host key's fingerprint and asks whether to trust it. */
    public static HostKeyPrompt hostKey() {
        return (host, keyType, fingerprint) -> {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            console.printf("The authenticity of host '%s' can't be established.%n%s key fingerprint is %s.%n",
                    host, keyType, fingerprint);
            String answer = console.readLine("Trust it and add it to known_hosts? [y/N] ");
            return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        };
    }

    /** Asks for the passphrase of an encrypted private key, without echo. */
    static PassphrasePrompt passphrase() {
        return keyFile -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("Passphrase for %s: ", keyFile);
        };
    }
}
