package io.spate.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.dag.OneInputTransformation;
import io.spate.api.operators.builtin.AsyncWaitOperatorFactory;
import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.async.AsyncFunction;
import io.spate.api.functions.async.AsyncRetryStrategies;
import io.spate.api.functions.async.ResultFuture;
import io.spate.api.typeinfo.Types;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How {@code AsyncDataStream} builds the graph: settings, validation, output type and chaining. */
class AsyncDataStreamGraphTest {

  static final class Describe implements AsyncFunction<Long, String> {
    @Override
    public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
      resultFuture.complete(List.of("n" + input));
    }
  }

  @Test
  void theAsyncOperatorHeadsItsChainAndItsSuccessorsChainToIt() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> mapped = env.fromSequence(1, 10).name("src").map(x -> x + 1).name("m");
    AsyncDataStream.unorderedWait(mapped, new Describe(), Duration.ofSeconds(1)).name("lookup")
        .map(String::length).name("len").discard();
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("async-graph"));
    List<List<String>> chains = graph.vertices().stream()
        .map(v -> v.getChain().stream().map(StreamNode::getName).collect(Collectors.toList()))
        .collect(Collectors.toList());
    assertThat(chains).hasSize(2);
    assertThat(chains.get(0)).containsExactly("src", "m");
    assertThat(chains.get(1)).startsWith("lookup", "len");
  }

  @Test
  void recordsTheSettingsAndTheOutputType() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    SingleOutputStreamOperator<String> out =
        AsyncDataStream.orderedWait(env.fromSequence(1, 10), new Describe(), 3, TimeUnit.SECONDS);
    AsyncWaitOperatorFactory<?, ?> spec = (AsyncWaitOperatorFactory<?, ?>) ((OneInputTransformation<?, ?>) out.getTransformation()).getOperatorFactory();
    assertThat(spec.ordered()).isTrue();
    assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(spec.capacity()).isEqualTo(AsyncDataStream.DEFAULT_QUEUE_CAPACITY);
    assertThat(spec.retryStrategy()).isNull();
    assertThat(out.getType()).isEqualTo(Types.STRING);
  }

  @Test
  @SuppressWarnings("unchecked")
  void rejectsBadSettingsWithPreciseMessages() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Long> in = env.fromSequence(1, 10);
    assertThatThrownBy(() -> AsyncDataStream.orderedWait(in, new Describe(), Duration.ofSeconds(1), 0))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("capacity must be positive, got 0");
    assertThatThrownBy(() -> AsyncDataStream.unorderedWait(in, new Describe(), Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> AsyncDataStream.unorderedWait(in, null, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("must not be null");
    assertThatThrownBy(() -> AsyncDataStream.orderedWaitWithRetry(in, new Describe(), Duration.ofSeconds(1), 5, null))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("NO_RETRY_STRATEGY");
    assertThatThrownBy(() -> new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(0, 10))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("maxAttempts must be at least 1");
    assertThatThrownBy(() -> new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<String>(3, 100, 10, 2.0))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("maxRetryDelay");
    AsyncWaitOperatorFactory<?, ?> spec = (AsyncWaitOperatorFactory<?, ?>) ((OneInputTransformation<?, ?>) AsyncDataStream
        .orderedWaitWithRetry(in, new Describe(), Duration.ofSeconds(1), 5, AsyncRetryStrategies.NO_RETRY_STRATEGY)
        .getTransformation()).getOperatorFactory();
    assertThat(spec.retryStrategy()).isNull();
  }

  @Test
  void theExponentialBackoffGrowsUpToItsMaximum() {
    var strategy = new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<String>(
        4, Duration.ofMillis(10), Duration.ofMillis(50), 2.0).build();
    assertThat(List.of(1, 2, 3, 4).stream().map(strategy::getBackoffTimeMillis)).containsExactly(10L, 20L, 40L, 50L);
    assertThat(strategy.canRetry(4)).isTrue();
    assertThat(strategy.canRetry(5)).isFalse();
  }
}
