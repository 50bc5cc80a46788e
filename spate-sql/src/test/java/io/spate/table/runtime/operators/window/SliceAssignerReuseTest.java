package io.spate.table.runtime.operators.window;

import static io.spate.table.runtime.operators.window.WindowTestRows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.functions.Collector;
import io.spate.api.types.Row;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slice assigner reuses the window columns of the last slice while rows stay in it: whatever the
 * order of the rows, and whether their time is a {@code TIMESTAMP} ({@link LocalDateTime}) or a
 * {@code TIMESTAMP_LTZ} ({@link Instant}), every row gets the columns of its own slice, in its
 * time's class.
 */
class SliceAssignerReuseTest {

  private static final WindowSpec HOP = WindowSpec.hop(20, 100, 5);

  @Test
  void everyRowGetsTheColumnsOfItsOwnSliceInItsTimesClass() {
    qt().forAll(lists().of(integers().between(-300, 300)).ofSizeBetween(1, 40),
            lists().of(booleans().all()).ofSize(40))
        .checkAssert((times, local) -> {
          SliceAssigner assigner = SliceAssigner.slices(1, HOP);
          for (int i = 0; i < times.size(); i++) {
            long millis = times.get(i);
            Object time = local.get(i) ? at(millis) : Instant.ofEpochMilli(millis);
            Row row = assign(assigner, Row.of((long) i, time));

            long end = millis - Math.floorMod(millis - 5, 20) + 20;
            assertThat(row.getArity()).isEqualTo(5);
            assertThat(row.getField(0)).isEqualTo((long) i);
            assertThat(row.getField(1)).isEqualTo(time);
            assertThat(row.getField(2)).isEqualTo(local.get(i) ? at(end - 20) : Instant.ofEpochMilli(end - 20));
            assertThat(row.getField(3)).isEqualTo(local.get(i) ? at(end) : Instant.ofEpochMilli(end));
            assertThat(row.getField(4)).isEqualTo(local.get(i) ? at(end - 1) : Instant.ofEpochMilli(end - 1));
          }
        });
  }

  @Test
  void everyRowGetsItsOwnSessionWindowInItsTimesClass() {
    qt().forAll(lists().of(integers().between(-30, 30)).ofSizeBetween(1, 40),
            lists().of(booleans().all()).ofSize(40))
        .checkAssert((times, local) -> {
          SliceAssigner assigner = SliceAssigner.sessions(1, 7);
          for (int i = 0; i < times.size(); i++) {
            long millis = times.get(i);
            Object time = local.get(i) ? at(millis) : Instant.ofEpochMilli(millis);
            Row row = assign(assigner, Row.of((long) i, time));

            assertThat(row.getArity()).isEqualTo(5);
            assertThat(row.getField(0)).isEqualTo((long) i);
            assertThat(row.getField(1)).isEqualTo(time);
            assertThat(row.getField(2)).isEqualTo(time);
            assertThat(row.getField(3)).isEqualTo(local.get(i) ? at(millis + 7) : Instant.ofEpochMilli(millis + 7));
            assertThat(row.getField(4)).isEqualTo(local.get(i) ? at(millis + 6) : Instant.ofEpochMilli(millis + 6));
          }
        });
  }

  @Test
  void rowsOfOneSliceShareItsColumnsAndANewSliceGetsNewOnes() {
    SliceAssigner assigner = SliceAssigner.slices(1, HOP);
    Row first = assign(assigner, Row.of(1L, at(10)));
    Row second = assign(assigner, Row.of(2L, at(24)));
    Row next = assign(assigner, Row.of(3L, at(25)));

    assertThat(second.getField(3)).isSameAs(first.getField(3));
    assertThat(next.getField(2)).isEqualTo(at(25));
    assertThat(next.getField(3)).isEqualTo(at(45));
  }

  @Test
  void aRowWithoutATimeIsInNoSlice() {
    List<Row> out = new ArrayList<>();
    SliceAssigner.slices(1, HOP).flatMap(Row.of(1L, null), collector(out));

    assertThat(out).isEmpty();
  }

  private static Row assign(SliceAssigner assigner, Row input) {
    List<Row> out = new ArrayList<>();
    assigner.flatMap(input, collector(out));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private static Collector<Row> collector(List<Row> out) {
    return new Collector<>() {
      @Override
      public void collect(Row record) {
        out.add(record);
      }

      @Override
      public void close() {}
    };
  }
}
