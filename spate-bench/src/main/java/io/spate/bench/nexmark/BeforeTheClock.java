package io.spate.bench.nexmark;

import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;

/**
 * What every runner (Spate, Flink, the baseline) does before it starts timing its job: the one-time
 * work of the benchmark itself, which no engine should be charged for.
 */
public final class BeforeTheClock {

  private BeforeTheClock() {}

  /**
   * Loads the event-time formats (see {@link EventTimeFormat#loadBeforeAJob}) and builds the
   * generator's string tables. The first generator of a JVM builds those tables, some 20 to 30 ms of
   * interpreted code; inside a job that lasts half a second they would weigh on the fastest engine
   * most.
   */
  public static void prepare(NexmarkConfiguration configuration) {
    EventTimeFormat.loadBeforeAJob();
    new NexmarkGenerator(configuration);
  }
}
