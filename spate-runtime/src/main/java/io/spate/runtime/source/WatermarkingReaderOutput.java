package io.spate.runtime.source;

import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.runtime.operators.Output;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output of a source reader: assigns timestamps, runs one watermark generator per split (and
 * one for records emitted without a split), and emits the minimum of the split watermarks.
 */
final class WatermarkingReaderOutput<T> implements ReaderOutput<T> {

  private final Output<T> output;
  private final WatermarkStrategy<T> strategy;
  private final TimestampAssigner<T> assigner;
  private final boolean watermarksEnabled;
  private final SplitOutput main;
  private final Map<String, SplitOutput> splits = new LinkedHashMap<>();
  private long lastEmitted = Long.MIN_VALUE;
  long recordsEmitted;

  WatermarkingReaderOutput(Output<T> output, WatermarkStrategy<T> strategy, boolean watermarksEnabled) {
    this.output = output;
    this.strategy = strategy;
    this.assigner = strategy.getTimestampAssigner();
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
    splits.remove(splitId);
    combine();
  }

  /** Asks every generator for its periodic watermark and emits the combined one. */
  void emitPeriodicWatermark() {
    if (!watermarksEnabled) {
      return;
    }
    if (main.used) {
      main.generator.onPeriodicEmit(main);
    }
    for (SplitOutput split : splits.values()) {
      split.generator.onPeriodicEmit(split);
    }
    combine();
  }

  private void combine() {
    long min = Long.MAX_VALUE;
    boolean any = false;
    if (main.used && !main.idle) {
      min = main.watermark;
      any = true;
    }
    for (SplitOutput split : splits.values()) {
      if (!split.idle) {
        min = Math.min(min, split.watermark);
        any = true;
      }
    }
    if (any && min > lastEmitted) {
      lastEmitted = min;
      output.emitWatermark(min);
    }
  }

  private final class SplitOutput implements SourceOutput<T>, WatermarkOutput {
    final WatermarkGenerator<T> generator = strategy.createWatermarkGenerator();
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
      recordsEmitted++;
      output.collect(record, ts);
      if (watermarksEnabled) {
        used = true;
        idle = false;
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
      idle = true;
      combine();
    }

    @Override
    public void markActive() {
      idle = false;
    }
  }
}
