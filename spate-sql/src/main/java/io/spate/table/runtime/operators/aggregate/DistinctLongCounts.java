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
 */
final class DistinctLongCounts {

  private static final int VALUES = 0;
  private static final int COUNTS = 1;
  private static final int TOTALS = 2;
  private static final int ENTRIES = 3;
  private static final int INITIAL_SLOTS = 16;

  private DistinctLongCounts() {}

  /** Whether values of {@code type} are counted in this table. */
  static boolean counts(TypeInformation<?> type) {
    return type.equals(Types.LONG) || type.equals(Types.INT) || type.equals(Types.SHORT) || type.equals(Types.BYTE);
  }

  /**
   * The accumulator's type: the slots' values, their counts ({@code width} per slot), the group's
   * distinct counts ({@code width}) and the number of values.
   */
  static TypeInformation<?> type() {
    TypeInformation<?> longs = Types.PRIMITIVE_ARRAY(Types.LONG);
    return new RowTypeInfo(longs, longs, longs, longs);
  }

  /** An empty table for {@code width} aggregates. */
  static Row create(int width) {
    return Row.of(new long[INITIAL_SLOTS], new long[INITIAL_SLOTS * width], new long[width], new long[1]);
  }

  /** The group's distinct counts, one per aggregate; rows change them in place. */
  static long[] totals(Row table) {
    return (long[]) table.getField(TOTALS);
  }

  /** The counts of all slots ({@code width} per slot, from {@code slot * width}). */
  static long[] slotCounts(Row table) {
    return (long[]) table.getField(COUNTS);
  }

  /** How many values the table holds. */
  static long size(Row table) {
    return ((long[]) table.getField(ENTRIES))[0];
  }

  /**
   * The slot of {@code value}: where it is, or an empty slot where it goes (then counted as held, with
   * all counts 0, which the caller must change or undo with {@link #removeIfUnused}).
   */
  static int slot(Row table, long value, int width) {
    long[] entries = (long[]) table.getField(ENTRIES);
    long[] values = (long[]) table.getField(VALUES);
    if ((entries[0] + 1) * 2 > values.length) {
      grow(table, width);
      values = (long[]) table.getField(VALUES);
    }
    long[] counts = slotCounts(table);
    int mask = values.length - 1;
    int slot = home(value, mask);
    while (used(counts, slot, width)) {
      if (values[slot] == value) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    values[slot] = value;
    entries[0]++;
    return slot;
  }

  /**
   * Takes {@code slot}'s value out if all its counts are 0, moving back the values after it whose probe
   * passed the slot, so that every value stays reachable from its home slot without a tombstone.
   */
  static void removeIfUnused(Row table, int slot, int width) {
    long[] counts = slotCounts(table);
    if (used(counts, slot, width)) {
      return;
    }
    long[] values = (long[]) table.getField(VALUES);
    int mask = values.length - 1;
    int hole = slot;
    for (int next = (slot + 1) & mask; used(counts, next, width); next = (next + 1) & mask) {
      int home = home(values[next], mask);
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        values[hole] = values[next];
        System.arraycopy(counts, next * width, counts, hole * width, width);
        hole = next;
      }
    }
    Arrays.fill(counts, hole * width, hole * width + width, 0L);
    ((long[]) table.getField(ENTRIES))[0]--;
  }

  private static boolean used(long[] counts, int slot, int width) {
    int start = slot * width;
    for (int i = start; i < start + width; i++) {
      if (counts[i] != 0) {
        return true;
      }
    }
    return false;
  }

  private static int home(long value, int mask) {
    long mixed = value * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32)) & mask;
  }

  private static void grow(Row table, int width) {
    long[] values = (long[]) table.getField(VALUES);
    long[] counts = slotCounts(table);
    long[] newValues = new long[values.length * 2];
    long[] newCounts = new long[newValues.length * width];
    int mask = newValues.length - 1;
    for (int slot = 0; slot < values.length; slot++) {
      if (used(counts, slot, width)) {
        int target = home(values[slot], mask);
        while (used(newCounts, target, width)) {
          target = (target + 1) & mask;
        }
        newValues[target] = values[slot];
        System.arraycopy(counts, slot * width, newCounts, target * width, width);
      }
    }
    table.setField(VALUES, newValues);
    table.setField(COUNTS, newCounts);
  }
}
