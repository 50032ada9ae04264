package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void everyTaskRunsExactlyOnceOverManyLoops() {
        try (Workers w = new Workers(3)) {
            for (int loop = 0; loop < 2000; loop++) {
                int n = 1 + loop % 37;
                AtomicIntegerArray runs = new AtomicIntegerArray(n);
                w.forEach(n, runs::incrementAndGet);
                for (int i = 0; i < n; i++) {
                    assertThat(runs.get(i)).as("loop %d task %d", loop, i).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void helperThreadsTakePartAndTheirWritesAreSeenAfterTheLoop() {
        try (Workers w = new Workers(2)) {
            Set<Thread> seen = ConcurrentHashMap.newKeySet();
            long[] out = new long[64];
            for (int rep = 0; rep < 200 && seen.size() < 2; rep++) {
                w.forEach(64, i -> {
                    seen.add(Thread.currentThread());
                    long s = 0;
                    for (int k = 0; k < 20_000; k++) {
                        s += (long) k * i;
                    }
                    out[i] = s;
                });
            }
            assertThat(seen).hasSize(2);
            for (int i = 0; i < 64; i++) {
                assertThat(out[i]).isEqualTo(199_990_000L * i);
            }
        }
    }

    @Test
    void aTaskFailureReachesTheCallerAndThePoolStaysUsable() {
        try (Workers w = new Workers(2)) {
            assertThatThrownBy(() -> w.forEach(50, i -> {
                if (i == 17) {
                    throw new IllegalArgumentException("task 17 refused");
                }
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("task 17 refused");
            AtomicIntegerArray runs = new AtomicIntegerArray(10);
            w.forEach(10, runs::incrementAndGet);
            for (int i = 0; i < 10; i++) {
                assertThat(runs.get(i)).isEqualTo(1);
            }
        }
    }

    @Test
    void aLoopInsideATaskRunsOnTheCallingThread() {
        try (Workers w = new Workers(2)) {
            AtomicIntegerArray inner = new AtomicIntegerArray(8 * 5);
            w.forEach(8, i -> {
                Thread outer = Thread.currentThread();
                w.forEach(5, j -> {
                    assertThat(Thread.currentThread()).isSameAs(outer);
                    inner.incrementAndGet(i * 5 + j);
                });
            });
            for (int i = 0; i < inner.length(); i++) {
                assertThat(inner.get(i)).isEqualTo(1);
            }
        }
    }

    @Test
    void oneThreadAndClosedPoolsRunInOrderOnTheCaller() {
        StringBuilder order = new StringBuilder();
        try (Workers w = new Workers(1)) {
            w.forEach(4, order::append);
        }
        Workers closed = new Workers(2);
        closed.close();
        closed.forEach(3, order::append);
        assertThat(order).hasToString("0123012");
    }
}
