package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.runtime.jobmaster.ExceptionHistoryEntry.Outcome;
import org.junit.jupiter.api.Test;

/** The bounded exception history of a job and what one entry reports. */
class ExceptionHistoryTest {

  @Test
  void keepsTheNewestEntriesFirstUpToItsBound() {
    ExceptionHistory history = new ExceptionHistory(2);
    for (int i = 0; i < 5; i++) {
      history.add(ExceptionHistoryEntry.of(new IllegalStateException("failure " + i), Outcome.RESTARTED));
    }
    assertThat(history.entries()).extracting(ExceptionHistoryEntry::rootCauseMessage)
        .containsExactly("failure 4", "failure 3");
    ExceptionHistory none = new ExceptionHistory(0);
    none.add(ExceptionHistoryEntry.of(new IllegalStateException("x"), Outcome.FAILED_JOB));
    assertThat(none.entries()).isEmpty();
    assertThatThrownBy(() -> new ExceptionHistory(-1)).hasMessageContaining("rest.exception-history-size");
  }

  @Test
  void reportsTheRootCauseTheLocationAndABoundedTrace() {
    RuntimeException root = new IllegalArgumentException("bad record");
    FailureLocation where = new FailureLocation("Source -> Map", "Map", 1, 2, "taskexecutor-0");
    SubtaskFailure failure = new SubtaskFailure("Job 'j' failed: ...", new RuntimeException("wrapped", root), where);
    ExceptionHistoryEntry entry = ExceptionHistoryEntry.of(failure, Outcome.FAILED_JOB);
    assertThat(entry.rootCauseClass()).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(entry.rootCauseMessage()).isEqualTo("bad record");
    assertThat(entry.description()).isEqualTo("Job 'j' failed: ...");
    assertThat(entry.stackTrace()).startsWith("java.lang.RuntimeException: wrapped").contains("Caused by: "
        + IllegalArgumentException.class.getName() + ": bad record");
    assertThat(entry.location()).isEqualTo(where);

    Throwable deep = new StackOverflowError("deep");
    StackTraceElement frame = new StackTraceElement("a.B", "recurse", "B.java", 1);
    StackTraceElement[] frames = new StackTraceElement[20_000];
    java.util.Arrays.fill(frames, frame);
    deep.setStackTrace(frames);
    ExceptionHistoryEntry overflow = ExceptionHistoryEntry.of(deep, Outcome.RESTARTED);
    assertThat(overflow.stackTrace().length()).isLessThan(ExceptionHistoryEntry.MAX_STACK_TRACE_CHARS + 200);
    assertThat(overflow.stackTrace()).contains("more characters left out");
  }
}
