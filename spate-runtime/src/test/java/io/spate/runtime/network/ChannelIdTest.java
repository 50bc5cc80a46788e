package io.spate.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.common.JobID;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The hand-written equality of the ids that key a job's channels and subtask attempts. */
class ChannelIdTest {

  private static final List<JobID> JOBS = List.of(new JobID(1, 2), new JobID(2, 1));

  private static Gen<List<Integer>> fields() {
    // small values, so that two draws are often equal in some fields and not in others
    return lists().of(integers().between(0, 1)).ofSize(5);
  }

  @Test
  void channelIdsAreEqualExactlyWhenEveryFieldIsAndThenHashAlike() {
    qt().withExamples(500).forAll(fields(), fields())
        .checkAssert(ChannelIdTest::channelIdsAreEqualExactlyWhenEveryFieldIsAndThenHashAlike);
  }

  private static void channelIdsAreEqualExactlyWhenEveryFieldIsAndThenHashAlike(List<Integer> x, List<Integer> y) {
    ChannelId a = new ChannelId(JOBS.get(x.get(0)), x.get(1), x.get(2), x.get(3), x.get(4));
    ChannelId b = new ChannelId(JOBS.get(y.get(0)), y.get(1), y.get(2), y.get(3), y.get(4));
    assertThat(a.equals(b)).isEqualTo(x.equals(y));
    if (x.equals(y)) {
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }
    assertThat(a).isNotEqualTo(null).isNotEqualTo(a.toString());
  }

  @Test
  void attemptIdsAreEqualExactlyWhenEveryFieldIsAndThenHashAlike() {
    qt().withExamples(500).forAll(fields(), fields())
        .checkAssert(ChannelIdTest::attemptIdsAreEqualExactlyWhenEveryFieldIsAndThenHashAlike);
  }

  private static void attemptIdsAreEqualExactlyWhenEveryFieldIsAndThenHashAlike(List<Integer> x, List<Integer> y) {
    ExecutionAttemptID a = new ExecutionAttemptID(JOBS.get(x.get(0)), x.get(1), x.get(2), x.get(3));
    ExecutionAttemptID b = new ExecutionAttemptID(JOBS.get(y.get(0)), y.get(1), y.get(2), y.get(3));
    boolean same = x.subList(0, 4).equals(y.subList(0, 4));
    assertThat(a.equals(b)).isEqualTo(same);
    if (same) {
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }
    assertThat(a).isNotEqualTo(null).isNotEqualTo(a.toString());
  }

  @Test
  void refusesNegativeNumbersAndNoJob() {
    assertThatThrownBy(() -> new ChannelId(null, 0, 0, 0, 0)).hasMessageContaining("job id");
    assertThatThrownBy(() -> new ChannelId(JOBS.get(0), 0, -1, 0, 0)).hasMessageContaining("edge -1");
  }
}
