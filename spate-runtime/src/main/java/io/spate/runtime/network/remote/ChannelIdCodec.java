package io.spate.runtime.network.remote;

import io.netty.buffer.ByteBuf;
import io.spate.api.common.JobID;
import io.spate.runtime.network.ChannelId;

/** Writes and reads a {@link ChannelId} in the frames of the data plane. */
final class ChannelIdCodec {

  /** The number of bytes a channel id takes on the wire. */
  static final int WIRE_SIZE = 8 + 8 + 4 * 4;

  private ChannelIdCodec() {}

  static void write(ChannelId id, ByteBuf out) {
    out.writeLong(id.jobId().upper());
    out.writeLong(id.jobId().lower());
    out.writeInt(id.attempt());
    out.writeInt(id.edgeId());
    out.writeInt(id.producer());
    out.writeInt(id.consumer());
  }

  /** Reads an id written by {@link #write}; throws {@link MalformedFrameException} for negative numbers. */
  static ChannelId read(ByteBuf in) throws MalformedFrameException {
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
}
