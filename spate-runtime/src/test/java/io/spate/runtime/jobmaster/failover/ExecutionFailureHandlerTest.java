package io.spate.runtime.jobmaster.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.RestartStrategy;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.JobManagerOptions.FailoverStrategy;
import io.spate.api.configuration.RestartStrategyOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.failover.FailureHandlingResult.Action;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionFailureHandlerTest {

  // Two pipelines that share nothing: vertices 1 -> 2 and 3 -> 4, so two pipelined regions.
  private static final PipelinedRegions TWO_REGIONS =
      PipelinedRegions.of(List.of(1, 2, 3, 4), List.of(new int[] {1, 2}, new int[] {3, 4}));
  private static final int FIRST = TWO_REGIONS.regionOf(1);
  private static final int SECOND = TWO_REGIONS.regionOf(3);
  private static final Throwable CAUSE = new IllegalStateException("boom");

  private static ExecutionFailureHandler handler(int attempts, FailoverStrategy strategy, RuntimeExecutionMode mode,
      PipelinedRegions regions) {
    return new ExecutionFailureHandler(
        new FixedDelayRestartBackoffTimeStrategy(new RestartStrategy.FixedDelay(attempts, Duration.ofMillis(70))),
        regions, strategy, mode);
  }

  private static ExecutionFailureHandler byRegion(int attempts) {
    return handler(attempts, FailoverStrategy.REGION, RuntimeExecutionMode.STREAMING, TWO_REGIONS);
  }

  @Test
  void aSubtaskFailureRestartsOnlyItsRegion() {
    ExecutionFailureHandler handler = byRegion(3);

    FailureHandlingResult result = handler.handle(CAUSE, List.of(2), Set.of());

    assertThat(result.action()).isEqualTo(Action.RESTART_REGIONS);
    assertThat(result.regions()).containsExactly(FIRST);
    assertThat(result.restartNumber()).isEqualTo(1);
    assertThat(handler.restarts()).isEqualTo(1);
    assertThat(handler.backoffMillis()).isEqualTo(70);
  }

  @Test
  void failuresInEveryRegionRestartTheWholeJob() {
    FailureHandlingResult result = byRegion(3).handle(CAUSE, List.of(2, 3), Set.of());

    assertThat(result.action()).isEqualTo(Action.RESTART_JOB);
    assertThat(result.regions()).isEmpty();
    assertThat(result.restartNumber()).isEqualTo(1);
  }

  @Test
  void aFailureOutsideAnySubtaskRestartsTheWholeJob() {
    assertThat(byRegion(3).handle(CAUSE, List.of(), Set.of()).action()).isEqualTo(Action.RESTART_JOB);
  }

  @Test
  void aFailureOfRegionsAlreadyRestartingIsPartOfThatRestartAndUsesUpNoAttempt() {
    ExecutionFailureHandler handler = byRegion(1);
    assertThat(handler.handle(CAUSE, List.of(1), Set.of()).action()).isEqualTo(Action.RESTART_REGIONS);

    for (int i = 0; i < 5; i++) {
      FailureHandlingResult again = handler.handle(CAUSE, List.of(1, 2), Set.of(FIRST));
      assertThat(again.action()).isEqualTo(Action.PART_OF_RESTART);
      assertThat(again.restartNumber()).isZero();
    }

    assertThat(handler.restarts()).isEqualTo(1);
    // The single attempt was used by the first failure, not by those that were part of its restart.
    assertThat(handler.handle(CAUSE, List.of(3), Set.of(FIRST)).action()).isEqualTo(Action.FAIL_JOB);
  }

  @Test
  void aFailureOfARestartingAndARunningRegionRestartsOnlyTheRunningOne() {
    FailureHandlingResult result = byRegion(3).handle(CAUSE, List.of(1, 4), Set.of(FIRST));

    assertThat(result.action()).isEqualTo(Action.RESTART_REGIONS);
    assertThat(result.regions()).containsExactly(SECOND);
  }

  @Test
  void theJobFailsOnceTheRestartStrategyAllowsNoMoreRestarts() {
    ExecutionFailureHandler handler = byRegion(2);
    assertThat(handler.handle(CAUSE, List.of(1), Set.of()).restartNumber()).isEqualTo(1);
    assertThat(handler.handle(CAUSE, List.of(3), Set.of()).restartNumber()).isEqualTo(2);

    FailureHandlingResult third = handler.handle(CAUSE, List.of(1), Set.of());

    assertThat(third.action()).isEqualTo(Action.FAIL_JOB);
    assertThat(handler.restarts()).isEqualTo(2);
  }

  @Test
  void withoutARestartStrategyTheFirstFailureFailsTheJob() {
    ExecutionFailureHandler handler = new ExecutionFailureHandler(NoRestartBackoffTimeStrategy.INSTANCE, TWO_REGIONS,
        FailoverStrategy.REGION, RuntimeExecutionMode.STREAMING);

    assertThat(handler.handle(CAUSE, List.of(2), Set.of()).action()).isEqualTo(Action.FAIL_JOB);
    assertThat(handler.restarts()).isZero();
  }

  @Test
  void theFullStrategyABatchJobAndASingleRegionAlwaysRestartTheWholeJob() {
    PipelinedRegions oneRegion = PipelinedRegions.of(List.of(1, 2), List.<int[]>of(new int[] {1, 2}));
    List<ExecutionFailureHandler> wholeJobOnly = List.of(
        handler(3, FailoverStrategy.FULL, RuntimeExecutionMode.STREAMING, TWO_REGIONS),
        handler(3, FailoverStrategy.REGION, RuntimeExecutionMode.BATCH, TWO_REGIONS),
        handler(3, FailoverStrategy.REGION, RuntimeExecutionMode.STREAMING, oneRegion));

    for (ExecutionFailureHandler handler : wholeJobOnly) {
      assertThat(handler.handle(CAUSE, List.of(2), Set.of()).action()).isEqualTo(Action.RESTART_JOB);
    }
  }

  @Test
  void aJobsConfigurationNamesItsStrategies() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    env.fromSequence(0, 10).rebalance().map(x -> x + 1).discard();
    env.fromSequence(0, 10).rebalance().map(x -> x * 2).discard();
    JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("two pipelines"));

    ExecutionFailureHandler handler = ExecutionFailureHandler.of(job);

    assertThat(handler.regions().size()).isEqualTo(2);
    assertThat(handler.handle(CAUSE, List.of(job.vertices().get(0).getId()), Set.of()).action())
        .isEqualTo(Action.FAIL_JOB);
  }
}
