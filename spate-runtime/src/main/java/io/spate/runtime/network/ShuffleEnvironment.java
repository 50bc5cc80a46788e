package io.spate.runtime.network;

import io.spate.api.common.JobID;
import io.spate.api.serialization.TypeSerializer;
import java.util.function.Supplier;

/**
 * Hands a TaskExecutor's subtasks the ends of their channels: in-process channels to subtasks of the
 * same TaskExecutor, network channels to subtasks elsewhere. Either way a task sees a
 * {@link LocalChannel}, so nothing above this interface knows where its peers run.
 */
public interface ShuffleEnvironment {

  /**
   * The end that the producer of channel {@code id} writes into; {@code consumer} says where the
   * consuming subtask runs and {@code serializer} gives the records' serializer should they have to
   * cross the network.
   */
  LocalChannel producerEnd(ChannelId id, SubtaskLocation consumer, Supplier<TypeSerializer<?>> serializer);

  /** The end that the consumer of channel {@code id} reads from; {@code producer} says where the producer runs. */
  LocalChannel consumerEnd(ChannelId id, SubtaskLocation producer, Supplier<TypeSerializer<?>> serializer);

  /**
   * The task at one end of channel {@code id} ended without finishing it (cancelled or failed): stop
   * what the channel holds in flight on this side.
   */
  void abandon(ChannelId id, boolean producerSide);

  /** The number of records per batch. */
  int batchSize();

  /** Drops every in-process channel of {@code jobId}; its tasks have all ended. */
  void releaseJob(JobID jobId);
}
