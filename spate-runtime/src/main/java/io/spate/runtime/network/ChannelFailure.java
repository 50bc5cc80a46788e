package io.spate.runtime.network;

import java.io.IOException;

/**
 * The last element of a channel whose transport failed (a broken or misbehaving network
 * connection): the consuming task reads it after everything that arrived intact and fails with
 * {@link #toException()}.
 *
 * @param channel the name of the failed channel
 * @param cause why it failed
 */
public record ChannelFailure(String channel, String cause) {

  /** The exception the consuming task fails with, naming the channel and the cause. */
  public IOException toException() {
    return new IOException("Channel " + channel + " failed: " + cause);
  }
}
