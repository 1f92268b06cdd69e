/**
 * Hub and worker operations over a {@link dev.wgtui.core.host.HostShell}: each operation is one
 * POSIX {@code sh} script from this package's resources ({@code prelude.sh} plus a body), run as
 * {@code sh -c '<script>'} or {@code sudo -n sh -c '<script>'}, so each is one SSH round trip.
 *
 * <p>Protocol: wgtui puts shell variables (single-quoted) in front of the script, among them a
 * random boundary {@code B}. The script prints frames, each {@code "\n" + B + ":" + name + "\n"}
 * followed by its body; the last is {@code end}, a failed step prints {@code fail}
 * ({@code KIND<TAB>step<TAB>message}) and exits 3. Config text travels on stdin or in a frame
 * body, never in the command line; private keys stay on the host (the dump's key field is cut
 * there, showconf/strip lose their PrivateKey lines there). {@code [#] ...} lines on stderr are
 * the steps, for {@code --verbose}.
 */
package dev.wgtui.remote;
