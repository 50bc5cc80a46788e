package io.spate.runtime.tasks;

import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import io.spate.runtime.network.LocalChannel;

/**
 * A subtask's queue metrics under Flink's names, read from its channels: Spate has no network buffer
 * pools, each channel is a bounded queue of record batches and events. {@code inputQueueLength} and
 * {@code outputQueueLength} count the elements waiting in the subtask's input and output channels,
 * {@code inPoolUsage} and {@code outPoolUsage} are those counts over the channels' capacity (0 to 1).
 * Reporters read the queue sizes from their own threads; each is a recent value.
 */
final class ChannelQueueMetrics {

  private ChannelQueueMetrics() {}

  /** Registers the four gauges in {@code group} (a task's group). */
  static void register(MetricGroup group, LocalChannel[] inputs, LocalChannel[] outputs) {
    group.gauge("inputQueueLength", (Gauge<Long>) () -> (long) queued(inputs));
    group.gauge("outputQueueLength", (Gauge<Long>) () -> (long) queued(outputs));
    group.gauge("inPoolUsage", (Gauge<Float>) () -> usage(inputs));
    group.gauge("outPoolUsage", (Gauge<Float>) () -> usage(outputs));
  }

  private static int queued(LocalChannel[] channels) {
    int queued = 0;
    for (LocalChannel channel : channels) {
      queued += channel.backlog();
    }
    return queued;
  }

  private static float usage(LocalChannel[] channels) {
    long capacity = 0;
    for (LocalChannel channel : channels) {
      capacity += channel.capacity();
    }
    return capacity == 0 ? 0f : Math.min(1f, (float) queued(channels) / capacity);
  }
}
