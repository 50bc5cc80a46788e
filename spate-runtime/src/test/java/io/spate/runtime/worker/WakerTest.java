package io.spate.runtime.worker;

import io.spate.runtime.worker.Tasklet;
import io.spate.runtime.worker.Waker;
import io.spate.runtime.worker.WorkerPool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A worker's {@link Waker}: a wake-up ends a park that has begun, a wake-up that comes between the
 * worker's look at its tasklets and its park is not lost, and tasklets are handed the waker of the
 * worker that steps them. The parks here are a minute long, so only a working wake-up lets the
 * tests end within their limits.
 */
class WakerTest {

  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  @Test
  void aWakeUpEndsAParkThatHasBegun() throws Exception {
    AtomicReference<Waker> waker = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      Waker w = waker.get();
      w.clear();
      w.park(MINUTE);
    });
    waker.set(new Waker(worker));
    worker.start();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      while (LockSupport.getBlocker(worker) != waker.get()) {
        Thread.onSpinWait(); // until the worker is parked on its waker
      }
      waker.get().run();
      worker.join();
    });
    assertThat(worker.isAlive()).isFalse();
  }

  @Test
  void aWakeUpBeforeTheParkIsNotLost() {
    Waker waker = new Waker(Thread.currentThread());
    waker.clear();
    waker.run(); // arrives while the worker is still looking at its tasklets
    // on this thread, the waker's own: a lost wake-up would park it for a minute and fail the limit
    assertTimeout(Duration.ofSeconds(20), () -> waker.park(MINUTE));
  }

  @Test
  void taskletsGetTheirWorkersWaker() throws Exception {
    CountDownLatch attached = new CountDownLatch(1);
    AtomicReference<Waker> seen = new AtomicReference<>();
    try (WorkerPool pool = new WorkerPool("waker-test", 1)) {
      pool.submit(new Tasklet() {
        @Override
        public void attach(Waker waker) {
          seen.set(waker);
          attached.countDown();
        }

        @Override
        public StepResult step() {
          return seen.get() == null ? StepResult.PROGRESS : StepResult.DONE;
        }

        @Override
        public String name() {
          return "attached";
        }
      });
      assertThat(attached.await(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seen.get()).isNotNull();
  }

  @Test
  void theEarliestDeadlineOfARoundCountsAndClearingForgetsIt() {
    Waker waker = new Waker(Thread.currentThread());
    waker.clear();
    assertThat(waker.nanosToDeadline()).isEqualTo(Long.MAX_VALUE);
    long now = System.nanoTime();
    waker.wakeBy(now + MINUTE);
    waker.wakeBy(now + 2 * MINUTE); // a later deadline does not postpone the earlier one
    assertThat(waker.nanosToDeadline()).isPositive().isLessThanOrEqualTo(MINUTE);
    waker.wakeBy(now - 1);
    assertThat(waker.nanosToDeadline()).isNegative();
    waker.clear(); // a new round: tasklets that still wait ask again
    assertThat(waker.nanosToDeadline()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aWorkerWaitingForADeadlineParksMostOfTheWait() throws Exception {
    // Like a paced source: something is due every 2 ms, 50 times; in between there is nothing to do.
    long interval = TimeUnit.MILLISECONDS.toNanos(2);
    int cycles = 50;
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] cpuAndWall = new long[4];
    CountDownLatch done = new CountDownLatch(1);
    try (WorkerPool pool = new WorkerPool("deadline-test", 1)) {
      pool.submit(new Tasklet() {
        private Waker waker;
        private long due;
        private int emitted;

        @Override
        public void attach(Waker waker) {
          this.waker = waker;
        }

        @Override
        public StepResult step() {
          long now = System.nanoTime();
          if (due == 0 || now - due >= 0) {
            if (due == 0) {
              cpuAndWall[0] = threads.getCurrentThreadCpuTime();
              cpuAndWall[1] = now;
            }
            due = now + interval;
            if (++emitted > cycles) {
              cpuAndWall[2] = threads.getCurrentThreadCpuTime();
              cpuAndWall[3] = now;
              done.countDown();
              return StepResult.DONE;
            }
            return StepResult.PROGRESS;
          }
          waker.wakeBy(due);
          return StepResult.IDLE;
        }

        @Override
        public String name() {
          return "due every 2 ms";
        }
      });
      assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
    }
    // Parked until shortly before each deadline, the worker spins at most 100 us of every 2 ms; a
    // worker that spun through its waits would use about as much CPU as the time that passed.
    long cpu = cpuAndWall[2] - cpuAndWall[0];
    long wall = cpuAndWall[3] - cpuAndWall[1];
    assertThat(wall).isGreaterThanOrEqualTo(cycles * interval);
    assertThat(cpu).isLessThan(wall / 4);
  }
}
