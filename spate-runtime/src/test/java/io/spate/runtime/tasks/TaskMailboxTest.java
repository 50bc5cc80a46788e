package io.spate.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Mail wakes the task, raises the hint its source polls look at, and runs in the order it was put. */
class TaskMailboxTest {

  @Test
  void mailRunsInOrderOnTheTaskThreadAndClearsTheHint() {
    TaskMailbox mailbox = new TaskMailbox("t (1/1)");
    AtomicInteger wakes = new AtomicInteger();
    mailbox.setWake(wakes::incrementAndGet);
    List<String> ran = new ArrayList<>();

    mailbox.put(() -> ran.add("first"));
    mailbox.put(() -> ran.add("second"));

    assertThat(wakes).hasValue(2);
    assertThat(mailbox.hasMail()).isTrue();
    assertThat(ran).as("nothing runs before the task runs its mailbox").isEmpty();
    assertThat(mailbox.runAll()).isTrue();
    assertThat(ran).containsExactly("first", "second");
    assertThat(mailbox.hasMail()).isFalse();
    assertThat(mailbox.runAll()).isFalse();
  }

  @Test
  void mailPutBeforeTheTaskHasAWorkerWaitsForIt() {
    TaskMailbox mailbox = new TaskMailbox("t (1/1)");
    List<String> ran = new ArrayList<>();

    mailbox.put(() -> ran.add("early"));

    assertThat(mailbox.runAll()).isTrue();
    assertThat(ran).containsExactly("early");
  }

  @Test
  void clearedMailNeverRuns() {
    TaskMailbox mailbox = new TaskMailbox("t (1/1)");
    List<String> ran = new ArrayList<>();
    mailbox.put(() -> ran.add("dropped"));

    mailbox.clear();

    assertThat(mailbox.runAll()).isFalse();
    assertThat(ran).isEmpty();
  }
}
