package io.spate.runtime.network.remote;

import io.netty.buffer.ByteBuf;
import io.spate.api.common.JobID;

/**
 * Names one channel of the network data plane: the edge {@code edgeId} of a job's execution
 * attempt, from subtask {@code producer} to subtask {@code consumer}.
 *
 * @param jobId the job
 * @param attempt the job's execution attempt (each restart gets fresh channels)
 * @param edgeId the network edge of the job graph
 * @param producer the producing subtask
 * @param consumer the consuming subtask
 */
public record ChannelId(JobID jobId, int attempt, int edgeId, int producer, int consumer) {

  /** The number of bytes a channel id takes on the wire. */
  static final int WIRE_SIZE = 8 + 8 + 4 * 4;

  /** Validates the numbers; the job id must not be null. */
  public ChannelId {
    if (jobId == null) {
      throw new IllegalArgumentException("a channel id needs a job id");
    }
    if (attempt < 0 || edgeId < 0 || producer < 0 || consumer < 0) {
      throw new IllegalArgumentException("negative number in channel id: attempt " + attempt + ", edge "
          + edgeId + ", producer " + producer + ", consumer " + consumer);
    }
  }

  void writeTo(ByteBuf out) {
    out.writeLong(jobId.upper());
    out.writeLong(jobId.lower());
    out.writeInt(attempt);
    out.writeInt(edgeId);
    out.writeInt(producer);
    out.writeInt(consumer);
  }

  /** Reads an id written by {@link #writeTo}; throws {@link MalformedFrameException} for negative numbers. */
  static ChannelId readFrom(ByteBuf in) throws MalformedFrameException {
    if (in.readableBytes() < WIRE_SIZE) {
      throw new MalformedFrameException("frame too short for a channel id: " + in.readableBytes() + " bytes");
    }
    JobID job = new JobID(in.readLong(), in.readLong());
    int attempt = in.readInt();
    int edge = in.readInt();
    int producer = in.readInt();
    int consumer = in.readInt();
    if (attempt < 0 || edge < 0 || producer < 0 || consumer < 0) {
      throw new MalformedFrameException("negative number in channel id " + job + "/" + attempt + "/" + edge + "/"
          + producer + "->" + consumer);
    }
    return new ChannelId(job, attempt, edge, producer, consumer);
  }

  @Override
  public String toString() {
    return jobId + "/" + attempt + "/" + edgeId + "/" + producer + "->" + consumer;
  }
}
