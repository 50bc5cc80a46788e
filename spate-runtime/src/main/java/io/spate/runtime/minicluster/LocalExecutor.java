package io.spate.runtime.minicluster;

import io.spate.api.configuration.RestOptions;
import java.io.IOException;
import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.dag.StreamGraph;
import io.spate.api.execution.PipelineExecutor;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.taskexecutor.TaskManagerResources;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.graph.JobVertex;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs each job on its own embedded cluster, sized to the job unless the configuration fixes the
 * number of slots, and stops the cluster when the job ends.
 */
public final class LocalExecutor implements PipelineExecutor {

  private final Configuration configuration;

  /** Creates the executor. */
  public LocalExecutor(Configuration configuration) {
    this.configuration = configuration;
  }

  @Override
  public JobClient execute(StreamGraph graph) throws Exception {
    JobGraph jobGraph = JobGraphGenerator.generate(graph);
    Configuration conf = graph.configuration();
    TaskManagerResources.validateMemory(conf, Runtime.getRuntime().maxMemory());
    int slots = conf.get(TaskManagerOptions.NUM_TASK_SLOTS);
    if (slots <= 0) {
      slots = requiredSlots(jobGraph);
    }
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(1, slots,
        TaskManagerResources.workerThreads(conf), conf.get(TaskManagerOptions.CHANNEL_CAPACITY),
        conf.get(TaskManagerOptions.BATCH_SIZE), HeartbeatSettings.from(conf)));
    cluster.reportingMetricsWith(conf);
    cluster.start();
    try {
      if (conf.get(RestOptions.LOCAL_ENABLED)) {
        cluster.startRestServer(conf);
      }
      JobClient client = cluster.submitJob(jobGraph).join();
      client.getJobExecutionResult().whenComplete((r, e) -> {
        Thread stopper = new Thread(() -> {
          try {
            cluster.close();
          } finally {
            ((ClusterJobClient) client).markClusterStopped();
          }
        }, "spate-local-cluster-stop");
        stopper.setDaemon(true);
        stopper.start();
      });
      return client;
    } catch (RuntimeException | IOException e) {
      cluster.close();
      throw e;
    }
  }

  /** The slots a job needs: per slot sharing group, the highest parallelism in it. */
  static int requiredSlots(JobGraph jobGraph) {
    Map<String, Integer> perGroup = new HashMap<>();
    for (JobVertex vertex : jobGraph.vertices()) {
      perGroup.merge(vertex.getSlotSharingGroup(), vertex.getParallelism(), Math::max);
    }
    return perGroup.values().stream().mapToInt(Integer::intValue).sum();
  }
}
