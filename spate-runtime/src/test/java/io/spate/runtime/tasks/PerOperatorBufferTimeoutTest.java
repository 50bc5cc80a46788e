package io.spate.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.graph.StreamNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** setBufferTimeout on an operator: the timeout its task hands its output over with. */
class PerOperatorBufferTimeoutTest {

  private static JobVertex vertexOf(JobGraph graph, String operator) {
    return graph.vertices().stream()
        .filter(v -> v.getChain().stream().map(StreamNode::getName).anyMatch(operator::equals))
        .findFirst().orElseThrow(() -> new AssertionError("no vertex runs " + operator));
  }

  private static long timeoutOf(JobGraph graph, String operator) {
    return FlushSchedule.bufferTimeoutNanos(vertexOf(graph, operator), graph.configuration());
  }

  @Test
  void anOperatorsTimeoutIsItsTasksAndTheOthersKeepTheJobs() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setBufferTimeout(100);
    env.fromSequence(1, 10).name("src").map(x -> x).name("eager").setBufferTimeout(5)
        .keyBy(x -> x % 2).map(x -> x).name("lazy").setBufferTimeout(-1)
        .keyBy(x -> x % 3).map(x -> x).name("default")
        .keyBy(x -> x % 5).reduce(Long::sum).name("last").discard();
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("buffer-timeouts"));

    assertThat(timeoutOf(graph, "eager")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(5));
    assertThat(timeoutOf(graph, "lazy")).as("-1: only full batches").isEqualTo(Long.MAX_VALUE);
    assertThat(timeoutOf(graph, "default")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
  }

  @Test
  void zeroHandsEveryBatchOverAtOnceEvenWhenTheJobHoldsFullBatches() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setBufferTimeout(-1);
    env.fromSequence(1, 10).name("src").map(x -> x).name("m").setBufferTimeout(0)
        .keyBy(x -> x % 2).reduce(Long::sum).name("r").discard();
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("buffer-timeouts"));

    assertThat(timeoutOf(graph, "m")).isZero();
  }

  @Test
  void aChainHandsOverAsOftenAsItsMostEagerOutputAsks() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setBufferTimeout(100);
    var mapped = env.fromSequence(1, 10).name("src").map(x -> x).name("m");
    mapped.keyBy(x -> x % 2).reduce(Long::sum).name("r1").discard();
    mapped.filter(x -> x > 3).name("f").setBufferTimeout(20).keyBy(x -> x % 2).reduce(Long::sum).name("r2").discard();
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("buffer-timeouts"));

    assertThat(vertexOf(graph, "m")).isSameAs(vertexOf(graph, "f"));
    assertThat(timeoutOf(graph, "m")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
  }

  @Test
  void aTimeoutBelowMinusOneIsRefusedNamingTheOperator() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThatThrownBy(() -> env.fromSequence(1, 10).map(x -> x).name("m").setBufferTimeout(-2))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("'m'").hasMessageContaining("-2");
  }
}
