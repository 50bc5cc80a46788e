package io.spate.runtime.network.remote;

import io.spate.api.common.JobID;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.network.ChannelId;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.LocalShuffleEnvironment;
import io.spate.runtime.network.ShuffleEnvironment;
import io.spate.runtime.network.SubtaskLocation;
import java.util.function.Supplier;

/**
 * The shuffle of a TaskExecutor with a data plane: channels between its own subtasks stay in-process
 * (records handed over by reference), channels to subtasks of other TaskExecutors go over the
 * {@link RemoteShuffleService}, each with the channel capacity of the in-process ones as its credit.
 */
public final class NetworkShuffleEnvironment implements ShuffleEnvironment {

  private final String taskExecutorAddress;
  private final LocalShuffleEnvironment local;
  private final RemoteShuffleService remote;
  private final java.util.concurrent.atomic.AtomicLong networkEnds = new java.util.concurrent.atomic.AtomicLong();

  /**
   * Creates the shuffle of the TaskExecutor at {@code taskExecutorAddress}, whose in-process channels
   * come from {@code local} and network ones from {@code remote} (started).
   */
  public NetworkShuffleEnvironment(String taskExecutorAddress, LocalShuffleEnvironment local,
      RemoteShuffleService remote) {
    this.taskExecutorAddress = taskExecutorAddress;
    this.local = local;
    this.remote = remote;
  }

  private boolean inProcess(SubtaskLocation peer) {
    return peer == null || peer.dataAddress() == null || peer.taskExecutorAddress().equals(taskExecutorAddress);
  }

  @Override
  public LocalChannel producerEnd(ChannelId id, SubtaskLocation consumer, Supplier<TypeSerializer<?>> serializer) {
    if (inProcess(consumer)) {
      return local.channel(id);
    }
    networkEnds.incrementAndGet();
    return remote.outbound(id, consumer.dataAddress(), serializer.get(), local.channelCapacity());
  }

  @Override
  public LocalChannel consumerEnd(ChannelId id, SubtaskLocation producer, Supplier<TypeSerializer<?>> serializer) {
    if (inProcess(producer)) {
      return local.channel(id);
    }
    networkEnds.incrementAndGet();
    return remote.inbound(id, producer.dataAddress(), serializer.get(), local.channelCapacity());
  }

  @Override
  public void abandon(ChannelId id, boolean producerSide) {
    if (producerSide) {
      remote.abandonOutbound(id);
    } else {
      remote.releaseInbound(id);
    }
  }

  @Override
  public int batchSize() {
    return local.batchSize();
  }

  @Override
  public void releaseJob(JobID jobId) {
    local.releaseJob(jobId);
  }

  /** How many channel ends this shuffle has opened over the network so far. */
  public long networkChannelEnds() {
    return networkEnds.get();
  }
}
