package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts which retained checkpoints reference each shared state file (the SST files of incremental
 * RocksDB snapshots), so that a file is deleted only once no retained checkpoint references it.
 *
 * <p>A checkpoint registers its shared files when it completes and is unregistered when it is
 * subsumed or discarded; {@link #unregister} returns the files that became unreferenced, for the
 * caller to delete. Files of checkpoints the job did not create (a job started from a retained
 * checkpoint or savepoint of another run) are never registered, so they are never deleted. Files
 * kept inline in the metadata have nothing to delete and are not tracked. Not thread-safe: the
 * coordinator calls it from the JobMaster's thread.
 */
public final class SharedStateRegistry {

  /** One shared file and the checkpoints that reference it. */
  private record Entry(StreamStateHandle handle, Set<Long> checkpoints) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<Long, Set<String>> filesByCheckpoint = new HashMap<>();

  /** A registry that holds the shared files of {@code retained} (on a restart of the coordinator). */
  public static SharedStateRegistry rebuild(Collection<CompletedCheckpoint> retained) {
    SharedStateRegistry registry = new SharedStateRegistry();
    for (CompletedCheckpoint checkpoint : retained) {
      registry.register(checkpoint.checkpointId(), checkpoint.metadata(), false);
    }
    return registry;
  }

  /**
   * Registers the shared files that the incremental snapshots in {@code metadata} reference.
   *
   * @param verifyReused whether a file a snapshot only references (uploaded by an earlier checkpoint)
   *     must still be registered; false when rebuilding from checkpoints that are known to be complete
   * @throws CheckpointException if {@code verifyReused} and a referenced file is no longer held by any
   *     retained checkpoint (it was deleted meanwhile); nothing is registered then
   */
  public void register(long checkpointId, CheckpointMetadata metadata, boolean verifyReused) {
    Map<String, StreamStateHandle> files = new LinkedHashMap<>();
    for (OperatorState operator : metadata.operators().values()) {
      for (OperatorSubtaskState subtask : operator.subtaskStates().values()) {
        for (KeyedStateHandle handle : subtask.keyedState()) {
          if (handle instanceof IncrementalKeyedStateHandle incremental) {
            collect(checkpointId, incremental, verifyReused, files);
          }
        }
      }
    }
    if (files.isEmpty()) {
      return;
    }
    Set<String> keys = filesByCheckpoint.computeIfAbsent(checkpointId, id -> new LinkedHashSet<>());
    for (Map.Entry<String, StreamStateHandle> file : files.entrySet()) {
      entries.computeIfAbsent(file.getKey(), k -> new Entry(file.getValue(), new HashSet<>())).checkpoints()
          .add(checkpointId);
      keys.add(file.getKey());
    }
  }

  private void collect(long checkpointId, IncrementalKeyedStateHandle handle, boolean verifyReused,
      Map<String, StreamStateHandle> files) {
    for (Map.Entry<String, StreamStateHandle> file : handle.sharedFiles().entrySet()) {
      String key = keyOf(file.getValue());
      if (key == null) {
        continue;
      }
      boolean reused = !handle.uploadedSharedFiles().contains(file.getKey());
      if (verifyReused && reused && !entries.containsKey(key)) {
        throw new CheckpointException("checkpoint " + checkpointId + " references the shared state file " + key
            + " (" + file.getKey() + " of checkpoint " + handle.checkpointId() + "'s RocksDB instance "
            + handle.backendId() + "), which no retained checkpoint holds any more: it was deleted when the"
            + " checkpoint that uploaded it was subsumed; the next checkpoint uploads the file again");
      }
      files.put(key, file.getValue());
    }
  }

  /**
   * Releases the references of checkpoint {@code checkpointId} (subsumed or discarded); returns the
   * shared files that no registered checkpoint references any more, which the caller deletes.
   */
  public List<StreamStateHandle> unregister(long checkpointId) {
    Set<String> keys = filesByCheckpoint.remove(checkpointId);
    if (keys == null) {
      return List.of();
    }
    List<StreamStateHandle> unreferenced = new ArrayList<>();
    for (String key : keys) {
      Entry entry = entries.get(key);
      entry.checkpoints().remove(checkpointId);
      if (entry.checkpoints().isEmpty()) {
        entries.remove(key);
        unreferenced.add(entry.handle());
      }
    }
    return unreferenced;
  }

  /** Whether checkpoint {@code checkpointId} holds references here. */
  public boolean isRegistered(long checkpointId) {
    return filesByCheckpoint.containsKey(checkpointId);
  }

  /** The shared files that some registered checkpoint references, by key. */
  public Set<String> registeredFiles() {
    return Set.copyOf(entries.keySet());
  }

  /** The number of registered checkpoints that reference the shared file {@code key}. */
  public int referenceCount(String key) {
    Entry entry = entries.get(key);
    return entry == null ? 0 : entry.checkpoints().size();
  }

  /** The key a shared file is counted under: its absolute path; null for bytes kept inline. */
  public static String keyOf(StreamStateHandle handle) {
    return handle instanceof FileStateHandle file ? file.path().toAbsolutePath().normalize().toString() : null;
  }
}
