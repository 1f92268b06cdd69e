package dev.wgtui.ssh;

import java.io.StringReader;
import java.nio.file.Path;

import dev.wgtui.LogSetup;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.slf4j.LoggerFactory;

/**
 * Run in a child JVM by {@link SshLoggingTest}: optionally calls {@link LogSetup#init}, then makes
 * sshj log (a bad known_hosts line is logged at error level by sshj itself) at every level.
 */
public final class LogProbe {

    private LogProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            LogSetup.init(Path.of(args[0]));
        }
        new OpenSSHKnownHosts(new StringReader("not-a-known-hosts-line\n"));
        var log = LoggerFactory.getLogger(net.schmizz.sshj.SSHClient.class);
        log.error("probe error");
        log.warn("probe warn");
        log.info("probe info");
        log.debug("probe debug");
    }
}
