package io.spate.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Due processing-time callbacks run in time order when the task steps, and the task asks to be
 * stepped again for the next one: in the millisecond before it often, else shortly before it.
 */
class TaskProcessingTimeServiceTest {

  private static final long STEP_START = 5_000_000_000L;

  private final AtomicLong now = new AtomicLong();
  private final TaskProcessingTimeService service = new TaskProcessingTimeService(now::get);
  private final List<Long> wakeDeadlines = new ArrayList<>();

  @Test
  void withoutTimersNothingRunsAndNoWakeUpIsAskedFor() throws Exception {
    assertThat(service.fireDue(STEP_START, wakeDeadlines::add)).isFalse();
    assertThat(wakeDeadlines).isEmpty();
  }

  @Test
  void aTimerAheadAsksToBeSteppedAMillisecondBeforeIt() throws Exception {
    List<Long> fired = new ArrayList<>();
    service.registerTimer(10, fired::add);
    now.set(5);

    assertThat(service.fireDue(STEP_START, wakeDeadlines::add)).isFalse();

    assertThat(fired).isEmpty();
    assertThat(wakeDeadlines).containsExactly(STEP_START + 4_000_000);
  }

  @Test
  void inTheLastMillisecondTheTaskLooksAgainWithinAHundredMicroseconds() throws Exception {
    service.registerTimer(10, time -> { });
    now.set(9);

    service.fireDue(STEP_START, wakeDeadlines::add);

    assertThat(wakeDeadlines).containsExactly(STEP_START + 100_000);
  }

  @Test
  void dueTimersRunInTimeOrderAndTheNextOneIsWaitedFor() throws Exception {
    List<Long> fired = new ArrayList<>();
    service.registerTimer(12, fired::add);
    service.registerTimer(3, fired::add);
    service.registerTimer(7, fired::add);
    service.registerTimer(2_000, fired::add);
    now.set(12);

    assertThat(service.fireDue(STEP_START, wakeDeadlines::add)).isTrue();

    assertThat(fired).containsExactly(3L, 7L, 12L);
    // a worker never parks for longer than a second anyway
    assertThat(wakeDeadlines).containsExactly(STEP_START + 1_000_000_000);
  }

  @Test
  void withoutAWorkerYetTimersStillRun() throws Exception {
    List<Long> fired = new ArrayList<>();
    service.registerTimer(1, fired::add);
    service.registerTimer(50, fired::add);
    now.set(1);

    assertThat(service.fireDue(STEP_START, null)).isTrue();
    assertThat(fired).containsExactly(1L);
  }
}
