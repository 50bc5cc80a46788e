package io.spate.clitest;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import java.util.concurrent.locks.LockSupport;

/** A job of 20 vertices (a source, 18 maps, a sink; chaining off) that runs until it is stopped. */
public final class TwentyVertexJob {

  private TwentyVertexJob() {}

  /** Runs the job under the name given as the first argument. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.disableOperatorChaining();
    DataStream<Long> stream = env.fromSequence(1, Long.MAX_VALUE).map(value -> {
      // A few hundred records a second: live, but leaving the cores to the browser being measured.
      LockSupport.parkNanos(2_000_000);
      return value;
    }, Types.LONG).name("Throttle");
    for (int i = 1; i < 18; i++) {
      stream = stream.map(value -> value + 1, Types.LONG).name("Step " + i);
    }
    stream.discard();
    env.execute(args[0]);
  }
}
