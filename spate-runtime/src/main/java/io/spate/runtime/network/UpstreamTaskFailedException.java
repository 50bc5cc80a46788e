package io.spate.runtime.network;

import java.io.IOException;

/**
 * A consuming task's channel was failed by its producer, which ended abnormally (it failed or was
 * cancelled). The consumer's failure is a consequence: the producer's own failure is the one to
 * report and recover from.
 */
public final class UpstreamTaskFailedException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The failure of the channel named {@code channel}, for {@code cause}. */
  public UpstreamTaskFailedException(String channel, String cause) {
    super("Channel " + channel + " failed: " + cause);
  }

  /** Whether {@code failure} or one of its causes is an upstream task's failure. */
  public static boolean isCauseOf(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 64; t = t.getCause(), depth++) {
      if (t instanceof UpstreamTaskFailedException) {
        return true;
      }
    }
    return false;
  }
}
