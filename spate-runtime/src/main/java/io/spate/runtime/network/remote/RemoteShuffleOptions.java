package io.spate.runtime.network.remote;

import java.time.Duration;

/**
 * The limits of a process's data plane; every buffer and queue it has is bounded by these and by the
 * channels' capacities.
 *
 * @param ioThreads the event loop threads, shared by all connections
 * @param maxFrameSize the largest frame accepted or sent, in bytes (without its 4-byte length prefix)
 * @param maxConnections the most connections open at once; more are refused
 * @param maxPendingSubscriptions the most subscriptions held for channels whose producer is not deployed yet
 * @param handshakeTimeout how long a new connection may take to say hello
 */
public record RemoteShuffleOptions(
    int ioThreads, int maxFrameSize, int maxConnections, int maxPendingSubscriptions, Duration handshakeTimeout) {

  /** The smallest frame size that fits every control frame. */
  public static final int MIN_FRAME_SIZE = 256;

  /** Validates the limits. */
  public RemoteShuffleOptions {
    if (ioThreads < 1 || maxConnections < 1 || maxPendingSubscriptions < 0) {
      throw new IllegalArgumentException("ioThreads and maxConnections must be positive, maxPendingSubscriptions "
          + "not negative: " + ioThreads + ", " + maxConnections + ", " + maxPendingSubscriptions);
    }
    if (maxFrameSize < MIN_FRAME_SIZE) {
      throw new IllegalArgumentException("maxFrameSize must be at least " + MIN_FRAME_SIZE + ": " + maxFrameSize);
    }
    if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("handshakeTimeout must be positive: " + handshakeTimeout);
    }
  }

  /** Two event loop threads, 8 MiB frames, 1024 connections and pending subscriptions, a 10 s handshake. */
  public static RemoteShuffleOptions defaults() {
    return new RemoteShuffleOptions(2, 8 << 20, 1024, 1024, Duration.ofSeconds(10));
  }

  /** These options with {@code maxFrameSize}. */
  public RemoteShuffleOptions withMaxFrameSize(int maxFrameSize) {
    return new RemoteShuffleOptions(ioThreads, maxFrameSize, maxConnections, maxPendingSubscriptions, handshakeTimeout);
  }
}
