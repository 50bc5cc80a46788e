package io.spate.table.runtime.operators.aggregate;

import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;

/**
 * The values of a {@link SharedDistinctCount} over an insert-only input whose argument is an integer:
 * a hash table with open addressing (linear probing) whose slots are pairs of longs in one array, the
 * value and a mask of the aggregates (at most {@link #MAX_WIDTH}) that counted it. Without
 * retractions a value never leaves an aggregate's count, so a bit says all that a count per aggregate
 * said ({@link DistinctLongCounts}), and a slot's value and mask share a cache line: the tables of
 * distinct values are large and a row's probe is mostly a cache miss. A slot is in use while its mask
 * is not 0, so the value 0 needs no marker.
 */
final class DistinctLongSet {

  /** The most aggregates one table counts for: one bit each in a slot's mask. */
  static final int MAX_WIDTH = Long.SIZE;

  private static final int SLOTS = 0;
  private static final int TOTALS = 1;
  private static final int ENTRIES = 2;
  private static final int INITIAL_SLOTS = 16;

  private DistinctLongSet() {}

  /** The accumulator's type: the slots (value, mask), the group's distinct counts and the number of values. */
  static TypeInformation<?> type() {
    TypeInformation<?> longs = Types.PRIMITIVE_ARRAY(Types.LONG);
    return new RowTypeInfo(longs, longs, longs);
  }

  /** An empty table for {@code width} aggregates. */
  static Row create(int width) {
    if (width > MAX_WIDTH) {
      throw new IllegalArgumentException("A distinct value set counts for at most " + MAX_WIDTH
          + " aggregates, not " + width);
    }
    return Row.of(new long[INITIAL_SLOTS * 2], new long[width], new long[1]);
  }

  /** The group's distinct counts, one per aggregate; rows change them in place. */
  static long[] totals(Row table) {
    return (long[]) table.getField(TOTALS);
  }

  /** How many values the table holds. */
  static long size(Row table) {
    return ((long[]) table.getField(ENTRIES))[0];
  }

  /**
   * Counts {@code value} for the aggregates of {@code mask} (not 0): each aggregate of it that had not
   * counted the value yet gets one more distinct value in its total.
   */
  static void add(Row table, long value, long mask) {
    long[] slots = (long[]) table.getField(SLOTS);
    int lastIndex = slots.length - 2; // slots start at even indexes
    int index = home(value, lastIndex);
    long held;
    while ((held = slots[index + 1]) != 0) {
      if (slots[index] == value) {
        long added = mask & ~held;
        if (added != 0) {
          slots[index + 1] = held | added;
          countIn(totals(table), added);
        }
        return;
      }
      index = (index + 2) & lastIndex;
    }
    slots[index] = value;
    slots[index + 1] = mask;
    countIn(totals(table), mask);
    long[] entries = (long[]) table.getField(ENTRIES);
    if (++entries[0] * 4 > slots.length) { // more than half of the slots (two longs each) in use
      grow(table, slots);
    }
  }

  private static void countIn(long[] totals, long added) {
    for (long bits = added; bits != 0; bits &= bits - 1) {
      totals[Long.numberOfTrailingZeros(bits)]++;
    }
  }

  /** The even index of {@code value}'s home slot in a table whose last slot is at {@code lastIndex}. */
  private static int home(long value, int lastIndex) {
    long mixed = value * 0x9E3779B97F4A7C15L;
    return ((int) (mixed ^ (mixed >>> 32)) << 1) & lastIndex;
  }

  private static void grow(Row table, long[] slots) {
    long[] grown = new long[slots.length * 2];
    int lastIndex = grown.length - 2;
    for (int index = 0; index < slots.length; index += 2) {
      if (slots[index + 1] != 0) {
        int target = home(slots[index], lastIndex);
        while (grown[target + 1] != 0) {
          target = (target + 2) & lastIndex;
        }
        grown[target] = slots[index];
        grown[target + 1] = slots[index + 1];
      }
    }
    table.setField(SLOTS, grown);
  }
}
