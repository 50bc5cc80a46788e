package io.spate.clitest;

import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import java.util.concurrent.locks.LockSupport;

/**
 * An endless job whose sink takes about a millisecond per record, after a keyed exchange from an
 * unthrottled source: only backpressure keeps the source at the sink's pace.
 */
public final class SlowSinkJob {

  private SlowSinkJob() {}

  /** Runs the job under the name given as the first argument. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromSequence(0, Long.MAX_VALUE)
        .keyBy(x -> x % 2, Types.LONG)
        .map(x -> x).returns(Types.LONG)
        .sinkTo(new SlowSink());
    env.execute(args[0]);
  }

  /** Parks a millisecond per record. */
  public static final class SlowSink implements Sink<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
      return new SlowWriter();
    }
  }

  /** The writer of {@link SlowSink}. */
  public static final class SlowWriter implements SinkWriter<Long> {
    @Override
    public void write(Long element, Context ctx) {
      LockSupport.parkNanos(1_000_000);
    }

    @Override
    public void flush(boolean endOfInput) {}
  }
}
