package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Flink's names on {@link TaskInfo}, {@link JobStatus}, {@link JobExecutionResult} and {@link InvalidProgramException}. */
class FlinkJobInfoNamesTest {

  @Test
  void taskInfoGettersGiveTheRecordsValues() {
    TaskInfo info = new TaskInfo("Map", 1, 4, 128, 2);
    assertThat(info.getTaskName()).isEqualTo("Map");
    assertThat(info.getIndexOfThisSubtask()).isEqualTo(1);
    assertThat(info.getNumberOfParallelSubtasks()).isEqualTo(4);
    assertThat(info.getMaxNumberOfParallelSubtasks()).isEqualTo(128);
    assertThat(info.getAttemptNumber()).isEqualTo(2);
  }

  @Test
  void terminalStatesAreTheEndedOnes() {
    for (JobStatus status : JobStatus.values()) {
      assertThat(status.isTerminalState()).isEqualTo(status.isTerminal());
      assertThat(status.isGloballyTerminalState()).isEqualTo(status.isTerminal());
    }
    assertThat(JobStatus.FINISHED.isGloballyTerminalState()).isTrue();
    assertThat(JobStatus.RESTARTING.isTerminalState()).isFalse();
  }

  @Test
  void aResultGivesItsRuntimeInAnyUnit() {
    JobExecutionResult result = new JobExecutionResult(new JobID(1, 2), 90_500L, Map.of("numRestarts", 0L));
    assertThat(result.netRuntime()).isEqualTo(Duration.ofMillis(90_500));
    assertThat(result.getNetRuntime(TimeUnit.SECONDS)).isEqualTo(90);
    assertThat(result.getNetRuntime(TimeUnit.MINUTES)).isEqualTo(1);
    assertThat(result.isJobExecutionResult()).isTrue();
    assertThat(result.getJobExecutionResult()).isSameAs(result);
    assertThat(new InvalidProgramException()).hasMessage(null);
  }
}
