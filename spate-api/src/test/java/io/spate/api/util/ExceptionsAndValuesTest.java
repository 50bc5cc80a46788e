package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Flink's exception classes keep message and cause; wrappers unwrap; {@link OptionalFailure},
 * {@link Reference} and {@link OptionalConsumer} hold what they were given.
 */
class ExceptionsAndValuesTest {

  private static final IOException CAUSE = new IOException("cause");

  @Test
  void exceptionsKeepMessageAndCause() {
    assertThat(new FlinkException("m")).hasMessage("m").hasNoCause();
    assertThat(new FlinkException(CAUSE)).hasCause(CAUSE).hasMessageContaining("cause");
    assertThat(new FlinkException("m", CAUSE)).hasMessage("m").hasCause(CAUSE);
    assertThat(new FlinkRuntimeException("m", CAUSE)).isInstanceOf(RuntimeException.class).hasCause(CAUSE);
    assertThat(new FlinkRuntimeException(CAUSE)).hasCause(CAUSE);
    assertThat(new FlinkRuntimeException("m")).hasMessage("m");
    assertThat(new FlinkExpectedException("m", CAUSE)).hasMessage("m").hasCause(CAUSE);
    assertThat(new FlinkExpectedException("m")).hasMessage("m");
    assertThat(new FlinkExpectedException(CAUSE)).hasCause(CAUSE);
    assertThat(new ConfigurationException("m", CAUSE)).isInstanceOf(FlinkException.class).hasCause(CAUSE);
    assertThat(new ConfigurationException("m")).hasMessage("m");
    assertThat(new ConfigurationException(CAUSE)).hasCause(CAUSE);
    assertThat(new DynamicCodeLoadingException("m", CAUSE)).isInstanceOf(FlinkException.class).hasCause(CAUSE);
    assertThat(new DynamicCodeLoadingException(CAUSE)).hasCause(CAUSE);
    assertThat(new StateMigrationException("m", CAUSE)).isInstanceOf(FlinkException.class).hasCause(CAUSE);
    assertThat(new StateMigrationException("m")).hasMessage("m");
    assertThat(new StateMigrationException(CAUSE)).hasCause(CAUSE);
    assertThat(StateMigrationException.notSupported()).hasMessage(StateMigrationException.MIGRATION_NOT_SUPPORTED_MSG);
    assertThat(new TraversableOnceException()).hasMessageContaining("only once");
  }

  @Test
  void wrappingRuntimeExceptionsUnwrapToTheInnermostCause() {
    WrappingRuntimeException nested = new WrappingRuntimeException("outer", new WrappingRuntimeException(CAUSE));
    assertThat(nested.unwrap()).isSameAs(CAUSE);
    assertThat(WrappingRuntimeException.wrapIfNecessary(CAUSE)).isInstanceOf(WrappingRuntimeException.class)
        .hasCause(CAUSE);
    IllegalStateException unchecked = new IllegalStateException();
    assertThat(WrappingRuntimeException.wrapIfNecessary(unchecked)).isSameAs(unchecked);
    assertThatThrownBy(() -> WrappingRuntimeException.wrapIfNecessary(new AssertionError("e")))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void autoCloseableAsyncWaitsForItsFutureAndThrowsItsFailure() throws Exception {
    List<String> closed = new ArrayList<>();
    AutoCloseableAsync fine = () -> CompletableFuture.runAsync(() -> closed.add("closed"));
    fine.close();
    assertThat(closed).containsExactly("closed");
    AutoCloseableAsync failing = () -> CompletableFuture.failedFuture(CAUSE);
    assertThatThrownBy(failing::close).isSameAs(CAUSE);
  }

  @Test
  void optionalFailuresHoldAValueOrAFailure() throws Exception {
    OptionalFailure<String> value = OptionalFailure.of("v");
    assertThat(value.isFailure()).isFalse();
    assertThat(value.get()).isEqualTo("v");
    assertThat(value.getUnchecked()).isEqualTo("v");
    assertThatThrownBy(value::getFailureCause).isInstanceOf(IllegalStateException.class);
    OptionalFailure<String> failure = OptionalFailure.ofFailure(CAUSE);
    assertThat(failure.isFailure()).isTrue();
    assertThat(failure.getFailureCause()).isSameAs(CAUSE);
    assertThatThrownBy(failure::get).isInstanceOf(FlinkException.class).hasCause(CAUSE);
    assertThatThrownBy(failure::getUnchecked).isInstanceOf(FlinkRuntimeException.class).hasCause(CAUSE);
    assertThat(OptionalFailure.createFrom(() -> "x")).isEqualTo(OptionalFailure.of("x"))
        .hasSameHashCodeAs(OptionalFailure.of("x"));
    assertThat(OptionalFailure.<String>createFrom(() -> {
      throw CAUSE;
    })).isEqualTo(OptionalFailure.ofFailure(CAUSE));
    assertThat(value.toString()).contains("v");
  }

  @Test
  void referencesAndOptionalConsumers() throws Exception {
    Reference<String> owned = Reference.owned("o");
    Reference<String> borrowed = Reference.borrowed("b");
    assertThat(owned.isOwned()).isTrue();
    assertThat(owned.owned()).contains("o");
    assertThat(borrowed.isOwned()).isFalse();
    assertThat(borrowed.owned()).isEmpty();
    assertThat(borrowed.deref()).isEqualTo("b");
    assertThat(owned.toString()).contains("Owned");

    List<String> seen = new ArrayList<>();
    OptionalConsumer.of(Optional.of("x")).ifPresent(seen::add).ifNotPresent(() -> seen.add("none"));
    OptionalConsumer.of(Optional.<String>empty()).ifPresent(seen::add).ifNotPresent(() -> seen.add("none"));
    assertThat(seen).containsExactly("x", "none");
  }
}
