package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

  @Test
  void showsRecordsAndElapsedTime() {
    JobProgress progress = new JobProgress(JobStatus.RUNNING, 1_234_567, Duration.ofMillis(2_500));
    assertThat(ProgressDisplay.format("WordCount", progress))
        .isEqualTo("WordCount: 1,234,567 records processed, 2.5 s elapsed");
  }

  @Test
  void elapsedTimeGrowsIntoMinutesAndHours() {
    assertThat(ProgressDisplay.formatElapsed(Duration.ZERO)).isEqualTo("0.0 s");
    assertThat(ProgressDisplay.formatElapsed(Duration.ofMillis(59_949))).isEqualTo("59.9 s");
    assertThat(ProgressDisplay.formatElapsed(Duration.ofSeconds(65))).isEqualTo("1:05 min");
    assertThat(ProgressDisplay.formatElapsed(Duration.ofSeconds(3 * 3600 + 2 * 60 + 1))).isEqualTo("3:02:01 h");
  }

  @Test
  void longJobNamesAreShortened() {
    JobProgress progress = new JobProgress(JobStatus.RUNNING, 0, Duration.ZERO);
    assertThat(ProgressDisplay.format("x".repeat(100), progress))
        .startsWith("x".repeat(37) + "...: 0 records");
  }
}
