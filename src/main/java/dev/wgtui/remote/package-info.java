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
 *
 * <p>A commit ({@code commit.sh}) receives the new text, then starts {@code commit-job.sh} in a
 * session of its own ({@code setsid}) with its output in files beside the lock, waits for it
 * and relays its frames. The job takes the lock ({@code flock(2)} on {@code .wg0.lock}, the
 * same lock {@code --local} takes), bounds every call that waits ({@code timeout}), and runs to
 * its end or puts the backup back whatever happens to the client; it records its steps and
 * outcome in {@code .wg0.run.<token>}, which goes once a client got the outcome, or is reported
 * by the next {@code read}. Test hooks (KILL_AT, PAUSE_AT, PAUSE_FILE, LOCKER) are always
 * assigned by wgtui, never taken from the host's environment.
 */
package dev.wgtui.remote;
