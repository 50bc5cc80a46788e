package io.spate.clitest;

import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.RowEncoder;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A keyed, windowed job with the exactly-once file sink, paced so that it runs for several seconds:
 * numbers 0..n-1 at event time 10 ms each, counted and summed per key (x mod 7) in 1 s tumbling
 * windows, one line "key,windowStart,count,sum" per window in the output directory.
 */
public final class WindowedCountsJob {

  private WindowedCountsJob() {}

  /**
   * Arguments: the job name, the output directory, the number of records, records per second, and
   * optionally the restart attempts of its fixed-delay strategy (20 if not given).
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[1]);
    long records = Long.parseLong(args[2]);
    double perSecond = Double.parseDouble(args[3]);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(200);
    int restarts = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(restarts, Duration.ofMillis(200)));
    env.fromSource(new DataGeneratorSource<>(index -> index, records, RateLimiterStrategy.perSecond(perSecond),
            Types.LONG), WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((x, ts) -> x * 10),
            "numbers").uid("numbers")
        .keyBy(x -> x % 7, Types.LONG)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .process(new CountAndSum()).uid("counts")
        .sinkTo(FileSink.forRows(out, RowEncoder.<String>toStringEncoder()).build()).uid("files");
    env.execute(args[0]);
  }

  /** Emits the key, the window's start, the count and the sum of its numbers. */
  public static final class CountAndSum extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Long key, Context context, Iterable<Long> elements, Collector<String> out) {
      long count = 0;
      long sum = 0;
      for (long x : elements) {
        count++;
        sum += x;
      }
      out.collect(key + "," + context.window().getStart() + "," + count + "," + sum);
    }
  }
}
