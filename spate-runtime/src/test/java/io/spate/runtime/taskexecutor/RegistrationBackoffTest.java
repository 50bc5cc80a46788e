package io.spate.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waits between registration attempts double up to a bound and start over after a success. */
class RegistrationBackoffTest {

  @Test
  void theWaitDoublesUpToTheLongestAndStartsOverAfterAReset() {
    RegistrationBackoff backoff = new RegistrationBackoff(100, 1_000);
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      waits.add(backoff.nextDelayMillis());
    }
    assertThat(waits).containsExactly(100L, 200L, 400L, 800L, 1_000L, 1_000L, 1_000L);
    backoff.reset();
    assertThat(backoff.nextDelayMillis()).isEqualTo(100L);
  }

  @Test
  void nonsenseBoundsAreRejected() {
    assertThatThrownBy(() -> new RegistrationBackoff(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RegistrationBackoff(100, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
