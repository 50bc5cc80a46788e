package io.spate.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a request for an orderly stop, so that a process can finish its
 * shutdown on its main thread and exit with 0 rather than the 143 of a JVM ended by the signal.
 */
final class ShutdownSignals {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

  private ShutdownSignals() {}

  /** Calls {@code stop} on SIGTERM or SIGINT instead of ending the JVM at once. */
  @SuppressWarnings("removal")
  static void onTermination(Runnable stop) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
          LOG.info("Received SIG{}", name);
          stop.run();
        });
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // Without the signal handler the JVM's shutdown hooks still end the process.
        LOG.warn("Cannot handle SIG{}: {}", name, e.toString());
      }
    }
  }
}
