package io.spate.runtime.state.heap;

import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import java.lang.ref.Cleaner;

/**
 * The asynchronous part of a heap snapshot: writes the state maps as they were when the snapshot
 * started, then releases its version so that the task writes in place again. A snapshot that is
 * never written (its checkpoint was declined or dropped first) is released once it is garbage;
 * until then it costs the task at most one copy of each value it changes.
 */
final class HeapAsyncSnapshot implements AsyncSnapshot<KeyedStateHandle> {

  private static final Cleaner ABANDONED = Cleaner.create(runnable -> {
    Thread thread = new Thread(runnable, "spate-heap-snapshot-release");
    thread.setDaemon(true);
    return thread;
  });

  private final AsyncSnapshot<KeyedStateHandle> writer;
  private final Cleaner.Cleanable release;

  HeapAsyncSnapshot(SnapshotVersions versions, int version, AsyncSnapshot<KeyedStateHandle> writer) {
    this.writer = writer;
    this.release = ABANDONED.register(this, () -> versions.release(version));
  }

  @Override
  public KeyedStateHandle write() throws Exception {
    try {
      return writer.write();
    } finally {
      release.clean();
    }
  }
}
