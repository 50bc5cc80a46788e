package io.spate.clitest;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;

/** A job that runs until it is stopped, with keyed state and checkpoints, for the cluster commands. */
public final class EndlessJob {

  private EndlessJob() {}

  /** Runs the job under the name given as the first argument. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(100);
    env.fromSequence(1, Long.MAX_VALUE)
        .keyBy(value -> value % 10, Types.LONG)
        .reduce(Long::sum)
        .uid("sums")
        .discard();
    env.execute(args[0]);
  }
}
