package dev.wgtui.core.host;

import java.nio.charset.StandardCharsets;

/** The outcome of one command on a host. */
public record ExecResult(int exitCode, byte[] stdout, byte[] stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    public String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
