package io.spate.bench;

import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import io.spate.api.datastream.DataStream;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.Map;

/**
 * The pipelines that the throughput harness and the JMH job benchmarks run, each over
 * {@code fromSequence(0, records - 1)}, so both measure the same jobs. Every figure includes
 * generating the records (boxing them as {@code Long}), as the Flink anchors do.
 */
public enum Workload {

  /** source -> discard: the cost of the source, the chain and the sink. */
  PASSTHROUGH("passthrough", "source -> discard", 50_000_000L) {
    @Override
    void define(StreamExecutionEnvironment env, long records) {
      env.fromSequence(0, records - 1).discard();
    }
  },

  /**
   * source -> map -> filter -> discard, all chained in one task. The map allocates a new
   * {@code Long} per record (that is the work); the filter keeps 7 of every 8 records.
   */
  MAP_FILTER("map-filter", "source -> map(x+1) -> filter(x&7 != 0) -> discard, chained", 50_000_000L) {
    @Override
    void define(StreamExecutionEnvironment env, long records) {
      env.fromSequence(0, records - 1)
          .map(x -> x + 1, Types.LONG)
          .filter(x -> (x & 7) != 0)
          .discard();
    }
  },

  /**
   * source -> keyBy(x % 100 000) -> reduce(sum) -> discard: a hash exchange between two tasks and
   * a keyed running sum over 100 000 keys, emitting one update per record.
   */
  KEYBY_REDUCE("keyby-reduce", "source -> keyBy(x % 100000) -> reduce(sum) -> discard", 20_000_000L) {
    @Override
    void define(StreamExecutionEnvironment env, long records) {
      env.fromSequence(0, records - 1)
          .keyBy(x -> x % 100_000L, Types.LONG)
          .reduce((a, b) -> a + b)
          .discard();
    }
  },

  /** Event-time tumbling 10 s windows counting records per key over 10 000 keys. */
  TUMBLING_COUNT("tumbling-count", "source(ts = x/1000 ms) -> keyBy(x % 10000) -> tumbling 10 s count -> discard",
      20_000_000L) {
    @Override
    void define(StreamExecutionEnvironment env, long records) {
      timestamped(env, records, false)
          .keyBy(x -> x % WINDOW_KEYS, Types.LONG)
          .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
          .aggregate(new Count())
          .discard();
    }
  },

  /**
   * Event-time sliding windows (size 10 s, slide 2 s) counting records per key over 10 000 keys;
   * computed from slices unless {@code -Dspate.windows.slicing=false}.
   */
  SLIDING_COUNT("sliding-count", "source(ts = x/1000 ms) -> keyBy(x % 10000) -> sliding 10 s / 2 s count -> discard",
      20_000_000L) {
    @Override
    void define(StreamExecutionEnvironment env, long records) {
      timestamped(env, records, false)
          .keyBy(x -> x % WINDOW_KEYS, Types.LONG)
          .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
          .aggregate(new Count())
          .discard();
    }
  },

  /**
   * Event-time session windows (gap 1 s) counting records per key over 10 000 keys; event time
   * pauses for 2 s after every 5 s, so every key's session closes at each pause.
   */
  SESSION_COUNT("session-count",
      "source(ts = x/1000 ms, 2 s pause every 5 s) -> keyBy(x % 10000) -> session(1 s gap) count -> discard",
      5_000_000L) {
    @Override
    void define(StreamExecutionEnvironment env, long records) {
      timestamped(env, records, true)
          .keyBy(x -> x % WINDOW_KEYS, Types.LONG)
          .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(1)))
          .aggregate(new Count())
          .discard();
    }
  },

  /**
   * A keyed process function over 100 000 keys that sets, per record, an event-time timer 1 s
   * ahead (on a 100 ms grid) and emits when it fires: about a million timers pending at a time, a
   * new one per record and one firing per record. For comparing where timers live
   * ({@code state.backend.rocksdb.timer-service.factory}).
   */
  KEYED_TIMERS("keyed-timers",
      "source(ts = x/1000 ms) -> keyBy(x % 100000) -> process(timer at ts + 1 s per record) -> discard", 5_000_000L) {
    @Override
    void define(StreamExecutionEnvironment env, long records) {
      timestamped(env, records, false)
          .keyBy(x -> x % 100_000L, Types.LONG)
          .process(new TimerPerRecord(), Types.LONG)
          .discard();
    }
  };

  /** Sets an event-time timer 1 s (rounded to 100 ms) after each record; emits the timer's time. */
  static final class TimerPerRecord extends KeyedProcessFunction<Long, Long, Long> {
    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() / 100 * 100 + 1_000);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
      out.collect(timestamp);
    }
  }

  private static final long WINDOW_KEYS = 10_000L;

  /** The sequence with event time x / 1000 ms (plus 2 s of pause after every 5 s if {@code pauses}). */
  private static DataStream<Long> timestamped(StreamExecutionEnvironment env, long records, boolean pauses) {
    TimestampAssigner<Long> time = pauses
        ? (x, ts) -> x / 1000 + (x / 1000 / 5000) * 2000
        : (x, ts) -> x / 1000;
    return env.fromSequence(0, records - 1)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner(time));
  }

  /** Counts the records of a window. */
  static final class Count implements AggregateFunction<Long, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long value, Long accumulator) {
      return accumulator + 1;
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  private final String id;
  private final String description;
  private final long defaultRecords;

  Workload(String id, String description, long defaultRecords) {
    this.id = id;
    this.description = description;
    this.defaultRecords = defaultRecords;
  }

  /** The name used on the command line and in tables. */
  public String id() {
    return id;
  }

  /** What the pipeline is. */
  public String description() {
    return description;
  }

  /** Records per run when none are given. */
  public long defaultRecords() {
    return defaultRecords;
  }

  /** Adds this pipeline to {@code env}. */
  abstract void define(StreamExecutionEnvironment env, long records);

  /**
   * Runs the pipeline once as a streaming job at {@code parallelism} over {@code records} records,
   * with {@code settings} applied to the job's configuration, and checks that every record was read.
   */
  public JobExecutionResult run(int parallelism, long records, Map<String, String> settings) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    settings.forEach((key, value) -> env.getConfiguration().setString(key, value));
    define(env, records);
    JobExecutionResult result = env.execute("bench " + id + " p" + parallelism);
    Long emitted = result.counters().get("numSourceRecordsOut");
    if (emitted != null && emitted != records) {
      throw new IllegalStateException(
          "Job " + id + " p" + parallelism + " emitted " + emitted + " records, expected " + records);
    }
    return result;
  }

  /** The workload named {@code id}. */
  public static Workload byId(String id) {
    for (Workload w : values()) {
      if (w.id.equalsIgnoreCase(id) || w.name().equalsIgnoreCase(id)) {
        return w;
      }
    }
    throw new IllegalArgumentException("Unknown workload '" + id + "'; expected one of passthrough, map-filter, keyby-reduce, "
        + "tumbling-count, sliding-count, session-count, keyed-timers, all");
  }
}
