package io.spate.runtime.checkpoint;

import java.io.IOException;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Where a job's JobMaster records which checkpoints completed, for a JobManager that takes over after
 * it. A checkpoint counts as complete (its subtasks are told, so sinks commit) only once it is
 * recorded here, and a subsumed checkpoint's files are deleted only once its record is gone. Without
 * high availability nothing is recorded: the checkpoint storage is the only record. Called on the
 * JobMaster's I/O thread.
 */
public interface CompletedCheckpointStore {

  /** Records nothing. */
  CompletedCheckpointStore NONE = new CompletedCheckpointStore() {
    @Override
    public void add(long checkpointId, String pointer) {}

    @Override
    public boolean remove(long checkpointId) {
      return true;
    }
  };

  /**
   * Records that checkpoint {@code checkpointId} completed at {@code pointer} (its directory).
   *
   * @throws IOException if it cannot be recorded, for example because this JobManager no longer
   *     leads; the checkpoint then fails
   */
  void add(long checkpointId, String pointer) throws IOException;

  /**
   * Forgets subsumed checkpoint {@code checkpointId}.
   *
   * @return whether its record is gone (or never was), so that its files may be deleted; false keeps
   *     the files, since a later JobManager may still resume from them
   */
  boolean remove(long checkpointId);

  /**
   * The checkpoints recorded so far, by this JobManager or one that ran the job before it: checkpoint
   * id to directory, oldest first. Nothing unless the store keeps records.
   *
   * @throws IOException if the records cannot be read
   */
  default NavigableMap<Long, String> recorded() throws IOException {
    return new TreeMap<>();
  }
}
