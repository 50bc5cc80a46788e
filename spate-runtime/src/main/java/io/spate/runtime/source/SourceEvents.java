package io.spate.runtime.source;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.SourceEvent;
import io.spate.runtime.rpc.ClusterObjectFilter;
import io.spate.runtime.rpc.ClusterSerialization;
import java.util.List;

/** The operator events between source readers and their split enumerator. */
public final class SourceEvents {

  private SourceEvents() {}

  /** A reader has started and can take splits. */
  public record ReaderRegistered(int subtask) implements OperatorEvent {}

  /** A reader asks for a split. */
  public record SplitRequest(int subtask) implements OperatorEvent {}

  /**
   * The enumerator assigns splits to a reader. Within one process the splits travel by reference;
   * serialized (to a reader in another process) they are written by the source's split serializer
   * ({@link SplitBytes}), since only code with the source's classes may read them.
   */
  public static final class AddSplits implements OperatorEvent {
    private static final long serialVersionUID = 1L;

    private final transient List<?> splits;
    private final transient java.util.function.Supplier<? extends SimpleVersionedSerializer<?>> serializer;
    private List<byte[]> serialized;

    /**
     * Assigns {@code splits}, written by the serializer {@code serializer} gives if the event leaves
     * the process (asked for only then: a source used in one process may have none).
     */
    public <S> AddSplits(List<S> splits, java.util.function.Supplier<? extends SimpleVersionedSerializer<S>> serializer) {
      this.splits = List.copyOf(splits);
      this.serializer = serializer;
    }

    /**
     * The splits, read with the serializer {@code serializer} gives (the reader's source's) if they
     * came from another process.
     */
    @SuppressWarnings("unchecked")
    public <S> List<S> splits(java.util.function.Supplier<? extends SimpleVersionedSerializer<S>> serializer)
        throws java.io.IOException {
      if (splits != null) {
        return (List<S>) splits;
      }
      SimpleVersionedSerializer<S> reader = serializer.get();
      List<S> read = new java.util.ArrayList<>(serialized.size());
      for (byte[] bytes : serialized) {
        read.add(SplitBytes.deserialize(reader, bytes));
      }
      return read;
    }

    @SuppressWarnings("unchecked")
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
      if (serialized == null) {
        SimpleVersionedSerializer<Object> writer = (SimpleVersionedSerializer<Object>) serializer.get();
        List<byte[]> bytes = new java.util.ArrayList<>(splits.size());
        for (Object split : splits) {
          bytes.add(SplitBytes.serialize(writer, split));
        }
        serialized = bytes;
      }
      out.defaultWriteObject();
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
      in.defaultReadObject();
      if (serialized == null) {
        throw new java.io.InvalidObjectException("split assignment without splits");
      }
    }
  }

  /** The enumerator has no more splits for a reader. */
  public record NoMoreSplits() implements OperatorEvent {}

  /**
   * A reader's current watermark, for watermark alignment; {@code Long.MAX_VALUE} when the reader
   * is idle or finished, since it then holds nothing back.
   */
  public record ReportedWatermark(int subtask, long watermark) implements OperatorEvent {}

  /** The coordinator's limit for a reader in an alignment group: pause while above it. */
  public record WatermarkAlignment(long maxAllowedWatermark) implements OperatorEvent {}

  /**
   * A custom source event, in either direction. Within one process it travels by reference;
   * serialized, its bytes stay bytes until the receiver reads them with its class loader of the job,
   * since the event's class belongs to the job's code.
   */
  public static final class Custom implements OperatorEvent {
    private static final long serialVersionUID = 1L;

    private final int subtask;
    private final transient SourceEvent event;
    private byte[] serialized;

    /** Wraps {@code event} from or to subtask {@code subtask}. */
    public Custom(int subtask, SourceEvent event) {
      this.subtask = subtask;
      this.event = event;
    }

    /** The reader's subtask. */
    public int subtask() {
      return subtask;
    }

    /** The event, read with the job's class loader {@code classLoader} if it came from another process. */
    public SourceEvent read(ClassLoader classLoader) throws java.io.IOException {
      if (event != null) {
        return event;
      }
      try {
        return (SourceEvent) ClusterSerialization.deserialize(serialized, classLoader,
            ClusterObjectFilter.ofMaxBytes(serialized.length).withUserClassLoader(classLoader));
      } catch (ClassNotFoundException | ClassCastException e) {
        throw new java.io.IOException("Cannot read a source event: " + e, e);
      }
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
      if (serialized == null) {
        serialized = ClusterSerialization.serialize(event);
      }
      out.defaultWriteObject();
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
      in.defaultReadObject();
      if (serialized == null) {
        throw new java.io.InvalidObjectException("source event without its bytes");
      }
    }
  }
}
