package io.spate.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The law of shared distinct counts: after any rows added and taken back, each aggregate of the group
 * has the value its own {@code COUNT(DISTINCT)} (an independent one, with its own map) has.
 */
class SharedDistinctCountTest {

  @Test
  void eachAggregateOfTheGroupCountsWhatItsOwnCountDistinctCounts() {
    // Rows (value, f1, f2): value 0..5 or NULL (6); the filters are fields 1 and 2, and the first aggregate has none.
    int[] filters = {-1, 1, 2};
    SharedDistinctCount group = new SharedDistinctCount(0, filters, Types.LONG);
    List<AggFunction> members = List.of(group, new SharedDistinctCount.Member(0, 1, group),
        new SharedDistinctCount.Member(0, 2, group));
    List<AggFunction> alone = new ArrayList<>();
    for (int filter : filters) {
      alone.add(AggFunctions.countDistinct(0, filter, Types.LONG));
    }
    // Each step: a row code 0..27 to add, or (negative) the code -step-1 to take back if a row of it is present.
    qt().withExamples(500).forAll(lists().of(integers().between(-28, 27)).ofSizeBetween(0, 80)).checkAssert(steps -> {
      Object shared = group.createAccumulator();
      Object[] own = alone.stream().map(AggFunction::createAccumulator).toArray();
      List<Integer> present = new ArrayList<>();
      for (int step : steps) {
        int code = step >= 0 ? step : -step - 1;
        Row row = Row.of(code % 7 == 6 ? null : (long) (code % 7), code / 7 % 2 == 1, code / 14 == 1);
        boolean adds = step >= 0;
        if (!adds && !present.remove((Integer) code)) {
          continue;
        }
        if (adds) {
          present.add(code);
        }
        shared = adds ? group.accumulate(shared, row) : group.retract(shared, row);
        for (int i = 0; i < own.length; i++) {
          own[i] = adds ? alone.get(i).accumulate(own[i], row) : alone.get(i).retract(own[i], row);
        }
        for (int i = 0; i < own.length; i++) {
          Object value = members.get(i) instanceof SharedDistinctCount.Member member ? member.valueFrom(shared)
              : group.getValue(shared);
          assertThat(value).as("aggregate %d after %s", i, steps).isEqualTo(alone.get(i).getValue(own[i]));
        }
      }
      if (present.isEmpty()) {
        assertThat(DistinctLongCounts.size((Row) shared)).as("values of no row").isZero();
      }
    });
  }

  /**
   * The table of integer values counts as the map of other values does: after any rows added and taken
   * back (values spread wide, so that the table grows and values collide, remove and move back), each
   * aggregate's count of the LONG group equals that of the same group over the values as strings, also
   * when the accumulator goes through its state serializer (as a checkpoint and restore do) on the way.
   */
  @Test
  @SuppressWarnings("unchecked")
  void integerValuesCountAsTheMapOfOtherValuesCounts() {
    int[] filters = {-1, 1, 2};
    SharedDistinctCount longs = new SharedDistinctCount(0, filters, Types.LONG);
    SharedDistinctCount strings = new SharedDistinctCount(0, filters, Types.STRING);
    TypeSerializer<Object> serializer = (TypeSerializer<Object>) longs.accumulatorType().createSerializer();
    // Each step: a value index 0..199 with its two filter flags to add; negative: take back the row added step+1 steps ago.
    qt().withExamples(300).forAll(lists().of(integers().between(-40, 799)).ofSizeBetween(0, 300),
        integers().between(0, 300)).checkAssert((steps, restoreAt) -> {
          Object longAcc = longs.createAccumulator();
          Object stringAcc = strings.createAccumulator();
          List<Row> present = new ArrayList<>();
          for (int s = 0; s < steps.size(); s++) {
            int step = steps.get(s);
            Row longRow;
            boolean adds = step >= 0;
            if (adds) {
              long value = (step / 4 % 2 == 0 ? 1 : -1) * (long) (step / 8) * 0x1_0000_0001L; // spread, with 0
              longRow = Row.of(value, step % 2 == 1, step / 2 % 2 == 1);
              present.add(longRow);
            } else if (present.size() >= -step) {
              longRow = present.remove(present.size() + step);
            } else {
              continue;
            }
            Row stringRow = Row.of(String.valueOf(longRow.getField(0)), longRow.getField(1), longRow.getField(2));
            longAcc = adds ? longs.accumulate(longAcc, longRow) : longs.retract(longAcc, longRow);
            stringAcc = adds ? strings.accumulate(stringAcc, stringRow) : strings.retract(stringAcc, stringRow);
            if (s == restoreAt) {
              longAcc = roundTrip(serializer, longAcc);
            }
            for (int member = 0; member < filters.length; member++) {
              assertThat(longs.valueOf(longAcc, member)).as("aggregate %d after step %d of %s", member, s, steps)
                  .isEqualTo(strings.valueOf(stringAcc, member));
            }
          }
          assertThat(DistinctLongCounts.size((Row) longAcc)).as("values held")
              .isEqualTo(((java.util.Map<?, ?>) ((Row) stringAcc).getField(0)).size());
        });
  }

  /**
   * Over an insert-only input the integer values are kept with a bit per aggregate instead of counts:
   * after any rows (values spread wide, with 0 and negatives, so that the table grows and probes
   * collide), each aggregate's count equals that of the counting table, also when the accumulator goes
   * through its state serializer on the way.
   */
  @Test
  @SuppressWarnings("unchecked")
  void insertOnlyValueBitsCountAsTheCountingTableCounts() {
    int[] filters = {-1, 1, 2, 1};
    SharedDistinctCount bits = new SharedDistinctCount(0, filters, Types.LONG, true);
    SharedDistinctCount counts = new SharedDistinctCount(0, filters, Types.LONG);
    TypeSerializer<Object> serializer = (TypeSerializer<Object>) bits.accumulatorType().createSerializer();
    qt().withExamples(300).forAll(lists().of(integers().between(0, 1999)).ofSizeBetween(0, 400),
        integers().between(0, 400)).checkAssert((steps, restoreAt) -> {
          Object bitsAcc = bits.createAccumulator();
          Object countsAcc = counts.createAccumulator();
          for (int s = 0; s < steps.size(); s++) {
            int step = steps.get(s);
            Long value = step % 97 == 0 ? null : (step / 4 % 2 == 0 ? 1 : -1) * (long) (step / 8) * 0x1_0000_0001L;
            Row row = Row.of(value, step % 2 == 1, step / 2 % 2 == 1);
            bitsAcc = bits.accumulate(bitsAcc, row);
            countsAcc = counts.accumulate(countsAcc, row);
            if (s == restoreAt) {
              bitsAcc = roundTrip(serializer, bitsAcc);
            }
            for (int member = 0; member < filters.length; member++) {
              assertThat(bits.valueOf(bitsAcc, member)).as("aggregate %d after step %d of %s", member, s, steps)
                  .isEqualTo(counts.valueOf(countsAcc, member));
            }
          }
          assertThat(DistinctLongSet.size((Row) bitsAcc)).as("values held")
              .isEqualTo(DistinctLongCounts.size((Row) countsAcc));
        });
  }

  @Test
  void insertOnlyValueBitsRejectARetraction() {
    SharedDistinctCount bits = new SharedDistinctCount(0, new int[] {-1}, Types.LONG, true);
    Object acc = bits.accumulate(bits.createAccumulator(), Row.of(5L));
    assertThatThrownBy(() -> bits.retract(acc, Row.of(5L))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("insert-only");
  }

  /** More aggregates than a mask has bits: the group counts per value as over a changelog. */
  @Test
  void insertOnlyGroupOfMoreThanSixtyFourAggregatesStillCountsEach() {
    int[] filters = new int[DistinctLongSet.MAX_WIDTH + 1];
    Arrays.fill(filters, -1);
    filters[filters.length - 1] = 1;
    SharedDistinctCount group = new SharedDistinctCount(0, filters, Types.LONG, true);
    Object acc = group.createAccumulator();
    for (long v = 0; v < 10; v++) {
      acc = group.accumulate(acc, Row.of(v % 7, v % 2 == 0));
    }
    assertThat(group.valueOf(acc, 0)).as("values 0 to 6").isEqualTo(7L);
    // The rows of even v have the values 0, 2, 4, 6 and 1 (of v = 8).
    assertThat(group.valueOf(acc, filters.length - 1)).isEqualTo(5L);
  }

  private static Object roundTrip(TypeSerializer<Object> serializer, Object value) {
    try {
      DataOutputSerializer out = new DataOutputSerializer();
      serializer.serialize(value, out);
      return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
