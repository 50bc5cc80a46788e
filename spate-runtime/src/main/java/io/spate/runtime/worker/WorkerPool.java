package io.spate.runtime.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of cooperative worker threads that run all tasklets of a TaskExecutor. Each tasklet
 * is pinned to one worker, which steps its tasklets round robin and parks (see {@link IdleBackOff})
 * when none of them has work; its {@link Waker} ends the park as soon as something a tasklet waits
 * for happens, and a tasklet that waits for a point in time has the worker park until then.
 */
public final class WorkerPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
  private static final int MAX_TASKLETS_PER_WORKER = 4096;

  private final Worker[] workers;
  private int next;

  /** Starts {@code threads} workers named after {@code name}. */
  public WorkerPool(String name, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("A worker pool needs at least one thread, got " + threads);
    }
    workers = new Worker[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Worker(name + "-worker-" + i);
      workers[i].start();
    }
  }

  /** Hands {@code tasklet} to the worker with the fewest tasklets. */
  public synchronized void submit(Tasklet tasklet) {
    Worker target = workers[next];
    for (Worker worker : workers) {
      if (worker.load() < target.load()) {
        target = worker;
      }
    }
    next = (next + 1) % workers.length;
    target.add(tasklet);
  }

  /**
   * Calls {@code sampler} with each worker thread and the tasklet it runs at this moment (null when
   * it runs none), for sampling which code a task runs on the shared threads.
   */
  public void forEachRunning(java.util.function.BiConsumer<Thread, Tasklet> sampler) {
    for (Worker worker : workers) {
      sampler.accept(worker, worker.current);
    }
  }

  /** The tasklet {@code thread}, if it is a worker of a pool, runs at this moment; null if none. */
  public static Tasklet runningOn(Thread thread) {
    return thread instanceof Worker worker ? worker.current : null;
  }

  /** The number of worker threads. */
  public int size() {
    return workers.length;
  }

  /** The number of tasklets not yet done. */
  public int activeTasklets() {
    int total = 0;
    for (Worker worker : workers) {
      total += worker.load();
    }
    return total;
  }

  /** Stops the workers, abandoning tasklets that are not done, and waits for the threads to end. */
  @Override
  public void close() {
    for (Worker worker : workers) {
      worker.running = false;
      LockSupport.unpark(worker);
    }
    for (Worker worker : workers) {
      try {
        worker.join(TimeUnit.SECONDS.toMillis(10));
        if (worker.isAlive()) {
          LOG.warn("Worker {} did not stop within 10 s; interrupting it", worker.getName());
          worker.interrupt();
          worker.join(TimeUnit.SECONDS.toMillis(5));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final class Worker extends Thread {
    private final ArrayBlockingQueue<Tasklet> incoming = new ArrayBlockingQueue<>(MAX_TASKLETS_PER_WORKER);
    private final List<Tasklet> tasklets = new ArrayList<>();
    private final AtomicInteger load = new AtomicInteger();
    private final Waker waker = new Waker(this);
    volatile boolean running = true;
    // The tasklet in its step now, published for the flame graph's sampler (one volatile write per step).
    volatile Tasklet current;

    Worker(String name) {
      super(name);
      setDaemon(true);
    }

    int load() {
      return load.get();
    }

    void add(Tasklet tasklet) {
      if (!incoming.offer(tasklet)) {
        throw new IllegalStateException("Worker " + getName() + " already runs " + MAX_TASKLETS_PER_WORKER + " tasklets");
      }
      load.incrementAndGet();
      LockSupport.unpark(this);
    }

    @Override
    public void run() {
      int idleRounds = 0;
      long idleSinceNanos = 0;
      while (running) {
        Tasklet added;
        waker.clear();
        while ((added = incoming.poll()) != null) {
          added.attach(waker);
          tasklets.add(added);
        }
        boolean progress = false;
        // Index loop: the scheduling round must not allocate (an iterator per round would).
        for (int i = 0; i < tasklets.size(); ) {
          Tasklet tasklet = tasklets.get(i);
          Tasklet.StepResult result;
          current = tasklet;
          try {
            result = tasklet.step();
          } catch (Throwable t) {
            LOG.error("Tasklet {} failed outside its own error handling; dropping it", tasklet.name(), t);
            result = Tasklet.StepResult.DONE;
          }
          current = null;
          // An interrupt meant for a cancelled tasklet must not leak into the next one.
          Thread.interrupted();
          if (result == Tasklet.StepResult.DONE) {
            tasklets.remove(i);
            load.decrementAndGet();
            continue;
          }
          if (result == Tasklet.StepResult.PROGRESS) {
            progress = true;
          }
          i++;
        }
        idleRounds = progress ? 0 : idleRounds + 1;
        if (idleRounds == 1) {
          idleSinceNanos = System.nanoTime();
        }
        backOff(idleRounds, idleSinceNanos);
      }
    }

    private void backOff(int idleRounds, long idleSinceNanos) {
      if (idleRounds == 0) {
        return;
      }
      long wait = IdleBackOff.next(idleRounds, waker.nanosToDeadline(), System.nanoTime() - idleSinceNanos);
      if (wait == IdleBackOff.SPIN) {
        Thread.onSpinWait();
      } else if (wait > 0) {
        waker.park(wait);
      }
    }
  }
}
