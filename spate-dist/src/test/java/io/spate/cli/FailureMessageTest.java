package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

  @Test
  void namesTheFailureAndItsRootCause() {
    Exception failure = new RuntimeException("Job 'x' failed in operator 'Map' (subtask 1/2)",
        new IllegalStateException("wrapped", new IOException("disk full")));
    String message = FailureMessage.describe(new InvocationTargetException(failure));
    assertThat(message.lines()).hasSize(2);
    assertThat(message).startsWith("Error: Job 'x' failed in operator 'Map' (subtask 1/2)"
        + System.lineSeparator() + "Root cause: java.io.IOException: disk full (at ");
  }

  @Test
  void aFailureWithoutCauseSaysWhereItWasThrown() {
    String message = FailureMessage.describe(new IllegalArgumentException("bad"));
    assertThat(message).startsWith("Error: bad (at " + getClass().getName());
  }

  @Test
  void aFailureWithoutMessageIsNamedByItsType() {
    Exception failure = new RuntimeException(new NullPointerException());
    assertThat(FailureMessage.describe(failure))
        .contains("Root cause: java.lang.NullPointerException (at ");
  }

  @Test
  void aCycleOfCausesEnds() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second", first);
    first.initCause(second);
    assertThat(FailureMessage.describe(first)).startsWith("Error: first");
  }
}
