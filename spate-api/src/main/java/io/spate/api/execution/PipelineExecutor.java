package io.spate.api.execution;

import io.spate.api.annotation.Internal;
import io.spate.api.common.JobClient;
import io.spate.api.dag.StreamGraph;

/** Runs a validated stream graph somewhere: on an embedded local cluster, or on a remote one. */
@Internal
public interface PipelineExecutor {

  /** Submits {@code graph}; the returned client follows the job. */
  JobClient execute(StreamGraph graph) throws Exception;
}
