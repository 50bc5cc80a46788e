package io.spate.runtime.source;

import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.eventtime.RecordTimestampAssigner;
import io.spate.api.eventtime.StrategyContext;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.operators.Output;
import io.spate.api.util.PaddedLong;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output of a source reader: assigns timestamps, runs one watermark generator per split (and
 * one for records emitted without a split), and emits the minimum watermark over the splits that
 * are not idle. The subtask is idle when all its splits are; a reader without splits holds the
 * watermark back unless its strategy has an idleness timeout.
 */
final class WatermarkingReaderOutput<T> implements ReaderOutput<T> {

  private final Output<T> output;
  private final WatermarkStrategy<T> strategy;
  private final StrategyContext context;
  private final TimestampAssigner<T> assigner;
  private final boolean watermarksEnabled;
  private final SplitOutput main;
  private final Map<String, SplitOutput> splits = new LinkedHashMap<>();
  private long lastEmitted = Long.MIN_VALUE;
  // The highest watermark of the splits already finished: it holds when every remaining one is idle.
  private long finishedSplitsWatermark = Long.MIN_VALUE;
  private boolean idle;
  // Written for every record: on cache lines of its own, away from other subtasks' fields.
  final PaddedLong recordsEmitted = new PaddedLong();
  // The timestamp of the last record, for the currentEmitEventTimeLag metric; on lines of its own too.
  final PaddedLong lastTimestamp = new PaddedLong(Long.MIN_VALUE);

  /** The output whose strategy creates its assigner and generators with {@code context}'s metrics and clock. */
  WatermarkingReaderOutput(Output<T> output, WatermarkStrategy<T> strategy, boolean watermarksEnabled,
      StrategyContext context) {
    this.output = output;
    this.strategy = strategy;
    this.context = context;
    TimestampAssigner<T> created = strategy.createTimestampAssigner(context);
    // Keeping the records' timestamps needs no call per record.
    this.assigner = created instanceof RecordTimestampAssigner ? null : created;
    this.watermarksEnabled = watermarksEnabled;
    this.main = new SplitOutput();
  }

  @Override
  public void collect(T record) {
    main.collect(record, Long.MIN_VALUE);
  }

  @Override
  public void collect(T record, long timestamp) {
    main.collect(record, timestamp);
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    main.emitWatermark(watermark);
  }

  @Override
  public void markIdle() {
    main.markIdle();
  }

  @Override
  public void markActive() {
    main.markActive();
  }

  @Override
  public SourceOutput<T> createOutputForSplit(String splitId) {
    return splits.computeIfAbsent(splitId, id -> new SplitOutput());
  }

  @Override
  public void releaseOutputForSplit(String splitId) {
    SplitOutput split = splits.get(splitId);
    if (split != null) {
      if (watermarksEnabled) {
        split.generator.onPeriodicEmit(split);
      }
      finishedSplitsWatermark = Math.max(finishedSplitsWatermark, split.watermark);
      splits.remove(splitId);
      combine();
    }
  }

  /** The last watermark emitted, {@code Long.MIN_VALUE} before the first. */
  long currentWatermark() {
    return lastEmitted;
  }

  /** Whether the subtask's output is idle. */
  boolean isIdle() {
    return idle;
  }

  /** Asks every generator for its periodic watermark (and idleness) and emits the combined one. */
  void emitPeriodicWatermark() {
    if (!watermarksEnabled) {
      return;
    }
    main.generator.onPeriodicEmit(main);
    for (SplitOutput split : splits.values()) {
      split.generator.onPeriodicEmit(split);
    }
    combine();
  }

  /** Emits the watermark that ends event time, turning the output active first if it is idle. */
  void emitFinalWatermark() {
    setIdle(false);
    if (lastEmitted != Long.MAX_VALUE) {
      lastEmitted = Long.MAX_VALUE;
      output.emitWatermark(Long.MAX_VALUE);
    }
  }

  private void combine() {
    boolean anyCounted = false;
    boolean anyActive = false;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    // The main output counts once the reader uses it, or once it has turned idle by timeout: that
    // is how a reader without splits stops holding back the watermark.
    if (main.used || main.idle) {
      anyCounted = true;
      anyActive = !main.idle;
      min = main.idle ? min : main.watermark;
      max = main.watermark;
    }
    for (SplitOutput split : splits.values()) {
      anyCounted = true;
      if (!split.idle) {
        anyActive = true;
        min = Math.min(min, split.watermark);
      }
      max = Math.max(max, split.watermark);
    }
    if (anyActive) {
      setIdle(false);
      advanceTo(min);
    } else if (anyCounted) {
      // Every split is idle: none will hold the others back, so their highest watermark holds.
      advanceTo(Math.max(max, finishedSplitsWatermark));
      setIdle(true);
    }
  }

  private void advanceTo(long watermark) {
    if (watermark > lastEmitted) {
      setIdle(false);
      lastEmitted = watermark;
      output.emitWatermark(watermark);
    }
  }

  private void setIdle(boolean newIdle) {
    if (idle != newIdle) {
      idle = newIdle;
      output.emitWatermarkStatus(newIdle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
    }
  }

  private final class SplitOutput implements SourceOutput<T>, WatermarkOutput {
    final WatermarkGenerator<T> generator = strategy.createWatermarkGenerator(context);
    long watermark = Long.MIN_VALUE;
    boolean idle;
    boolean used;

    @Override
    public void collect(T record) {
      collect(record, Long.MIN_VALUE);
    }

    @Override
    public void collect(T record, long timestamp) {
      long ts = assigner != null ? assigner.extractTimestamp(record, timestamp) : timestamp;
      recordsEmitted.increment();
      lastTimestamp.set(ts);
      if (watermarksEnabled) {
        // Stores only on a change: a store per record would make this line another hot one.
        if (!used) {
          used = true;
        }
        if (idle) {
          idle = false;
        }
        if (WatermarkingReaderOutput.this.idle) {
          setIdle(false);
        }
      }
      output.collect(record, ts);
      if (watermarksEnabled) {
        generator.onEvent(record, ts, this);
      }
    }

    @Override
    public void emitWatermark(Watermark wm) {
      if (watermarksEnabled && wm.timestamp() > watermark) {
        used = true;
        watermark = wm.timestamp();
        idle = false;
        combine();
      }
    }

    @Override
    public void markIdle() {
      if (watermarksEnabled && !idle) {
        idle = true;
        combine();
      }
    }

    @Override
    public void markActive() {
      if (watermarksEnabled && idle) {
        idle = false;
        combine();
      }
    }
  }
}
