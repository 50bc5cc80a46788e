package io.spate.state.rocksdb;

import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.runtime.FileNames;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.CheckpointStateOutputStream;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotWriter;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Takes incremental snapshots of one RocksDB instance: synchronously flushes the memtables and
 * hard-links the live files into a native RocksDB checkpoint directory; asynchronously uploads the
 * SST files that no confirmed checkpoint uploaded before into the shared scope, references the ones
 * that the last confirmed checkpoint holds, uploads the small private files (MANIFEST, CURRENT,
 * OPTIONS) every time, and writes the state meta information and the timers in the canonical format.
 *
 * <p>Only SST files of the latest checkpoint this backend was told completed are referenced: those
 * are registered with the coordinator's shared state registry, so they stay until no retained
 * checkpoint needs them. After a restore nothing is referenced: the first checkpoint uploads every
 * file, so that a new job never depends on (or deletes) files of the checkpoint it started from.
 */
final class RocksDBIncrementalSnapshotStrategy {

  private static final String SST = ".sst";

  private final UUID backendId = UUID.randomUUID();
  private final Path workingDirectory;
  private final KeyGroupRange keyGroupRange;
  private final String owner;
  /** The SST files each snapshot whose checkpoint is not yet confirmed or aborted holds, by checkpoint. */
  private final Map<Long, Map<String, StreamStateHandle>> pendingSstFiles = new ConcurrentHashMap<>();
  /** The SST files of the latest confirmed checkpoint: what new snapshots may reference. */
  private volatile Map<String, StreamStateHandle> confirmedSstFiles = Map.of();
  private long confirmedCheckpointId = -1;

  RocksDBIncrementalSnapshotStrategy(Path workingDirectory, KeyGroupRange keyGroupRange, String owner) {
    this.workingDirectory = workingDirectory;
    this.keyGroupRange = keyGroupRange;
    this.owner = owner;
  }

  /**
   * The synchronous part: flushes {@code columns} and creates the native checkpoint; the returned
   * part uploads it. {@code metas} describe the states (their rows are in the files), {@code timers}
   * are the already captured timer snapshots.
   */
  AsyncSnapshot<KeyedStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streams, RocksDB db,
      List<ColumnFamilyHandle> columns, List<KeyedStateMetaInfo> metas,
      List<KeyedSnapshotWriter.StateSource> timers, TypeSerializerSnapshot<?> keySerializer) throws IOException {
    if (metas.isEmpty() && timers.isEmpty()) {
      return AsyncSnapshot.empty(); // no state was registered or restored: nothing to snapshot
    }
    Path local = workingDirectory.resolveSibling(workingDirectory.getFileName() + "-chk-" + checkpointId);
    RocksDBKeyedStateBackend.deleteDirectory(local);
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true); Checkpoint checkpoint = Checkpoint.create(db)) {
      if (!columns.isEmpty()) {
        db.flush(flush, columns); // the write-ahead log is off: unflushed writes would be missing
      }
      checkpoint.createCheckpoint(local.toString());
    } catch (RocksDBException e) {
      RocksDBKeyedStateBackend.deleteDirectory(local);
      throw new IOException("Could not create the RocksDB checkpoint of " + owner + " for checkpoint " + checkpointId
          + " in " + local + ": " + e.getMessage(), e);
    }
    Map<String, StreamStateHandle> base = confirmedSstFiles;
    List<KeyedSnapshotWriter.StateSource> metaSources = new ArrayList<>();
    for (KeyedStateMetaInfo meta : metas) {
      metaSources.add(new RowsInFiles(meta));
    }
    metaSources.addAll(timers);
    String name = "keyed-" + FileNames.safe(owner) + "-" + checkpointId;
    return () -> {
      try {
        return upload(checkpointId, streams, local, base, name, metaSources, keySerializer);
      } finally {
        RocksDBKeyedStateBackend.deleteDirectory(local);
      }
    };
  }

  private IncrementalKeyedStateHandle upload(long checkpointId, CheckpointStreamFactory streams, Path local,
      Map<String, StreamStateHandle> base, String name, List<KeyedSnapshotWriter.StateSource> metaSources,
      TypeSerializerSnapshot<?> keySerializer) throws IOException {
    Map<String, StreamStateHandle> shared = new LinkedHashMap<>();
    Set<String> uploaded = new HashSet<>();
    Map<String, StreamStateHandle> privates = new LinkedHashMap<>();
    List<StreamStateHandle> written = new ArrayList<>();
    boolean done = false;
    try {
      List<Path> files;
      try (Stream<Path> list = Files.list(local)) {
        files = list.sorted().toList();
      }
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        if (fileName.endsWith(SST)) {
          StreamStateHandle previous = base.get(fileName);
          if (previous != null) {
            shared.put(fileName, previous);
            continue;
          }
          StreamStateHandle handle = copy(file, streams.createSharedStateOutputStream(fileName));
          written.add(handle);
          shared.put(fileName, handle);
          uploaded.add(fileName);
        } else {
          StreamStateHandle handle = copy(file, streams.createCheckpointStateOutputStream(name + "-" + fileName));
          written.add(handle);
          privates.put(fileName, handle);
        }
      }
      KeyGroupsStateHandle meta = KeyedSnapshotWriter.write(streams, name + "-meta", keyGroupRange, keySerializer,
          metaSources);
      written.add(meta.delegate());
      IncrementalKeyedStateHandle handle = new IncrementalKeyedStateHandle(backendId, checkpointId, keyGroupRange,
          shared, uploaded, privates, meta);
      Map<String, StreamStateHandle> sst = new LinkedHashMap<>(shared);
      pendingSstFiles.put(checkpointId, sst);
      done = true;
      return handle;
    } finally {
      if (!done) {
        for (StreamStateHandle handle : written) {
          try {
            handle.discardState();
          } catch (IOException ignored) {
            // the checkpoint failed anyway; a leftover file in shared/ wastes space, nothing more
          }
        }
      }
    }
  }

  private static StreamStateHandle copy(Path file, CheckpointStateOutputStream out) throws IOException {
    boolean done = false;
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(out);
      StreamStateHandle handle = out.closeAndGetHandle();
      done = true;
      return handle != null ? handle : new ByteStreamStateHandle(file.getFileName().toString(), new byte[0]);
    } finally {
      if (!done) {
        out.close();
      }
    }
  }

  /** Checkpoint {@code checkpointId} completed: later snapshots reference its SST files. */
  void notifyCheckpointComplete(long checkpointId) {
    Map<String, StreamStateHandle> files = pendingSstFiles.remove(checkpointId);
    if (files != null && checkpointId > confirmedCheckpointId) {
      confirmedSstFiles = Map.copyOf(files);
      confirmedCheckpointId = checkpointId;
    }
    // Older snapshots can no longer complete: a newer checkpoint subsumed them.
    pendingSstFiles.keySet().removeIf(id -> id < checkpointId);
  }

  /** Checkpoint {@code checkpointId} was aborted: its files are deleted and must not be referenced. */
  void notifyCheckpointAborted(long checkpointId) {
    pendingSstFiles.remove(checkpointId);
  }

  /** A state whose rows are in the database files: in the meta snapshot only its header is written. */
  private record RowsInFiles(KeyedStateMetaInfo metaInfo) implements KeyedSnapshotWriter.StateSource {
    @Override
    public void writeKeyGroup(int keyGroup, KeyedSnapshotWriter.EntrySink sink) {}
  }
}
