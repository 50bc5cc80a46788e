package io.spate.clitest;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.RichMapFunction;

/**
 * A bounded job for the Prometheus test: a sequence source named {@code numbers} of the first
 * argument's count, a slow map named {@code slowly} (about a millisecond a record, so checkpoints
 * complete while it runs), with checkpoints every 200 ms. Each map subtask lingers two seconds in
 * close, after its last record, so that a scrape sees every subtask's final counts before its metrics
 * are removed.
 */
public final class MetricsJob {

  private MetricsJob() {}

  /** Runs the job: args are the record count and the job's name. */
  public static void main(String[] args) throws Exception {
    long records = Long.parseLong(args[0]);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(200);
    env.fromSequence(1, records).name("numbers")
        .map(new SlowMap()).name("slowly")
        .discard();
    env.execute(args[1]);
  }

  /** Passes records on slowly and lingers in close. */
  public static final class SlowMap extends RichMapFunction<Long, Long> {
    @Override
    public Long map(Long value) throws Exception {
      Thread.sleep(1);
      return value;
    }

    @Override
    public void close() throws Exception {
      Thread.sleep(2_000);
    }
  }
}
