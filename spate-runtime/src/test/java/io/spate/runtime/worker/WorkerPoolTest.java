package io.spate.runtime.worker;

import io.spate.runtime.worker.Tasklet;
import io.spate.runtime.worker.WorkerPool;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cooperative worker pool: many tasklets on few threads, each stepped alone, all completing. */
class WorkerPoolTest {

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  /** A tasklet that needs a number of steps, alternating work and idleness, and checks its contract. */
  static final class CountingTasklet implements Tasklet {
    final String name;
    final int stepsNeeded;
    final CountDownLatch done;
    final Queue<String> violations;
    final AtomicBoolean inStep = new AtomicBoolean();
    final AtomicInteger steps = new AtomicInteger();
    volatile boolean finished;

    CountingTasklet(String name, int stepsNeeded, CountDownLatch done, Queue<String> violations) {
      this.name = name;
      this.stepsNeeded = stepsNeeded;
      this.done = done;
      this.violations = violations;
    }

    @Override
    public StepResult step() {
      if (!inStep.compareAndSet(false, true)) {
        violations.add(name + " stepped concurrently");
      }
      try {
        if (finished) {
          violations.add(name + " stepped after DONE");
          return StepResult.DONE;
        }
        int n = steps.incrementAndGet();
        if (n >= stepsNeeded) {
          finished = true;
          done.countDown();
          return StepResult.DONE;
        }
        return n % 3 == 0 ? StepResult.IDLE : StepResult.PROGRESS;
      } finally {
        inStep.set(false);
      }
    }

    @Override
    public String name() {
      return name;
    }
  }

  private static List<Thread> threadsNamed(String prefix) {
    List<Thread> out = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith(prefix)) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void manyMoreTaskletsThanWorkersAllComplete() throws Exception {
    int tasklets = 300;
    CountDownLatch done = new CountDownLatch(tasklets);
    Queue<String> violations = new ConcurrentLinkedQueue<>();
    Random random = new Random(3);
    List<CountingTasklet> all = new ArrayList<>();
    try (WorkerPool pool = new WorkerPool("wp-many", 2)) {
      assertThat(pool.size()).isEqualTo(2);
      for (int i = 0; i < tasklets; i++) {
        CountingTasklet t = new CountingTasklet("t" + i, 1 + random.nextInt(200), done, violations);
        all.add(t);
        pool.submit(t);
      }
      assertThat(done.await(30, TimeUnit.SECONDS)).as("all tasklets done").isTrue();
      assertThat(violations).isEmpty();
      for (CountingTasklet t : all) {
        assertThat(t.steps.get()).as("steps of %s", t.name).isEqualTo(t.stepsNeeded);
      }
      Await.until(TEN_SECONDS, "no active tasklets", () -> pool.activeTasklets() == 0);
    }
  }

  @Test
  void taskletsWaitingOnEachOtherThroughBoundedQueuesAllComplete() throws Exception {
    // A pipeline of tasklets handing tokens through queues of capacity 1: a tasklet that cannot hand
    // over (or has nothing to take) returns IDLE and must let the others on its worker run.
    int stages = 12;
    int tokens = 5_000;
    List<ArrayBlockingQueue<Integer>> queues = new ArrayList<>();
    for (int i = 0; i < stages - 1; i++) {
      queues.add(new ArrayBlockingQueue<>(1));
    }
    CountDownLatch done = new CountDownLatch(stages);
    AtomicInteger received = new AtomicInteger();
    AtomicInteger checksum = new AtomicInteger();
    try (WorkerPool pool = new WorkerPool("wp-pipeline", 2)) {
      for (int s = stages - 1; s >= 0; s--) { // consumers first, to mix the placement
        int stage = s;
        pool.submit(new Tasklet() {
          int next;
          Integer holding;

          @Override
          public StepResult step() {
            if (stage == 0) {
              if (next == tokens) {
                if (queues.get(0).offer(-1)) {
                  done.countDown();
                  return StepResult.DONE;
                }
                return StepResult.IDLE;
              }
              if (queues.get(0).offer(next)) {
                next++;
                return StepResult.PROGRESS;
              }
              return StepResult.IDLE;
            }
            if (holding == null) {
              holding = queues.get(stage - 1).poll();
              if (holding == null) {
                return StepResult.IDLE;
              }
            }
            if (stage == stages - 1) {
              if (holding == -1) {
                done.countDown();
                return StepResult.DONE;
              }
              received.incrementAndGet();
              checksum.addAndGet(holding);
              holding = null;
              return StepResult.PROGRESS;
            }
            if (queues.get(stage).offer(holding)) {
              boolean end = holding == -1;
              holding = null;
              if (end) {
                done.countDown();
                return StepResult.DONE;
              }
              return StepResult.PROGRESS;
            }
            return StepResult.IDLE;
          }

          @Override
          public String name() {
            return "stage-" + stage;
          }
        });
      }
      assertThat(done.await(60, TimeUnit.SECONDS)).as("pipeline done; received %d", received.get()).isTrue();
    }
    assertThat(received.get()).isEqualTo(tokens);
    assertThat(checksum.get()).isEqualTo(tokens * (tokens - 1) / 2);
  }

  @Test
  void aTaskletThatThrowsIsDroppedAndTheOthersGoOn() throws Exception {
    CountDownLatch done = new CountDownLatch(20);
    Queue<String> violations = new ConcurrentLinkedQueue<>();
    AtomicInteger thrownSteps = new AtomicInteger();
    try (WorkerPool pool = new WorkerPool("wp-throw", 1)) {
      pool.submit(new Tasklet() {
        @Override
        public StepResult step() {
          thrownSteps.incrementAndGet();
          throw new IllegalStateException("broken tasklet (expected in this test)");
        }

        @Override
        public String name() {
          return "broken";
        }
      });
      for (int i = 0; i < 20; i++) {
        pool.submit(new CountingTasklet("ok" + i, 50, done, violations));
      }
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(violations).isEmpty();
      assertThat(thrownSteps.get()).isEqualTo(1);
    }
  }

  @Test
  void closeStopsEveryWorkerThread() throws Exception {
    WorkerPool pool = new WorkerPool("wp-close", 3);
    assertThat(threadsNamed("wp-close")).hasSize(3);
    CountDownLatch done = new CountDownLatch(5);
    for (int i = 0; i < 5; i++) {
      pool.submit(new CountingTasklet("c" + i, 10, done, new ConcurrentLinkedQueue<>()));
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    pool.close();
    Await.until(TEN_SECONDS, () -> "workers stopped: " + threadsNamed("wp-close"), () -> threadsNamed("wp-close").isEmpty());
  }

  @Test
  void closeStopsWorkersEvenWithTaskletsThatNeverEnd() throws Exception {
    WorkerPool pool = new WorkerPool("wp-endless", 2);
    for (int i = 0; i < 4; i++) {
      int n = i;
      pool.submit(new Tasklet() {
        @Override
        public StepResult step() {
          return n % 2 == 0 ? StepResult.IDLE : StepResult.PROGRESS;
        }

        @Override
        public String name() {
          return "endless-" + n;
        }
      });
    }
    pool.close();
    Await.until(TEN_SECONDS, () -> "workers stopped: " + threadsNamed("wp-endless"),
        () -> threadsNamed("wp-endless").isEmpty());
  }
}
