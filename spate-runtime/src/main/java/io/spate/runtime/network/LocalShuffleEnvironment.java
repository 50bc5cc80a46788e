package io.spate.runtime.network;

import io.spate.api.common.JobID;
import io.spate.api.serialization.TypeSerializer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The in-JVM shuffle: hands out the channel between a producing and a consuming subtask of a network
 * edge, creating it on first request from either side, so that tasks can be deployed in any order.
 */
public final class LocalShuffleEnvironment implements ShuffleEnvironment {

  private final Map<ChannelId, LocalChannel> channels = new ConcurrentHashMap<>();
  // By job edge, not by job: a failover may restart only a part of the job (a pipelined region, to
  // which every edge belongs whole) while the rest keeps its channels of an earlier attempt.
  private final Map<EdgeOfJob, Integer> latestAttempt = new ConcurrentHashMap<>();
  private final int channelCapacity;
  private final int batchSize;

  /** Creates the shuffle with {@code channelCapacity} batches of {@code batchSize} records per channel. */
  public LocalShuffleEnvironment(int channelCapacity, int batchSize) {
    if (channelCapacity < 1 || batchSize < 1) {
      throw new IllegalArgumentException("channel capacity and batch size must be positive");
    }
    this.channelCapacity = channelCapacity;
    this.batchSize = batchSize;
  }

  /** The channel {@code id}, created on first request from either end. */
  public LocalChannel channel(ChannelId id) {
    EdgeOfJob edge = new EdgeOfJob(id.jobId(), id.edgeId());
    int attempt = id.attempt();
    if (attempt > latestAttempt.getOrDefault(edge, 0) && raiseLatestAttempt(edge, attempt)) {
      // Once per restart of the edge's tasks: those of earlier attempts have all ended.
      channels.keySet().removeIf(k -> k.jobId().equals(edge.jobId()) && k.edgeId() == edge.edgeId()
          && k.attempt() < attempt);
    }
    return channels.computeIfAbsent(id, k -> new LocalChannel(k.toString(), channelCapacity));
  }

  @Override
  public LocalChannel producerEnd(ChannelId id, SubtaskLocation consumer, Supplier<TypeSerializer<?>> serializer) {
    return channel(id);
  }

  @Override
  public LocalChannel consumerEnd(ChannelId id, SubtaskLocation producer, Supplier<TypeSerializer<?>> serializer) {
    return channel(id);
  }

  /** Nothing to stop: an in-process channel holds references only and goes with its job's attempt. */
  @Override
  public void abandon(ChannelId id, boolean producerSide) {}

  private record EdgeOfJob(JobID jobId, int edgeId) {
    // Written out for the reason JobID's are: generated ones bootstrap method handles when a job is deployed.
    @Override
    public boolean equals(Object o) {
      return o instanceof EdgeOfJob other && jobId.equals(other.jobId) && edgeId == other.edgeId;
    }

    @Override
    public int hashCode() {
      return jobId.hashCode() * 31 + edgeId;
    }
  }

  /** Records {@code attempt} as the edge's latest; true for the one caller that raised it. */
  private boolean raiseLatestAttempt(EdgeOfJob edge, int attempt) {
    boolean[] raised = new boolean[1];
    latestAttempt.compute(edge, (id, previous) -> {
      raised[0] = previous == null || previous < attempt;
      return raised[0] ? attempt : previous;
    });
    return raised[0];
  }

  /** The number of elements a channel holds. */
  public int channelCapacity() {
    return channelCapacity;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public void releaseJob(JobID jobId) {
    channels.keySet().removeIf(k -> k.jobId().equals(jobId));
    latestAttempt.keySet().removeIf(edge -> edge.jobId().equals(jobId));
  }

  /** The number of live channels, for leak checks. */
  public int numberOfChannels() {
    return channels.size();
  }
}
