package io.spate.table.runtime.operators.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.types.Row;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Rows and times of the window operator tests. */
final class WindowTestRows {

  private WindowTestRows() {}

  /** The TIMESTAMP of {@code millis} after the epoch. */
  static LocalDateTime at(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.UTC);
  }

  /** The rows' texts, sorted: outputs compared as multisets. */
  static List<String> sorted(List<?> rows) {
    return rows.stream().map(Object::toString).sorted().toList();
  }

  /** The one row {@code assigner} gives for {@code input}, with the kind of the input. */
  static Row assignOne(FlatMapFunction<Row, Row> assigner, Row input) throws Exception {
    List<Row> out = new ArrayList<>();
    assigner.flatMap(input, new Collector<>() {
      @Override
      public void collect(Row record) {
        out.add(record);
      }

      @Override
      public void close() {}
    });
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getKind()).isEqualTo(input.getKind());
    return out.get(0);
  }
}
