package io.spate.runtime.tasks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The actions other threads hand to a task (operator events, checkpoint triggers and notifications),
 * run on the task's own thread between its reads of input, so that operator code stays single-threaded.
 */
final class TaskMailbox {

  private static final int CAPACITY = 1024;

  private final ArrayBlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final String taskName;
  // A lock-free hint that mail arrived, read between source polls (the queue itself locks on every look).
  private volatile boolean mailArrived;
  // Set before the task's first step; run after each offer to end the idle park of the task's worker.
  private volatile Runnable wake;

  TaskMailbox(String taskName) {
    this.taskName = taskName;
  }

  void setWake(Runnable wake) {
    this.wake = wake;
  }

  /** Queues {@code action} and wakes the task; waits up to 10 s for room, then fails. */
  void put(Runnable action) {
    try {
      if (!queue.offer(action, 10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The mailbox of task " + taskName + " stayed full for 10 s");
      }
      mailArrived = true;
      Runnable w = wake;
      if (w != null) {
        w.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether mail arrived since the task last ran its mailbox. */
  boolean hasMail() {
    return mailArrived;
  }

  /** Runs every queued action on the calling (the task's) thread; returns whether there was any. */
  boolean runAll() {
    boolean any = false;
    Runnable action;
    mailArrived = false;
    while ((action = queue.poll()) != null) {
      action.run();
      any = true;
    }
    return any;
  }

  /** Drops the queued actions: the task no longer runs them. */
  void clear() {
    queue.clear();
  }
}
