package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A failure inside an operator names the innermost operator that threw and keeps what it threw. */
class OperatorFailureTest {

  @Test
  void wrapNamesTheOperatorAndKeepsTheCause() {
    IOException cause = new IOException("disk full");

    OperatorFailure failure = OperatorFailure.wrap("Map", cause);

    assertThat(failure.getOperatorName()).isEqualTo("Map");
    assertThat(failure).hasCause(cause).hasMessageContaining("'Map'").hasMessageContaining("disk full");
  }

  @Test
  void wrapKeepsTheOperatorThatAlreadyTaggedTheFailure() {
    OperatorFailure inner = new OperatorFailure("Sink", new IllegalStateException("closed"));

    assertThat(OperatorFailure.wrap("Map", inner)).isSameAs(inner);
  }

  @Test
  void runWrapsWhatTheActionThrows() {
    IOException cause = new IOException("cannot open");

    assertThatThrownBy(() -> OperatorFailure.run("Source", () -> {
      throw cause;
    })).isInstanceOfSatisfying(OperatorFailure.class, f -> {
      assertThat(f.getOperatorName()).isEqualTo("Source");
      assertThat(f.getCause()).isSameAs(cause);
    });
  }

  @Test
  void runLetsAFailureOfAnOperatorDownTheChainPassUnchanged() {
    OperatorFailure downstream = new OperatorFailure("Sink", new ArithmeticException("/ by zero"));

    assertThatThrownBy(() -> OperatorFailure.run("Map", () -> {
      throw downstream;
    })).isSameAs(downstream);
  }

  @Test
  void runRunsTheActionOnceWhenItSucceeds() {
    AtomicInteger calls = new AtomicInteger();

    OperatorFailure.run("Map", calls::incrementAndGet);

    assertThat(calls).hasValue(1);
  }

  @Test
  void keepsTheFailuresSuppressedWhileClosingAfterIt() {
    OperatorFailure failure = OperatorFailure.wrap("Map", new IOException("disk full"));
    IllegalStateException closing = new IllegalStateException("cannot close the writer");

    failure.addSuppressed(closing);

    assertThat(failure.getSuppressed()).containsExactly(closing);
  }
}
