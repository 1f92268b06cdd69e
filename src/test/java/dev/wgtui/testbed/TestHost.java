package dev.wgtui.testbed;

import java.util.Objects;

/**
 * One host of a {@link Testbed}: its name (also its hostname and SSH host-key alias), the
 * underlay address its sshd listens on, and the WireGuard address the tests mean it to have.
 * Before the testbed is up, {@code underlayIp} is null: {@link #wanted} makes such a host.
 */
public record TestHost(String name, String underlayIp, String wgIp) {

    public TestHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(wgIp, "wgIp");
    }

    /** A host to create; the testbed picks its underlay address. */
    public static TestHost wanted(String name, String wgIp) {
        return new TestHost(name, null, wgIp);
    }
}
