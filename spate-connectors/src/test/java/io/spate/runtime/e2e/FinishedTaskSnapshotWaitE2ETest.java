package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A task whose input has ended but whose checkpoint is still being written waits for it without
 * holding its worker: on a single worker thread, another pipeline of the same job keeps running
 * to its end meanwhile.
 */
class FinishedTaskSnapshotWaitE2ETest {

  private static final CountDownLatch SNAPSHOT_WRITING = new CountDownLatch(1);
  private static final CountDownLatch RELEASE = new CountDownLatch(1);
  private static final AtomicInteger STATEFUL_RECORDS = new AtomicInteger();

  /** Held in keyed state; its snapshot thread, the only reader of the payload, waits until released. */
  public record Held(String payload) {
    @Override
    public String payload() {
      SNAPSHOT_WRITING.countDown();
      try {
        if (!RELEASE.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the snapshot");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return payload;
    }
  }

  /** Keeps the latest record of its key in state. */
  static final class Keep extends RichMapFunction<Long, Long> {
    private transient ValueState<Held> held;

    @Override
    public void open(OpenContext context) {
      held = getRuntimeContext().getState(new ValueStateDescriptor<>("held", Types.RECORD(Held.class)));
    }

    @Override
    public Long map(Long value) throws Exception {
      held.update(new Held("record " + value));
      STATEFUL_RECORDS.incrementAndGet();
      return value;
    }
  }

  @Test
  void anotherPipelineOnTheSameWorkerRunsOnWhileAFinishedTaskWaitsForItsSnapshot() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfiguration().setString("taskmanager.worker-threads", "1");
    env.enableCheckpointing(10);
    // The stateful pipeline: 300 records over about 0.3 s, long enough for a checkpoint to start.
    env.fromSource(new DataGeneratorSource<>(i -> i, 300, RateLimiterStrategy.perSecond(1_000), Types.LONG),
            WatermarkStrategy.noWatermarks(), "stateful input")
        .keyBy(x -> x % 3).map(new Keep()).discard();
    // The other pipeline: 50 records over about 0.5 s, so most of it comes after the first one ended.
    E2eSupport.RecordingSink<Long> sink = new E2eSupport.RecordingSink<>();
    env.fromSource(new DataGeneratorSource<>(i -> i, 50, RateLimiterStrategy.perSecond(100), Types.LONG),
        WatermarkStrategy.noWatermarks(), "other input").sinkTo(sink);

    JobClient client = env.executeAsync("finished task waits for its snapshot");
    try {
      assertThat(SNAPSHOT_WRITING.await(30, TimeUnit.SECONDS)).as("a checkpoint started writing the state").isTrue();
      // The stateful pipeline ends while its snapshot is held: had its task blocked the one worker
      // until the snapshot was written, the other pipeline could not finish before the release.
      Await.until(Duration.ofSeconds(30), () -> String.format(
              "both inputs processed while the snapshot is held (stateful %d of 300, other %d of 50)",
              STATEFUL_RECORDS.get(), sink.landed().size()),
          () -> STATEFUL_RECORDS.get() == 300 && sink.landed().size() == 50);
      assertThat(RELEASE.getCount()).isOne();
    } finally {
      RELEASE.countDown();
    }
    E2eSupport.awaitResult(client);
  }
}
