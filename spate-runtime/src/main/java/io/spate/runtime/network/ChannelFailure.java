package io.spate.runtime.network;

import java.io.IOException;

/**
 * The last element of a channel whose transport failed (a broken or misbehaving network
 * connection): the consuming task reads it after everything that arrived intact and fails with
 * {@link #toException()}.
 *
 * @param channel the name of the failed channel
 * @param cause why it failed
 * @param byProducer whether the producing task ended it, having failed or been cancelled itself
 */
public record ChannelFailure(String channel, String cause, boolean byProducer) {

  /** A failure of the transport itself. */
  public ChannelFailure(String channel, String cause) {
    this(channel, cause, false);
  }

  /**
   * The exception the consuming task fails with, naming the channel and the cause; an
   * {@link UpstreamTaskFailedException} when the producer ended the channel.
   */
  public IOException toException() {
    return byProducer ? new UpstreamTaskFailedException(channel, cause)
        : new IOException("Channel " + channel + " failed: " + cause);
  }
}
