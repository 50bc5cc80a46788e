package io.spate.table.runtime.operators.window;

import io.spate.api.annotation.Internal;
import java.io.Serializable;

/**
 * The windows of a {@code TUMBLE}, {@code HOP} or {@code CUMULATE} window aggregate, cut into
 * slices: the largest intervals that no window boundary crosses. A tumbling window is one slice; a
 * hopping window of {@code size} every {@code slide} is {@code size / slide} slices of one slide; a
 * cumulating window is one to {@code size / step} slices of one step. Every window ends where a
 * slice ends, so a window is the merge of the slices between its start and its end. Times are epoch
 * milliseconds; windows are aligned to the epoch plus {@code offset}.
 */
@Internal
public final class WindowSpec implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The kinds of sliced windows. */
  public enum Kind { TUMBLE, HOP, CUMULATE }

  private final Kind kind;
  private final long size;
  private final long slice;
  private final long offset;

  private WindowSpec(Kind kind, long size, long slice, long offset) {
    if (size <= 0 || slice <= 0 || size % slice != 0) {
      throw new IllegalArgumentException("A window's size (" + size + " ms) must be a positive multiple of its slide"
          + " or step (" + slice + " ms)");
    }
    this.kind = kind;
    this.size = size;
    this.slice = slice;
    this.offset = offset;
  }

  /** Tumbling windows of {@code size}. */
  public static WindowSpec tumble(long size, long offset) {
    return new WindowSpec(Kind.TUMBLE, size, size, offset);
  }

  /** Windows of {@code size} every {@code slide} ({@code size} a multiple of {@code slide}). */
  public static WindowSpec hop(long slide, long size, long offset) {
    return new WindowSpec(Kind.HOP, size, slide, offset);
  }

  /** Windows growing by {@code step} from the start of each {@code maxSize} period to its end. */
  public static WindowSpec cumulate(long step, long maxSize, long offset) {
    return new WindowSpec(Kind.CUMULATE, maxSize, step, offset);
  }

  /** The end of the slice that holds instant {@code time}. */
  public long sliceEnd(long time) {
    return time - Math.floorMod(time - offset, slice) + slice;
  }

  /** The start of the slice that ends at {@code sliceEnd}. */
  public long sliceStart(long sliceEnd) {
    return sliceEnd - slice;
  }

  /** The end of the last window that holds the slice ending at {@code sliceEnd}. */
  public long lastWindowEnd(long sliceEnd) {
    return switch (kind) {
      case TUMBLE -> sliceEnd;
      case HOP -> sliceEnd + size - slice;
      case CUMULATE -> periodStart(sliceEnd) + size;
    };
  }

  /** The start of the window that ends at {@code windowEnd} (windows end where slices end). */
  public long windowStart(long windowEnd) {
    return kind == Kind.CUMULATE ? periodStart(windowEnd) : windowEnd - size;
  }

  /**
   * The end of the window after the one ending at {@code windowEnd} (windows end a slice apart). It
   * holds every slice of that window that a later window holds.
   */
  public long nextWindowEnd(long windowEnd) {
    return windowEnd + slice;
  }

  /** The ends of the windows that hold the slice ending at {@code sliceEnd}, first to last. */
  public long[] windowEnds(long sliceEnd) {
    int count = (int) ((lastWindowEnd(sliceEnd) - sliceEnd) / slice) + 1;
    long[] ends = new long[count];
    for (int i = 0; i < count; i++) {
      ends[i] = sliceEnd + i * slice;
    }
    return ends;
  }

  /** The ends of the slices that make up the window ending at {@code windowEnd}, first to last. */
  public long[] sliceEnds(long windowEnd) {
    int count = (int) ((windowEnd - windowStart(windowEnd)) / slice);
    long[] ends = new long[count];
    for (int i = 0; i < count; i++) {
      ends[i] = windowEnd - (count - 1 - i) * slice;
    }
    return ends;
  }

  /** The start of the {@code CUMULATE} period that holds instant {@code end - 1}. */
  private long periodStart(long end) {
    long last = end - 1;
    return last - Math.floorMod(last - offset, size);
  }

  @Override
  public String toString() {
    return kind + "(size=" + size + " ms" + (kind == Kind.TUMBLE ? "" : (kind == Kind.HOP ? ", slide=" : ", step=")
        + slice + " ms") + (offset == 0 ? "" : ", offset=" + offset + " ms") + ")";
  }
}
