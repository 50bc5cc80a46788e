package io.spate.runtime.jobmaster.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobExecutionException;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestartStrategyOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.MapFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A strategy of Flink's {@code RestartStrategies}, set on the {@code ExecutionConfig} or the
 * environment, drives how often a failing job is restarted on an embedded cluster.
 */
class FlinkRestartStrategiesE2ETest {

  /** Attempts of the job so far: the one record of each attempt passes the map once. */
  private static final AtomicInteger ATTEMPTS = new AtomicInteger();

  /** Fails the first {@code failures} attempts, then passes its records on. */
  private static final class FailingAttempts implements MapFunction<Integer, Integer> {
    private final int failures;

    FailingAttempts(int failures) {
      this.failures = failures;
    }

    @Override
    public Integer map(Integer value) {
      if (ATTEMPTS.incrementAndGet() <= failures) {
        throw new IllegalStateException("planned failure of attempt " + ATTEMPTS.get());
      }
      return value;
    }
  }

  @BeforeEach
  void resetAttempts() {
    ATTEMPTS.set(0);
  }

  @Test
  void aFixedDelayStrategyOnTheExecutionConfigRestartsUpToItsLimitThenFailsTheJob() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().setRestartStrategy(RestartStrategies.fixedDelayRestart(2, 0L));
    env.fromData(1).map(new FailingAttempts(Integer.MAX_VALUE)).discard();
    assertThatThrownBy(() -> env.execute("always failing"))
        .isInstanceOf(JobExecutionException.class)
        .hasStackTraceContaining("planned failure of attempt 3");
    assertThat(ATTEMPTS.get()).as("the first attempt and two restarts").isEqualTo(3);
  }

  @Test
  void aJobThatFailsNoMoreOftenThanAllowedFinishesWithAllItsRecords() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().setRestartStrategy(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(1)));
    List<Integer> out = new ArrayList<>();
    try (var results = env.fromData(7).map(new FailingAttempts(2)).executeAndCollect()) {
      results.forEachRemaining(out::add);
    }
    assertThat(out).containsExactly(7);
    assertThat(ATTEMPTS.get()).isEqualTo(3);
  }

  @Test
  void theExecutionRetriesOfOlderProgramsAreAFixedDelayStrategy() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().setExecutionRetryDelay(0).setNumberOfExecutionRetries(1);
    env.fromData(1).map(new FailingAttempts(Integer.MAX_VALUE)).discard();
    assertThatThrownBy(() -> env.execute("retried once")).isInstanceOf(JobExecutionException.class);
    assertThat(ATTEMPTS.get()).isEqualTo(2);
  }

  @Test
  void noRestartSetOnTheEnvironmentFailsTheJobAtTheFirstFailure() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(1_000);
    env.setRestartStrategy(RestartStrategies.noRestart());
    env.fromData(1).map(new FailingAttempts(Integer.MAX_VALUE)).discard();
    assertThatThrownBy(() -> env.execute("not restarted")).isInstanceOf(JobExecutionException.class);
    assertThat(ATTEMPTS.get()).as("checkpointing alone would restart with exponential delay").isEqualTo(1);
  }

  @Test
  void aFailureRateStrategyFailsTheJobWhenFailuresComeFasterThanAllowed() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setRestartStrategy(RestartStrategies.failureRateRestart(3, Duration.ofHours(1), Duration.ZERO));
    env.fromData(1).map(new FailingAttempts(Integer.MAX_VALUE)).discard();
    assertThatThrownBy(() -> env.execute("too many failures")).isInstanceOf(JobExecutionException.class);
    assertThat(ATTEMPTS.get()).as("three restarts within the hour, the fourth failure ends the job").isEqualTo(4);
  }

  @Test
  void aStrategyNamedInTheConfigurationGivenToTheEnvironmentUnderFlinksOlderKeyDrivesTheRestarts() {
    Configuration conf = new Configuration();
    conf.setString("restart-strategy", "fixed-delay");
    conf.setInteger(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ZERO);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
    env.fromData(1).map(new FailingAttempts(Integer.MAX_VALUE)).discard();
    assertThatThrownBy(() -> env.execute("configured")).isInstanceOf(JobExecutionException.class);
    assertThat(ATTEMPTS.get()).isEqualTo(4);
  }
}
