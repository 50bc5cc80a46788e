package io.spate.table.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.source.lib.NumberSequenceSource;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessAllWindowFunction;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@link MappedSource} gives the wrapped source's records converted, and a watermark strategy given
 * with it stamps the converted records in the reader: event-time windows downstream see every record
 * in its window, from several splits over two readers.
 */
class MappedSourceE2ETest {

  private static final long NUMBERS = 10_000;

  /** Counts a window's rows and sums their first field, with the window's start. */
  static final class CountAndSum extends ProcessAllWindowFunction<Row, Row, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Context context, Iterable<Row> rows, Collector<Row> out) {
      long count = 0;
      long sum = 0;
      for (Row row : rows) {
        count++;
        sum += (Long) row.getField(0);
      }
      out.collect(Row.of(context.window().getStart(), count, sum));
    }
  }

  @Test
  void theStrategyStampsTheConvertedRecordsAndWindowsSeeEachOnce() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    // Number n becomes the row (n, n * 10): its event time, in milliseconds, is only in the row.
    MappedSource<Long, Row, ?, ?> rows = new MappedSource<>(new NumberSequenceSource(0, NUMBERS - 1),
        n -> Row.of(n, n * 10));
    WatermarkStrategy<Row> strategy = WatermarkStrategy.<Row>forBoundedOutOfOrderness(Duration.ZERO)
        .withTimestampAssigner((row, previous) -> (Long) row.getField(1));
    List<Row> windows = env.fromSource(rows, strategy, "numbers", Types.ROW(Types.LONG, Types.LONG))
        .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
        .process(new CountAndSum(), Types.ROW(Types.LONG, Types.LONG, Types.LONG))
        .executeAndCollect(100);

    List<Row> expected = new ArrayList<>();
    for (long start = 0; start < NUMBERS * 10; start += 10_000) {
      long first = start / 10;
      long last = first + 999;
      expected.add(Row.of(start, 1_000L, (first + last) * 1_000 / 2));
    }
    assertThat(windows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aRecordTheMapperGivesNullForIsDroppedAndTheOthersKeepTheirWindows() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    // Only the multiples of three become rows; the watermarks come from those.
    MappedSource<Long, Row, ?, ?> rows = new MappedSource<>(new NumberSequenceSource(0, NUMBERS - 1),
        n -> n % 3 == 0 ? Row.of(n, n * 10) : null);
    WatermarkStrategy<Row> strategy = WatermarkStrategy.<Row>forBoundedOutOfOrderness(Duration.ZERO)
        .withTimestampAssigner((row, previous) -> (Long) row.getField(1));
    List<Row> windows = env.fromSource(rows, strategy, "numbers", Types.ROW(Types.LONG, Types.LONG))
        .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
        .process(new CountAndSum(), Types.ROW(Types.LONG, Types.LONG, Types.LONG))
        .executeAndCollect(100);

    List<Row> expected = new ArrayList<>();
    for (long start = 0; start < NUMBERS * 10; start += 10_000) {
      long count = 0;
      long sum = 0;
      for (long n = start / 10; n < start / 10 + 1_000; n++) {
        if (n % 3 == 0) {
          count++;
          sum += n;
        }
      }
      expected.add(Row.of(start, count, sum));
    }
    assertThat(windows).containsExactlyInAnyOrderElementsOf(expected);
  }
}
