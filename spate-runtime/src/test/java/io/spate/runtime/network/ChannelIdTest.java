package io.spate.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobID;
import io.spate.runtime.tasks.ExecutionAttemptID;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written equality of the ids that key a job's channels and subtask attempts. */
class ChannelIdTest {

  private static final List<JobID> JOBS = List.of(new JobID(1, 2), new JobID(2, 1));

  @Provide
  Arbitrary<List<Integer>> fields() {
    // small values, so that two draws are often equal in some fields and not in others
    return Arbitraries.integers().between(0, 1).list().ofSize(5);
  }

  @Property(tries = 500)
  void channelIdsAreEqualExactlyWhenEveryFieldIsAndThenHashAlike(@ForAll("fields") List<Integer> x,
      @ForAll("fields") List<Integer> y) {
    ChannelId a = new ChannelId(JOBS.get(x.get(0)), x.get(1), x.get(2), x.get(3), x.get(4));
    ChannelId b = new ChannelId(JOBS.get(y.get(0)), y.get(1), y.get(2), y.get(3), y.get(4));
    assertThat(a.equals(b)).isEqualTo(x.equals(y));
    if (x.equals(y)) {
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }
    assertThat(a).isNotEqualTo(null).isNotEqualTo(a.toString());
  }

  @Property(tries = 500)
  void attemptIdsAreEqualExactlyWhenEveryFieldIsAndThenHashAlike(@ForAll("fields") List<Integer> x,
      @ForAll("fields") List<Integer> y) {
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
