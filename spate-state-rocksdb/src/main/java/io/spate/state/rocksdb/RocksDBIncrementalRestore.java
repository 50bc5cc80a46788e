package io.spate.state.rocksdb;

import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import io.spate.runtime.state.snapshot.UnreadableStateException;
import io.spate.runtime.state.snapshot.keyed.KeyedSnapshotReader;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.SstFileReader;
import org.rocksdb.StringAppendOperator;

/**
 * Restores a RocksDB backend from incremental snapshots ({@link IncrementalKeyedStateHandle}), mixed
 * with canonical ones if need be.
 *
 * <p>When the only handle covers exactly the restoring instance's key groups, its files are
 * downloaded into the instance's working directory before the database opens, and the database is
 * opened on them as it is (the fast path). Otherwise (a rescale) each overlapping handle's files are
 * downloaded into a temporary directory, opened there read-only, and the rows of this instance's key
 * groups are copied over; rows start with their key group, so each key group range is one seek.
 */
final class RocksDBIncrementalRestore {

  private RocksDBIncrementalRestore() {}

  /** Whether {@code handles} restore by opening the downloaded database directly. */
  static boolean opensDirectly(List<KeyedStateHandle> handles, KeyGroupRange range) {
    return handles.size() == 1 && handles.get(0) instanceof IncrementalKeyedStateHandle h
        && h.keyGroupRange().equals(range);
  }

  /** Whether {@code directory} holds a database downloaded by {@link #download}. */
  static boolean holdsDatabase(Path directory) {
    return Files.exists(directory.resolve("CURRENT"));
  }

  /**
   * Opens the database downloaded into {@code directory} as the kind (plain or TtlDB) its files were
   * written as: the default column family's handle goes into {@code handles}, those of states into
   * {@code stateColumns} by state name; the column families of timers are dropped, as the snapshot's
   * meta part holds all its timers (see {@link RocksDBKeyedStateBackend}); other handles (the TtlDB
   * marker) are closed, as nothing uses them.
   */
  static RocksDB openDownloaded(DBOptions dbOptions, Path directory, ColumnFamilyOptions columnOptions,
      List<ColumnFamilyHandle> handles, Map<String, ColumnFamilyHandle> stateColumns) throws RocksDBException {
    List<byte[]> names = new ArrayList<>();
    List<ColumnFamilyHandle> opened = new ArrayList<>();
    RocksDB db = RocksDBOpener.openExisting(dbOptions, directory, columnOptions, names, opened);
    for (int i = 0; i < names.size(); i++) {
      String state = RocksDBOpener.stateNameOf(names.get(i));
      if (Arrays.equals(names.get(i), RocksDB.DEFAULT_COLUMN_FAMILY)) {
        handles.add(0, opened.get(i));
      } else if (state != null) {
        stateColumns.put(state, opened.get(i));
      } else if (RocksDBOpener.isTimerColumn(names.get(i))) {
        try {
          db.dropColumnFamily(opened.get(i));
        } finally {
          opened.get(i).close();
        }
      } else {
        opened.get(i).close();
      }
    }
    return db;
  }

  /**
   * Downloads every file of {@code handle} into {@code directory} (created here), checking lengths
   * and SST checksums, so that a database opens on it.
   *
   * @throws IOException naming the file that is missing, truncated or corrupt
   */
  static void download(IncrementalKeyedStateHandle handle, Path directory) throws IOException {
    Files.createDirectories(directory);
    for (Map.Entry<String, StreamStateHandle> file : handle.sharedFiles().entrySet()) {
      fetch(handle, "shared", file.getKey(), file.getValue(), directory);
    }
    for (Map.Entry<String, StreamStateHandle> file : handle.privateFiles().entrySet()) {
      fetch(handle, "private", file.getKey(), file.getValue(), directory);
    }
  }

  private static void fetch(IncrementalKeyedStateHandle handle, String scope, String name, StreamStateHandle remote,
      Path directory) throws IOException {
    if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IOException("The " + scope + " state file name '" + name + "' in " + handle + " is not a plain name");
    }
    String what = "The " + scope + " state file " + describe(remote) + " (" + name + " of checkpoint "
        + handle.checkpointId() + ")";
    Path local = directory.resolve(name);
    long copied;
    try (InputStream in = remote.openInputStream(); OutputStream out = Files.newOutputStream(local)) {
      copied = in.transferTo(out);
    } catch (UnreadableStateException e) {
      throw new UnreadableStateException(what + " cannot be read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IOException(what + " cannot be read: " + e.getMessage(), e);
    }
    if (copied != remote.getStateSize()) {
      throw new UnreadableStateException(what + " has " + copied + " bytes where the checkpoint recorded "
          + remote.getStateSize() + ": it is truncated or was changed");
    }
    if (name.endsWith(".sst")) {
      try (Options options = new Options(); SstFileReader reader = new SstFileReader(options)) {
        reader.open(local.toString());
        reader.verifyChecksum();
      } catch (RocksDBException e) {
        throw new UnreadableStateException(what + " is corrupt: " + e.getMessage(), e);
      }
    }
  }

  private static String describe(StreamStateHandle handle) {
    return handle instanceof FileStateHandle file ? file.path().toString() : handle.toString();
  }

  /**
   * Restores {@code handles} into {@code target}: canonical ones through {@link KeyedSnapshotReader},
   * incremental ones by their meta information (and timers) and, unless the database was opened on
   * their files ({@code openedOnFiles}), by copying the rows of {@code range} out of a temporary database next to {@code
   * workingDirectory}.
   */
  static void restore(List<KeyedStateHandle> handles, KeyGroupRange range, Path workingDirectory,
      boolean openedOnFiles, ClassLoader userClassLoader, KeyedSnapshotReader.RestoreTarget target) throws IOException {
    boolean direct = opensDirectly(handles, range) && openedOnFiles;
    List<KeyedStateHandle> canonical = new ArrayList<>();
    for (KeyedStateHandle handle : handles) {
      if (!(handle instanceof IncrementalKeyedStateHandle incremental)) {
        canonical.add(handle);
      } else if (direct) {
        KeyedSnapshotReader.restore(List.of(incremental.metaState()), range, userClassLoader, target);
      } else if (overlaps(incremental.keyGroupRange(), range)) {
        copyRows(incremental, range, workingDirectory, userClassLoader, target);
      }
    }
    KeyedSnapshotReader.restore(canonical, range, userClassLoader, target);
  }

  private static boolean overlaps(KeyGroupRange a, KeyGroupRange b) {
    return a.startKeyGroup() <= b.endKeyGroup() && b.startKeyGroup() <= a.endKeyGroup();
  }

  private static void copyRows(IncrementalKeyedStateHandle handle, KeyGroupRange range, Path workingDirectory,
      ClassLoader userClassLoader, KeyedSnapshotReader.RestoreTarget target) throws IOException {
    Map<String, KeyedSnapshotReader.EntryConsumer> consumers = new LinkedHashMap<>();
    KeyedSnapshotReader.restore(List.of(handle.metaState()), range, userClassLoader,
        new KeyedSnapshotReader.RestoreTarget() {
          @Override
          public void restoreKeySerializer(TypeSerializerSnapshot<?> snapshot) throws IOException {
            target.restoreKeySerializer(snapshot);
          }

          @Override
          public KeyedSnapshotReader.EntryConsumer restoreState(KeyedStateMetaInfo metaInfo) throws IOException {
            KeyedSnapshotReader.EntryConsumer consumer = target.restoreState(metaInfo);
            if (!metaInfo.kind().isTimers()) {
              consumers.put(metaInfo.name(), consumer);
            }
            return consumer;
          }
        });
    Path temporary = workingDirectory.resolveSibling(workingDirectory.getFileName() + "-restore-" + UUID.randomUUID());
    try {
      download(handle, temporary);
      copyRows(handle, temporary, range, consumers);
    } finally {
      RocksDBKeyedStateBackend.deleteDirectory(temporary);
    }
  }

  private static void copyRows(IncrementalKeyedStateHandle handle, Path directory, KeyGroupRange range,
      Map<String, KeyedSnapshotReader.EntryConsumer> consumers) throws IOException {
    int start = Math.max(range.startKeyGroup(), handle.keyGroupRange().startKeyGroup());
    int end = Math.min(range.endKeyGroup(), handle.keyGroupRange().endKeyGroup());
    // The same merge operator as the backend's, so that list rows with unmerged operands read whole.
    try (StringAppendOperator merge = new StringAppendOperator("");
        ColumnFamilyOptions columnOptions = new ColumnFamilyOptions().setMergeOperator(merge);
        DBOptions dbOptions = new DBOptions()) {
      List<byte[]> names = new ArrayList<>();
      List<ColumnFamilyHandle> columns = new ArrayList<>();
      // Opened as the kind it was written as: a TtlDB's values read as a plain RocksDB's would carry its write time.
      try (RocksDB db = RocksDBOpener.openExisting(dbOptions, directory, columnOptions, names, columns, true);
          ReadOptions read = new ReadOptions()) {
        try {
          Map<String, ColumnFamilyHandle> byState = new LinkedHashMap<>();
          for (int i = 0; i < names.size(); i++) {
            String state = RocksDBOpener.stateNameOf(names.get(i));
            if (state != null) {
              byState.put(state, columns.get(i));
            }
          }
          for (Map.Entry<String, KeyedSnapshotReader.EntryConsumer> state : consumers.entrySet()) {
            ColumnFamilyHandle column = byState.get(state.getKey());
            if (column != null) {
              copyKeyGroups(db, column, read, start, end, state.getValue());
            }
          }
        } finally {
          columns.forEach(ColumnFamilyHandle::close);
        }
      }
    } catch (RocksDBException e) {
      throw new IOException("Cannot read the RocksDB files of " + handle + ": " + e.getMessage(), e);
    }
  }

  private static void copyKeyGroups(RocksDB db, ColumnFamilyHandle column, ReadOptions read, int start, int end,
      KeyedSnapshotReader.EntryConsumer consumer) throws IOException {
    try (RocksIterator it = db.newIterator(column, read)) {
      for (it.seek(new byte[] {(byte) (start >>> 8), (byte) start}); it.isValid(); it.next()) {
        byte[] row = it.key();
        int keyGroup = ((row[0] & 0xff) << 8) | (row[1] & 0xff);
        if (keyGroup > end) {
          break;
        }
        consumer.entry(keyGroup, Arrays.copyOfRange(row, 2, row.length), it.value());
      }
      try {
        it.status();
      } catch (RocksDBException e) {
        throw new IOException("reading the rows of column family " + new String(column.getName(),
            StandardCharsets.UTF_8) + " failed: " + e.getMessage(), e);
      }
    } catch (RocksDBException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
