package io.spate.runtime.operators;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.state.ListState;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The committables a sink writer prepared, by the checkpoint they belong to, until a completed
 * checkpoint commits them; kept in split-distributed operator list state, one element per
 * committable, so that a rescale hands each to exactly one new instance.
 */
final class PendingCommittables<CommT> implements AutoCloseable {

  /** The layout of one state element: format, checkpoint id, committable serializer version, bytes. */
  private static final int FORMAT_VERSION = 1;

  private final SupportsCommitter<CommT> sink;
  private final SimpleVersionedSerializer<CommT> serializer;
  private final ListState<byte[]> state;
  private final String owner;
  private final NavigableMap<Long, List<CommT>> byCheckpoint = new TreeMap<>();
  private Committer<CommT> committer;

  PendingCommittables(SupportsCommitter<CommT> sink, ListState<byte[]> state, String owner) {
    this.sink = sink;
    this.serializer = sink.getCommittableSerializer();
    this.state = state;
    this.owner = owner;
  }

  /** Reads the committables the state was restored with. */
  void restore() throws Exception {
    int index = 0;
    for (byte[] element : state.get()) {
      decode(element, index++);
    }
  }

  private void decode(byte[] element, int index) throws IOException {
    String where = "pending committable #" + index + " of " + owner;
    DataInputDeserializer in = new DataInputDeserializer(element);
    long checkpointId;
    int version;
    byte[] bytes;
    try {
      int format = in.readUnsignedByte();
      if (format != FORMAT_VERSION) {
        throw new IOException("Cannot read the " + where + ": its format version is " + format
            + ", this code reads version " + FORMAT_VERSION);
      }
      checkpointId = in.readLong();
      version = in.readInt();
      int length = in.readInt();
      if (length != in.available()) {
        throw new IOException("Corrupt " + where + ": it declares " + length + " bytes of committable but holds "
            + in.available());
      }
      bytes = new byte[length];
      in.readFully(bytes);
    } catch (EOFException e) {
      throw new IOException("Corrupt " + where + ": truncated after " + (element.length - in.available())
          + " of " + element.length + " bytes", e);
    }
    CommT committable;
    try {
      committable = serializer.deserialize(version, bytes);
    } catch (IOException | RuntimeException e) {
      throw new IOException("Cannot read the " + where + " (checkpoint " + checkpointId + "): " + e.getMessage(), e);
    }
    add(checkpointId, List.of(committable));
  }

  /** Keeps {@code committables}, prepared for checkpoint {@code checkpointId}. */
  void add(long checkpointId, Collection<CommT> committables) {
    if (!committables.isEmpty()) {
      byCheckpoint.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(committables);
    }
  }

  /**
   * Files the committables kept for checkpoint {@code from} under checkpoint {@code to} instead, where
   * they are committed with that checkpoint's own.
   */
  void moveTo(long from, long to) {
    List<CommT> moved = byCheckpoint.remove(from);
    if (moved != null) {
      add(to, moved);
    }
  }

  /** Writes every committable not yet committed into the state. */
  void snapshot() throws Exception {
    List<byte[]> elements = new ArrayList<>();
    DataOutputSerializer out = new DataOutputSerializer(256);
    for (Map.Entry<Long, List<CommT>> entry : byCheckpoint.entrySet()) {
      for (CommT committable : entry.getValue()) {
        byte[] bytes = serializer.serialize(committable);
        out.clear();
        out.writeByte(FORMAT_VERSION);
        out.writeLong(entry.getKey());
        out.writeInt(serializer.getVersion());
        out.writeInt(bytes.length);
        out.write(bytes);
        elements.add(out.getCopyOfBuffer());
      }
    }
    state.update(elements);
  }

  /** Commits, then forgets, the committables of every checkpoint up to {@code checkpointId}. */
  void commitUpTo(long checkpointId) throws IOException, InterruptedException {
    NavigableMap<Long, List<CommT>> due = byCheckpoint.headMap(checkpointId, true);
    if (due.isEmpty()) {
      return;
    }
    List<CommT> committables = new ArrayList<>();
    due.values().forEach(committables::addAll);
    committer().commit(committables);
    due.clear();
  }

  /** Commits, then forgets, every committable. */
  void commitAll() throws IOException, InterruptedException {
    commitUpTo(Long.MAX_VALUE);
  }

  private Committer<CommT> committer() throws IOException {
    if (committer == null) {
      committer = sink.createCommitter();
    }
    return committer;
  }

  @Override
  public void close() throws Exception {
    if (committer != null) {
      Committer<CommT> c = committer;
      committer = null;
      c.close();
    }
  }
}
