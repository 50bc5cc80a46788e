package io.spate.runtime.state.snapshot;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An incremental snapshot of a RocksDB instance: its immutable SST files, shared with the other
 * checkpoints that contain them and kept alive by the coordinator's shared state registry, its small
 * private files (MANIFEST, CURRENT, OPTIONS), and the state meta information and timers in the
 * canonical format ({@code metaState}, a header of serializer snapshots plus the timers per key group).
 *
 * @param backendId identifies the backend instance whose database the files are
 * @param checkpointId the checkpoint the snapshot was taken for
 * @param keyGroupRange the key groups of the database
 * @param sharedFiles SST file name to its bytes, in the shared scope
 * @param uploadedSharedFiles the names of the shared files this checkpoint uploaded (the others were
 *     uploaded by earlier checkpoints and are only referenced)
 * @param privateFiles the other database files by name, owned by this checkpoint alone
 * @param metaState the state meta information and the timers
 */
public record IncrementalKeyedStateHandle(
    UUID backendId,
    long checkpointId,
    KeyGroupRange keyGroupRange,
    Map<String, StreamStateHandle> sharedFiles,
    Set<String> uploadedSharedFiles,
    Map<String, StreamStateHandle> privateFiles,
    KeyGroupsStateHandle metaState) implements KeyedStateHandle {

  /** Copies the collections and checks that every uploaded file is one of the shared files. */
  public IncrementalKeyedStateHandle {
    Objects.requireNonNull(backendId, "backendId");
    Objects.requireNonNull(metaState, "metaState");
    sharedFiles = Collections.unmodifiableMap(new LinkedHashMap<>(sharedFiles));
    uploadedSharedFiles = Collections.unmodifiableSet(new TreeSet<>(uploadedSharedFiles));
    privateFiles = Collections.unmodifiableMap(new LinkedHashMap<>(privateFiles));
    if (!sharedFiles.keySet().containsAll(uploadedSharedFiles)) {
      throw new IllegalArgumentException("Uploaded files " + uploadedSharedFiles + " are not all among the shared files "
          + sharedFiles.keySet());
    }
  }

  @Override
  public KeyGroupRange getKeyGroupRange() {
    return keyGroupRange;
  }

  /** The size of the whole database snapshot: every file it needs, shared or not. */
  @Override
  public long getStateSize() {
    long size = metaState.getStateSize();
    for (StreamStateHandle h : sharedFiles.values()) {
      size += h.getStateSize();
    }
    for (StreamStateHandle h : privateFiles.values()) {
      size += h.getStateSize();
    }
    return size;
  }

  /** The bytes this checkpoint wrote: the new shared files, the private files and the meta state. */
  @Override
  public long getCheckpointedSize() {
    long size = metaState.getStateSize();
    for (String name : uploadedSharedFiles) {
      size += sharedFiles.get(name).getStateSize();
    }
    for (StreamStateHandle h : privateFiles.values()) {
      size += h.getStateSize();
    }
    return size;
  }

  /**
   * Deletes what this checkpoint wrote (the private files, the meta state and the shared files it
   * uploaded), never the shared files it only references: those belong to earlier checkpoints.
   */
  @Override
  public void discardState() throws IOException {
    IOException first = null;
    for (StreamStateHandle h : writtenFiles()) {
      first = discard(h, first);
    }
    if (first != null) {
      throw first;
    }
  }

  /** What this checkpoint wrote, which {@link #discardState} deletes: private files, uploaded shared files, meta state. */
  public List<StreamStateHandle> writtenFiles() {
    List<StreamStateHandle> written = new ArrayList<>(privateFiles.values());
    for (String name : uploadedSharedFiles) {
      written.add(sharedFiles.get(name));
    }
    written.add(metaState.delegate());
    return written;
  }

  private static IOException discard(StreamStateHandle handle, IOException first) {
    try {
      handle.discardState();
      return first;
    } catch (IOException e) {
      if (first != null) {
        first.addSuppressed(e);
        return first;
      }
      return e;
    }
  }

  @Override
  public String toString() {
    return "IncrementalKeyedStateHandle(backend " + backendId + ", checkpoint " + checkpointId + ", " + keyGroupRange
        + ", " + sharedFiles.size() + " shared files (" + uploadedSharedFiles.size() + " new), " + privateFiles.size()
        + " private files)";
  }
}
