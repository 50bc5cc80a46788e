package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobStatus;
import io.spate.api.common.MultipleParameterTool;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.taskexecutor.DataPlaneSettings;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Global job parameters travel with the job graph: on TaskExecutors that receive every deployment as
 * bytes (as TaskManager processes do), each subtask reads its own copy of them.
 */
class GlobalJobParametersAcrossTaskExecutorsTest {

  /** What each subtask found in open. */
  record Seen(int subtask, ExecutionConfig.GlobalJobParameters parameters, Map<String, String> asMap) {}

  static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();

  static final class ReadParameters extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void open(OpenContext openContext) {
      SEEN.add(new Seen(getRuntimeContext().getIndexOfThisSubtask(),
          getRuntimeContext().getExecutionConfig().getGlobalJobParameters(),
          getRuntimeContext().getGlobalJobParameters()));
    }

    @Override
    public Long map(Long value) {
      return value;
    }
  }

  @Test
  void eachTaskExecutorReadsTheParametersFromTheDeployedGraph() throws Exception {
    SEEN.clear();
    MultipleParameterTool parameters =
        MultipleParameterTool.fromArgs(new String[] {"--input", "a", "--input", "b", "--verbose"});
    // With a data plane, the cluster serializes every RPC message, deployments with their job graph too.
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(2, 1, 1, 16, 64),
        DataPlaneSettings.loopback(), true)) {
      cluster.start();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      env.getConfig().setGlobalJobParameters(parameters);
      env.fromSequence(1, 100).map(new ReadParameters()).discard();
      var client = cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph("parameters")))
          .get(30, TimeUnit.SECONDS);
      JobResult result = cluster.getDispatcherGateway().requestJobResult(client.getJobID()).get(60, TimeUnit.SECONDS);
      assertThat(result.status()).as("the job ended: %s", result.failure()).isEqualTo(JobStatus.FINISHED);
    }
    assertThat(SEEN).extracting(Seen::subtask).containsExactlyInAnyOrder(0, 1);
    for (Seen seen : SEEN) {
      assertThat(seen.parameters()).isInstanceOf(MultipleParameterTool.class).isEqualTo(parameters)
          .isNotSameAs(parameters);
      assertThat(((MultipleParameterTool) seen.parameters()).getMultiParameter("input")).isEqualTo(List.of("a", "b"));
      assertThat(seen.asMap()).isEqualTo(Map.of("input", "b", "verbose", MultipleParameterTool.NO_VALUE_KEY));
    }
  }
}
