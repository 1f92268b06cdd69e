package dev.wgtui.remote;

import dev.wgtui.core.host.HostException;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.session.WorkerFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One task per worker, forks at a time: order, isolation of failures, progress. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FanoutTest {

    private static List<String> workers(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "w" + i).toList();
    }

    @Test
    void noMoreThanForksRunAtOnceAndOutcomesKeepTheWorkersOrder() {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> ws = workers(12);

        List<Fanout.Outcome<String>> out = Fanout.run(ws, 4, "reading", (s, d, t) -> { }, w -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                // later workers finish first, so completion order differs from the list's
                Thread.sleep(20L * (13 - Integer.parseInt(w.substring(1))));
            } finally {
                now.decrementAndGet();
            }
            return w.toUpperCase();
        });

        assertThat(most.get()).isEqualTo(4);
        assertThat(out).extracting(Fanout.Outcome::value)
                .containsExactlyElementsOf(ws.stream().map(String::toUpperCase).toList());
    }

    @Test
    void aTaskThatThrowsFailsItsOwnWorkerOnly() {
        List<Fanout.Outcome<String>> out = Fanout.run(workers(5), 2, "deploying", (s, d, t) -> { }, w -> {
            if (w.equals("w3")) {
                throw new HostException(HostException.Kind.CONNECT, w, "connection refused");
            }
            return w;
        });

        assertThat(out).hasSize(5);
        assertThat(out.get(2).ok()).isFalse();
        assertThat(out.get(2).error()).hasMessage("w3: connection refused");
        assertThat(out).filteredOn(Fanout.Outcome::ok).extracting(Fanout.Outcome::value)
                .containsExactly("w1", "w2", "w4", "w5");
    }

    @Test
    void progressStartsAtZeroCountsEveryWorkerOnceAndEndsAtTheTotal() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> steps = Collections.synchronizedList(new ArrayList<>());

        Fanout.run(workers(9), 3, "deploying", (step, done, total) -> {
            assertThat(total).isEqualTo(9);
            seen.add(done);
            steps.add(step);
        }, w -> {
            if (w.equals("w5")) {
                throw new IllegalStateException("boom");
            }
            return w;
        });

        assertThat(seen.get(0)).isZero();
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(steps).containsOnly("deploying");
    }

    @Test
    void nothingToDoStartsNoThreadAndTellsNothing() {
        List<Integer> seen = new ArrayList<>();
        assertThat(Fanout.run(List.<String>of(), 5, "reading", (s, d, t) -> seen.add(d), w -> w)).isEmpty();
        assertThat(seen).isEmpty();
        assertThatThrownBy(() -> Fanout.run(workers(1), 0, "reading", (s, d, t) -> { }, w -> w))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failuresSayWhatKindOfTroubleAndNameTheWorker() {
        assertThat(Fanout.failure("w1", "reading", new HostException(HostException.Kind.HOST_KEY, "w1", "key changed")))
                .isEqualTo(new WorkerFailure("w1", "reading", WorkerFailure.Kind.HOST_KEY, "w1: key changed"));
        assertThat(Fanout.failure("w1", "reading", new IllegalStateException(
                new HostException(HostException.Kind.TIMEOUT, "w1", "no answer within 5 s"))))
                .isEqualTo(new WorkerFailure("w1", "reading", WorkerFailure.Kind.HOST, "w1: no answer within 5 s"));
        assertThat(Fanout.failure("w2", "deploying", new HubException(HubException.Kind.CONFLICT,
                "w2: /etc/wireguard/wg0.conf changed since the preview")).kind()).isEqualTo(WorkerFailure.Kind.REFUSED);
        assertThat(Fanout.failure("w2", "deploying", new HubException(HubException.Kind.RELOAD,
                "w2: reload failed at up: Address already in use")).kind()).isEqualTo(WorkerFailure.Kind.HOST);
        WorkerFailure rule = Fanout.failure("w3", "reading",
                new IllegalArgumentException("refusing to write w3:/etc/wireguard/wg0.conf: duplicate key"));
        assertThat(rule.kind()).isEqualTo(WorkerFailure.Kind.REFUSED);
        assertThat(rule.reason()).isEqualTo("w3: refusing to write w3:/etc/wireguard/wg0.conf: duplicate key");
    }
}
