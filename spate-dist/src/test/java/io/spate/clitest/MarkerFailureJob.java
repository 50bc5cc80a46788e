package io.spate.clitest;

import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.MapFunction;
import io.spate.api.typeinfo.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A job that runs until it is stopped and fails once each time a marker file appears (the test
 * injects a failure by creating it); it restarts after each failure.
 */
public final class MarkerFailureJob {

  private MarkerFailureJob() {}

  /** Runs the job named {@code args[0]}, watching for the marker file {@code args[1]}. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(100, Duration.ofMillis(100)));
    env.fromSequence(1, Long.MAX_VALUE)
        .map(new FailOnMarker(args[1]), Types.LONG)
        .name("Marker watcher")
        .discard();
    env.execute(args[0]);
  }

  /** Fails when the marker exists, deleting it so that the restarted job runs on. */
  public static final class FailOnMarker implements MapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final String marker;

    FailOnMarker(String marker) {
      this.marker = marker;
    }

    @Override
    public Long map(Long value) throws Exception {
      if (value % 1000 == 0) {
        // Slow enough to leave the machine's cores to the browser and the test.
        LockSupport.parkNanos(2_000_000);
        if (Files.deleteIfExists(Path.of(marker))) {
          throw new IllegalStateException("Injected failure at record " + value);
        }
      }
      return value;
    }
  }
}
