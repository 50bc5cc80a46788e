package io.spate.clitest;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import java.util.concurrent.locks.LockSupport;

/**
 * A job with keyed state that runs until it is stopped and checkpoints only once a minute, so that
 * a savepoint stays among the latest entries of its checkpoint history.
 */
public final class RareCheckpointsJob {

  private RareCheckpointsJob() {}

  /** Runs the job under the name given as the first argument. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(60_000);
    env.fromSequence(1, Long.MAX_VALUE)
        .map(value -> {
          if (value % 100 == 0) {
            LockSupport.parkNanos(5_000_000);
          }
          return value;
        }, Types.LONG)
        .keyBy(value -> value % 10, Types.LONG)
        .reduce(Long::sum)
        .uid("sums")
        .discard();
    env.execute(args[0]);
  }
}
