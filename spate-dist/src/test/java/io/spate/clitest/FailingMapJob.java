package io.spate.clitest;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;

/** A job whose map function fails on one record. */
public final class FailingMapJob {

  private FailingMapJob() {}

  /** Runs the job; it fails at record 5. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromSequence(1, 10)
        .map(value -> {
          if (value == 5) {
            throw new IllegalStateException("bad record " + value);
          }
          return value;
        }, Types.LONG)
        .name("Picky map")
        .discard();
    env.execute("Failing job");
  }
}
