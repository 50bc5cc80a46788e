package io.spate.runtime.source;

import java.util.concurrent.locks.LockSupport;

/**
 * Takes a source function's checkpoint lock for its task without blocking the task's worker. The
 * lock is a plain monitor (functions {@code synchronize} on it), and Java cannot try to enter a
 * monitor, so a thread of its own enters it, for as long as the function keeps it, then tells the
 * task and holds the lock until the task has taken its checkpoint. The task asks with {@link
 * #tryAcquire} on each step until it answers true, and ends with {@link #release}.
 *
 * <p>The state moves FREE to WANTED (task), WANTED to HELD (this thread, inside the monitor), HELD to
 * FREE (task); each transition has one writer, so a volatile field suffices. The thread starts with
 * the first checkpoint, so jobs that never checkpoint never start it.
 */
final class CheckpointLockTaker {

  private static final int FREE = 0;
  private static final int WANTED = 1;
  private static final int HELD = 2;

  private final Object checkpointLock;
  private final String threadName;
  private final Runnable onHeld;
  private volatile int state = FREE;
  private volatile boolean closed;
  private Thread thread;

  /**
   * Takes {@code checkpointLock} on a thread named {@code threadName}, running {@code onHeld} (which
   * wakes the task) each time it holds it.
   */
  CheckpointLockTaker(Object checkpointLock, String threadName, Runnable onHeld) {
    this.checkpointLock = checkpointLock;
    this.threadName = threadName;
    this.onHeld = onHeld;
  }

  /** Task: whether the lock is held for the task now; if not, asks for it. Never blocks. */
  boolean tryAcquire() {
    if (state == HELD) {
      return true;
    }
    if (state == FREE && !closed) {
      state = WANTED;
      if (thread == null) {
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
      } else {
        LockSupport.unpark(thread);
      }
    }
    return false;
  }

  /** Task: the checkpoint is taken; the function may have the lock again. */
  void release() {
    if (state == HELD) {
      state = FREE;
      LockSupport.unpark(thread);
    }
  }

  /** Task: no more checkpoints; the thread ends once it is not waiting to enter the monitor. */
  void close() {
    closed = true;
    state = FREE;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  private void run() {
    // Ends when closed; each round takes the lock once for one checkpoint.
    while (!closed) {
      if (state != WANTED) {
        LockSupport.park(this);
        continue;
      }
      synchronized (checkpointLock) {
        if (closed) {
          return;
        }
        state = HELD;
        onHeld.run();
        while (state == HELD && !closed) {
          LockSupport.park(this);
        }
      }
    }
  }
}
