package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobStatus;
import io.spate.api.datastream.ClientAndIterator;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamUtils;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** DataStreamUtils reads a stream's records back into the program, from bounded and unbounded jobs. */
class DataStreamUtilsE2ETest {

  @Test
  void collectIteratesOverEveryRecordOfABoundedStream() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> seen = new ArrayList<>();
    try (CloseableIterator<Long> records = DataStreamUtils.collect(env.fromSequence(1, 50).map(x -> x * 2))) {
      records.forEachRemaining(seen::add);
    }
    assertThat(seen).hasSize(50).containsOnly(java.util.stream.LongStream.rangeClosed(1, 50).map(x -> x * 2)
        .boxed().toArray(Long[]::new));
  }

  @Test
  void collectBoundedStreamReturnsAllRecords() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(DataStreamUtils.collectBoundedStream(env.fromElements("a", "b", "c"), "letters"))
        .containsExactly("a", "b", "c");
  }

  @Test
  void collectUnboundedStreamTakesTheFirstRecordsAndCancelsTheJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<Long> first = DataStreamUtils.collectUnboundedStream(env.fromSequence(1, Long.MAX_VALUE), 5, "endless");
    assertThat(first).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void collectWithClientGivesTheRunningJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    ClientAndIterator<Long> job = DataStreamUtils.collectWithClient(env.fromSequence(1, Long.MAX_VALUE), "followed");
    try (job) {
      assertThat(DataStreamUtils.collectRecordsFromUnboundedStream(job, 3)).containsExactly(1L, 2L, 3L);
      assertThat(job.client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
    }
    job.client.getJobExecutionResult().handle((r, e) -> null).get(20, TimeUnit.SECONDS);
    assertThat(job.client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
  }

  @Test
  void askingForMoreRecordsThanABoundedJobHasNamesBothCounts() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    try (ClientAndIterator<Long> job = DataStreamUtils.collectWithClient(env.fromSequence(1, 2), "short")) {
      assertThatThrownBy(() -> DataStreamUtils.collectRecordsFromUnboundedStream(job, 3))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("after 2 records")
          .hasMessageContaining("3 asked for");
    }
  }

  @Test
  void aFailingBoundedJobThrowsItsFailure() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThatThrownBy(() -> DataStreamUtils.collectBoundedStream(env.fromSequence(1, 3).map(x -> {
      if (x == 2) {
        throw new IllegalStateException("record two is bad");
      }
      return x;
    }), "failing")).isInstanceOf(JobExecutionException.class).hasStackTraceContaining("record two is bad");
  }

  /** Counts records per key and emits "key:count". */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class, 0L));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws java.io.IOException {
      count.update(count.value() + 1);
      out.collect(ctx.getCurrentKey() + ":" + count.value());
    }
  }

  @Test
  void aStreamPartitionedByKeyIsReadAsKeyedWithoutAnotherShuffle() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> partitioned = env.fromSequence(1, 100).keyBy(x -> x % 5).map(x -> x);
    DataStreamUtils.reinterpretAsKeyedStream(partitioned, x -> x % 5).process(new CountPerKey()).discard();
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("reinterpreted"));
    // the source, then map and keyed process chained: no hash edge after the map
    assertThat(graph.vertices()).hasSize(2);

    DataStream<Long> again = env.fromSequence(1, 100).keyBy(x -> x % 5).map(x -> x);
    List<String> counts = DataStreamUtils.collectBoundedStream(
        DataStreamUtils.reinterpretAsKeyedStream(again, x -> x % 5, Types.LONG).process(new CountPerKey()), "counts");
    assertThat(counts).hasSize(100).contains("0:20", "1:20", "2:20", "3:20", "4:20");
  }
}
