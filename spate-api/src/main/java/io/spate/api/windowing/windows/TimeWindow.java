package io.spate.api.windowing.windows;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.SingletonSerializerSnapshot;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import java.util.ArrayList;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A window of time from {@code start} (inclusive) to {@code end} (exclusive), in milliseconds. */
@PublicEvolving
public final class TimeWindow extends Window {

  private static final long serialVersionUID = 1L;

  private final long start;
  private final long end;

  /** The window {@code [start, end)}. */
  public TimeWindow(long start, long end) {
    this.start = start;
    this.end = end;
  }

  /** The first timestamp of the window. */
  public long getStart() {
    return start;
  }

  /** The first timestamp after the window. */
  public long getEnd() {
    return end;
  }

  @Override
  public long maxTimestamp() {
    return end - 1;
  }

  /** Whether this window and {@code other} overlap or touch (so that sessions merge across them). */
  public boolean intersects(TimeWindow other) {
    return start <= other.end && end >= other.start;
  }

  /** The smallest window that covers this one and {@code other}. */
  public TimeWindow cover(TimeWindow other) {
    return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
  }

  /**
   * The start of the window of length {@code windowSize}, aligned to {@code offset}, that contains
   * {@code timestamp}; correct for negative timestamps too.
   */
  public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
    long remainder = (timestamp - offset) % windowSize;
    // Java's % keeps the dividend's sign: a negative remainder means the start is one size lower.
    return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
  }

  /**
   * Merges overlapping (or touching) windows of {@code windows}: calls {@code callback} once per
   * group of two or more windows that become one.
   */
  public static void mergeWindows(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
    List<TimeWindow> sorted = new ArrayList<>(windows);
    sorted.sort((a, b) -> Long.compare(a.start, b.start));
    TimeWindow current = null;
    TimeWindow first = null;
    // The group's set is made only when a second window joins: most windows merge with nothing.
    Set<TimeWindow> currentGroup = null;
    for (TimeWindow candidate : sorted) {
      if (current != null && current.intersects(candidate)) {
        current = current.cover(candidate);
        if (currentGroup == null) {
          currentGroup = new LinkedHashSet<>();
          currentGroup.add(first);
        }
        currentGroup.add(candidate);
      } else {
        if (currentGroup != null) {
          callback.merge(currentGroup, current);
        }
        current = candidate;
        first = candidate;
        currentGroup = null;
      }
    }
    if (currentGroup != null) {
      callback.merge(currentGroup, current);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeWindow w && w.start == start && w.end == end;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(start) * 31 + Long.hashCode(end);
  }

  @Override
  public String toString() {
    return "TimeWindow{start=" + start + ", end=" + end + "}";
  }

  // ---------------------------------------------------------------- Flink's serializer of time windows

  /**
   * Serializes time windows as their start and end, eight bytes each; what the time window
   * assigners' {@code getWindowSerializer} returns.
   */
  @PublicEvolving
  public static class Serializer extends TypeSerializer<TimeWindow> {

    private static final long serialVersionUID = 1L;

    /** The instance that snapshots restore; every instance serializes alike. */
    public static final Serializer INSTANCE = new Serializer();

    /** A serializer of time windows. */
    public Serializer() {}

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public TypeSerializer<TimeWindow> duplicate() {
      return this;
    }

    /** No window: a time window has no empty form to reuse. */
    public TimeWindow createInstance() {
      return null;
    }

    @Override
    public TimeWindow copy(TimeWindow from) {
      return from;
    }

    /** {@code from}, as windows are immutable. */
    public TimeWindow copy(TimeWindow from, TimeWindow reuse) {
      return from;
    }

    /** The fixed length of a serialized window: 16 bytes. */
    public int getLength() {
      return 2 * Long.BYTES;
    }

    @Override
    public void serialize(TimeWindow record, DataOutputView target) throws IOException {
      target.writeLong(record.start);
      target.writeLong(record.end);
    }

    @Override
    public TimeWindow deserialize(DataInputView source) throws IOException {
      long start = source.readLong();
      return new TimeWindow(start, source.readLong());
    }

    /** As {@link #deserialize(DataInputView)}; windows are immutable, so {@code reuse} is not used. */
    public TimeWindow deserialize(TimeWindow reuse, DataInputView source) throws IOException {
      return deserialize(source);
    }

    /** Copies one serialized window from {@code source} to {@code target}. */
    public void copy(DataInputView source, DataOutputView target) throws IOException {
      target.writeLong(source.readLong());
      target.writeLong(source.readLong());
    }

    @Override
    public TypeSerializerSnapshot<TimeWindow> snapshotConfiguration() {
      return new SingletonSerializerSnapshot<>(INSTANCE);
    }

    @Override
    public boolean equals(Object obj) {
      return obj != null && obj.getClass() == getClass();
    }

    @Override
    public int hashCode() {
      return Serializer.class.hashCode();
    }
  }
}
