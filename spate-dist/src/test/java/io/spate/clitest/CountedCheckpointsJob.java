package io.spate.clitest;

import io.spate.api.accumulators.LongCounter;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.typeinfo.Types;
import java.util.concurrent.locks.LockSupport;

/**
 * A job with keyed state that checkpoints every 1.5 s and counts its records into the accumulator
 * "records": endless, or bounded to the count given as the second argument.
 */
public final class CountedCheckpointsJob {

  private CountedCheckpointsJob() {}

  /** Counts every record into the accumulator "records", slowly enough to leave the machine alone. */
  public static final class CountRecords extends RichMapFunction<Long, Long> {
    private final LongCounter records = new LongCounter();

    @Override
    public void open(OpenContext context) {
      getRuntimeContext().addAccumulator("records", records);
    }

    @Override
    public Long map(Long value) {
      records.add(1L);
      if (value % 100 == 0) {
        LockSupport.parkNanos(2_000_000);
      }
      return value;
    }
  }

  /** Runs the job under the name given as the first argument, over the count of the second if given. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1_500);
    long end = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
    env.fromSequence(1, end)
        .map(new CountRecords(), Types.LONG)
        .keyBy(value -> value % 10, Types.LONG)
        .reduce(Long::sum)
        .uid("sums")
        .discard();
    env.execute(args[0]);
  }
}
