package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobStatus;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A task whose user code blocks inside a step still stops when the job is cancelled. */
class BlockedTaskCancellationTest {

  static final CountDownLatch ENTERED = new CountDownLatch(1);
  static final CountDownLatch NEVER = new CountDownLatch(1);

  static final class BlockingSink implements Sink<Long> {
    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Long element, Context ctx) throws InterruptedException {
          ENTERED.countDown();
          NEVER.await();
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  @Test
  void cancelInterruptsUserCodeBlockedInAStep() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 1_000_000).sinkTo(new BlockingSink());
    JobClient client = env.executeAsync("blocked");
    assertThat(ENTERED.await(30, TimeUnit.SECONDS)).isTrue();
    client.cancel().get(60, TimeUnit.SECONDS);
    assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
    assertThatThrownBy(() -> client.getJobExecutionResult().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(JobExecutionException.class)
        .hasMessageContaining("cancelled");
  }
}
