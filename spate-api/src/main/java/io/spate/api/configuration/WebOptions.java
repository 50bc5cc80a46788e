package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;

/** Options of what the REST API and its web UI keep for display, under Flink's {@code web.*} keys. */
@PublicEvolving
public final class WebOptions {

  private WebOptions() {}

  /** How many ended checkpoints keep the details of their subtasks' acknowledgements. */
  public static final ConfigOption<Integer> CHECKPOINTS_HISTORY_SIZE = ConfigOption.key("web.checkpoints.history")
      .intType().defaultValue(10)
      .withDescription("How many of a job's latest checkpoints and savepoints that ended keep the acknowledgements of"
          + " their subtasks for GET /jobs/{jobid}/checkpoints/details/{checkpointid}; those in progress always do.");
}
