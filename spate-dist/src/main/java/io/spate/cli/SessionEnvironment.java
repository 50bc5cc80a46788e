package io.spate.cli;

import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.dag.StreamGraph;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import java.util.function.Consumer;

/**
 * The environment of a program that a session cluster runs from an uploaded jar: its jobs go to that
 * cluster instead of an embedded one of their own.
 */
final class SessionEnvironment extends StreamExecutionEnvironment {

  private final MiniCluster cluster;
  private final Consumer<JobClient> onSubmitted;

  SessionEnvironment(Configuration configuration, ClassLoader userClassLoader, MiniCluster cluster,
      Consumer<JobClient> onSubmitted) {
    super(configuration);
    setUserClassLoader(userClassLoader);
    this.cluster = cluster;
    this.onSubmitted = onSubmitted;
  }

  @Override
  public JobClient executeAsync(String jobName) throws Exception {
    StreamGraph graph = getStreamGraph(jobName);
    JobClient client = cluster.submitJob(JobGraphGenerator.generate(graph)).join();
    onSubmitted.accept(client);
    return client;
  }
}
