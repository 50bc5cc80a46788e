package io.spate.runtime.state.heap;

import java.util.Arrays;

/**
 * The versions of one heap backend's state maps and the snapshots that still read them. Each
 * snapshot starts a new version; objects of older versions may still be read by a running snapshot,
 * so a writer copies such an object before it changes it. Once no snapshot runs, every object is
 * the writer's again and writes go in place.
 *
 * <p>The task thread starts snapshots and reads {@link #ownedFrom}; any thread may release one.
 * {@code ownedFrom} is read without a lock: the task thread always sees its own raises, and a stale
 * value after another thread's release is higher than needed, which costs a copy, never correctness.
 */
final class SnapshotVersions {

  /** The version new and copied objects get. */
  int current;

  /**
   * Objects of a version below this one may be read by a running snapshot; 0 when none runs. It is
   * the version of the newest running snapshot, which reads everything of an older version.
   */
  int ownedFrom;

  private int[] running = new int[4];
  private int runningCount;

  /** Starts a snapshot: returns its version; it reads exactly the objects of older versions. */
  synchronized int start() {
    int version = ++current;
    if (runningCount == running.length) {
      running = Arrays.copyOf(running, runningCount * 2);
    }
    running[runningCount++] = version;
    ownedFrom = version;
    return version;
  }

  /** Ends the snapshot of {@code version} (written, failed or abandoned); a second call does nothing. */
  synchronized void release(int version) {
    int highest = 0;
    int kept = 0;
    for (int i = 0; i < runningCount; i++) {
      if (running[i] != version) {
        running[kept++] = running[i];
        highest = Math.max(highest, running[i]);
      }
    }
    runningCount = kept;
    ownedFrom = highest;
  }

  /** The number of snapshots that have started and not been released, for tests. */
  synchronized int running() {
    return runningCount;
  }
}
