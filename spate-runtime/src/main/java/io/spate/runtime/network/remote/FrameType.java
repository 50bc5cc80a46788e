package io.spate.runtime.network.remote;

/** The kinds of frame of the data protocol, with the byte that tags each on the wire. */
enum FrameType {
  /** Consumer to producer: start sending a channel; payload: the initial credit (int). */
  SUBSCRIBE(1, true),
  /** Consumer to producer: the consumer freed slots; payload: how many (int). */
  ADD_CREDIT(2, true),
  /** Producer to consumer: a record batch, costs one credit. */
  BATCH(3, true),
  /** Producer to consumer: a watermark, status, aligned barrier or end of partition, costs one credit. */
  EVENT(4, true),
  /** Producer to consumer: a barrier of an unaligned checkpoint, sent at once and without credit. */
  PRIORITY_EVENT(5, true),
  /** Either way: the sending side failed this channel; payload: the reason (UTF-8). */
  CHANNEL_ERROR(6, true),
  /**
   * Consumer to producer: the consumer is done with a channel (it read the end, failed or was
   * released), so the producer forgets it. The producer answers with the same frame: frames it sent
   * before it read the close may reach the consumer until then, and the consumer drops them. No
   * payload.
   */
  CHANNEL_CLOSE(7, true),
  /** Either way: the sender closes the whole connection; payload: the reason (UTF-8); no channel id. */
  CONNECTION_CLOSE(8, false);

  private static final FrameType[] BY_TAG = new FrameType[9];

  static {
    for (FrameType type : values()) {
      BY_TAG[type.tag] = type;
    }
  }

  final byte tag;
  final boolean hasChannel;

  FrameType(int tag, boolean hasChannel) {
    this.tag = (byte) tag;
    this.hasChannel = hasChannel;
  }

  /** The type tagged {@code tag}, or null if there is none. */
  static FrameType of(byte tag) {
    return tag > 0 && tag < BY_TAG.length ? BY_TAG[tag] : null;
  }
}
