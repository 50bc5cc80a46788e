package io.spate.table.runtime.operators.aggregate;

import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import java.util.Arrays;

/**
 * The values of a {@link SharedDistinctCount} whose argument is an integer ({@code BIGINT}, {@code INT},
 * {@code SMALLINT}, {@code TINYINT}), each with one count per aggregate of the group: a hash table with
 * open addressing (linear probing) over primitive longs. Its arrays are the fields of the accumulator
 * row, so a row boxes nothing and finds its value without a {@code Long} key's {@code equals}, and
 * state stores the arrays as they are. A slot is in use while one of its counts is not 0 (a value
 * whose counts all return to 0 leaves the table), so the value 0 needs no marker.
 *
 * <p>A slot's value and its counts lie side by side in one array ({@code width + 1} longs a slot), so
 * that a probe into a table larger than the CPU's caches misses the cache once, not once for the
 * value and once more for its counts.
 */
final class DistinctLongCounts {

  private static final int SLOTS = 0;
  private static final int TOTALS = 1;
  private static final int ENTRIES = 2;
  private static final int INITIAL_SLOTS = 16;

  private DistinctLongCounts() {}

  /** Whether values of {@code type} are counted in this table. */
  static boolean counts(TypeInformation<?> type) {
    return type.equals(Types.LONG) || type.equals(Types.INT) || type.equals(Types.SHORT) || type.equals(Types.BYTE);
  }

  /**
   * The accumulator's type: the slots (each its value, then its {@code width} counts), the group's
   * distinct counts ({@code width}) and the number of values.
   */
  static TypeInformation<?> type() {
    TypeInformation<?> longs = Types.PRIMITIVE_ARRAY(Types.LONG);
    return new RowTypeInfo(longs, longs, longs);
  }

  /** An empty table for {@code width} aggregates. */
  static Row create(int width) {
    return Row.of(new long[INITIAL_SLOTS * (width + 1)], new long[width], new long[1]);
  }

  /** The group's distinct counts, one per aggregate; rows change them in place. */
  static long[] totals(Row table) {
    return (long[]) table.getField(TOTALS);
  }

  /** The slots: at a slot's offset its value, after it its {@code width} counts. */
  static long[] slots(Row table) {
    return (long[]) table.getField(SLOTS);
  }

  /** How many values the table holds. */
  static long size(Row table) {
    return ((long[]) table.getField(ENTRIES))[0];
  }

  /**
   * The offset in {@link #slots} of the slot of {@code value}: where it is, or an empty slot where it
   * goes (then counted as held, with all counts 0, which the caller must change or undo with
   * {@link #removeIfUnused}).
   */
  static int slot(Row table, long value, int width) {
    long[] entries = (long[]) table.getField(ENTRIES);
    long[] slots = slots(table);
    int stride = width + 1;
    int capacity = slots.length / stride;
    if ((entries[0] + 1) * 2 > capacity) {
      slots = grow(table, width);
      capacity = slots.length / stride;
    }
    int mask = capacity - 1;
    int slot = home(value, mask);
    while (true) {
      int offset = slot * stride;
      if (!used(slots, offset, width)) {
        slots[offset] = value;
        entries[0]++;
        return offset;
      }
      if (slots[offset] == value) {
        return offset;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Takes the value of the slot at {@code offset} out if all its counts are 0, moving back the values
   * after it whose probe passed the slot, so that every value stays reachable from its home slot
   * without a tombstone.
   */
  static void removeIfUnused(Row table, int offset, int width) {
    long[] slots = slots(table);
    if (used(slots, offset, width)) {
      return;
    }
    int stride = width + 1;
    int mask = slots.length / stride - 1;
    int hole = offset / stride;
    for (int next = (hole + 1) & mask; used(slots, next * stride, width); next = (next + 1) & mask) {
      int home = home(slots[next * stride], mask);
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        System.arraycopy(slots, next * stride, slots, hole * stride, stride);
        hole = next;
      }
    }
    Arrays.fill(slots, hole * stride, hole * stride + stride, 0L);
    ((long[]) table.getField(ENTRIES))[0]--;
  }

  /** Whether the slot at {@code offset} holds a value: one of its counts is not 0. */
  private static boolean used(long[] slots, int offset, int width) {
    for (int i = offset + 1; i <= offset + width; i++) {
      if (slots[i] != 0) {
        return true;
      }
    }
    return false;
  }

  private static int home(long value, int mask) {
    long mixed = value * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32)) & mask;
  }

  /** Doubles the table's slots; the new slots. */
  private static long[] grow(Row table, int width) {
    long[] slots = slots(table);
    int stride = width + 1;
    long[] grown = new long[slots.length * 2];
    int mask = grown.length / stride - 1;
    for (int offset = 0; offset < slots.length; offset += stride) {
      if (used(slots, offset, width)) {
        int target = home(slots[offset], mask);
        while (used(grown, target * stride, width)) {
          target = (target + 1) & mask;
        }
        System.arraycopy(slots, offset, grown, target * stride, stride);
      }
    }
    table.setField(SLOTS, grown);
    return grown;
  }
}
