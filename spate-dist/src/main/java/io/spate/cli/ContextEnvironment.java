package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.api.connector.sink.lib.PrintSink;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.dag.SinkTransformation;
import io.spate.api.dag.SourceTransformation;
import io.spate.api.dag.StreamGraph;
import io.spate.api.dag.Transformation;
import io.spate.api.datastream.StreamExecutionEnvironment;

/**
 * The environment a job's {@code main} gets under the CLI: the CLI's settings with the program's
 * own on top, the job's class loader, and a progress line for bounded jobs.
 */
final class ContextEnvironment extends StreamExecutionEnvironment {

  private volatile String lastJobName = "";
  private volatile boolean lastJobShowsProgress;

  ContextEnvironment(Configuration configuration, ClassLoader userClassLoader, ProgressDisplay progress,
      JobAnnouncer announcer) {
    super(configuration);
    setUserClassLoader(userClassLoader);
    if (progress != null) {
      registerJobListener(progress.listenerFor(this));
    }
    registerJobListener(announcer.listener());
  }

  @Override
  public StreamGraph getStreamGraph(String jobName) {
    StreamGraph graph = super.getStreamGraph(jobName);
    lastJobName = jobName;
    lastJobShowsProgress = isBounded(graph) && !printsToConsole(graph);
    return graph;
  }

  /** The name of the job whose graph was built last. */
  String lastJobName() {
    return lastJobName;
  }

  /**
   * Whether the job whose graph was built last gets a progress line: it must end, and must not
   * print its records to the terminal that the line would garble.
   */
  boolean lastJobShowsProgress() {
    return lastJobShowsProgress;
  }

  static boolean isBounded(StreamGraph graph) {
    if (graph.runtimeMode() == RuntimeExecutionMode.BATCH) {
      return true;
    }
    for (Transformation<?> t : graph.transformations()) {
      if (t instanceof SourceTransformation<?> source
          && source.getSource().getBoundedness() != Boundedness.BOUNDED) {
        return false;
      }
    }
    return true;
  }

  private static boolean printsToConsole(StreamGraph graph) {
    for (Transformation<?> t : graph.transformations()) {
      if (t instanceof SinkTransformation<?> sink && sink.getSink() instanceof PrintSink<?>) {
        return true;
      }
    }
    return false;
  }
}
