package io.spate.testing;

import io.spate.api.common.OutputTag;
import io.spate.api.eventtime.Watermark;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.operators.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps everything an operator under test emits, in order. */
final class RecordingOutput<T> implements Output<T> {

  final List<StreamRecord<T>> records = new ArrayList<>();
  final Map<String, List<StreamRecord<Object>>> sideOutputs = new LinkedHashMap<>();
  final List<Long> watermarks = new ArrayList<>();
  final List<Object> recordsAndWatermarks = new ArrayList<>();
  final List<WatermarkStatus> statuses = new ArrayList<>();

  @Override
  public void collect(T value, long timestamp) {
    StreamRecord<T> record = new StreamRecord<>(value, timestamp);
    records.add(record);
    recordsAndWatermarks.add(record);
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    sideOutputs.computeIfAbsent(tag.getId(), k -> new ArrayList<>()).add(new StreamRecord<>(value, timestamp));
  }

  @Override
  public void emitWatermark(long watermark) {
    watermarks.add(watermark);
    recordsAndWatermarks.add(new Watermark(watermark));
  }

  @Override
  public void emitWatermarkStatus(WatermarkStatus status) {
    statuses.add(status);
  }
}
