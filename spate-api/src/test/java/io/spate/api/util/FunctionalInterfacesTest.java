package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The functional interfaces that may throw, their {@code unchecked} adapters (a checked exception
 * wrapped in a RuntimeException, unchecked ones and errors as they are), and {@link FunctionUtils}.
 */
class FunctionalInterfacesTest {

  private static final IOException CHECKED = new IOException("disk gone");
  private static final IllegalStateException UNCHECKED = new IllegalStateException("bad state");

  @Test
  void uncheckedAdaptersPassResultsAndWrapOnlyCheckedExceptions() {
    assertThat(FunctionWithException.<Integer, Integer>unchecked(x -> x + 1).apply(1)).isEqualTo(2);
    assertThatThrownBy(() -> FunctionWithException.<Integer, Integer>unchecked(x -> {
      throw CHECKED;
    }).apply(1)).isExactlyInstanceOf(RuntimeException.class).hasCause(CHECKED);
    assertThatThrownBy(() -> FunctionWithException.<Integer, Integer>unchecked(x -> {
      throw UNCHECKED;
    }).apply(1)).isSameAs(UNCHECKED);

    assertThat(BiFunctionWithException.<Integer, Integer, Integer>unchecked((a, b) -> a * b).apply(3, 4)).isEqualTo(12);
    assertThatThrownBy(() -> BiFunctionWithException.<Integer, Integer, Integer>unchecked((a, b) -> {
      throw CHECKED;
    }).apply(3, 4)).hasCause(CHECKED);

    List<String> seen = new ArrayList<>();
    BiConsumerWithException.<String, String>unchecked((a, b) -> seen.add(a + b)).accept("x", "y");
    ThrowingConsumer.<String>unchecked(seen::add).accept("z");
    TriConsumerWithException.<String, String, String>unchecked((a, b, c) -> seen.add(a + b + c)).accept("1", "2", "3");
    assertThat(seen).containsExactly("xy", "z", "123");
    assertThatThrownBy(() -> ThrowingConsumer.<String>unchecked(s -> {
      throw CHECKED;
    }).accept("z")).hasCause(CHECKED);
    assertThatThrownBy(() -> TriConsumerWithException.<String, String, String>unchecked((a, b, c) -> {
      throw CHECKED;
    }).accept("1", "2", "3")).hasCause(CHECKED);

    assertThat(TriFunctionWithException.<Integer, Integer, Integer, Integer>unchecked((a, b, c) -> a + b + c)
        .apply(1, 2, 3)).isEqualTo(6);
    assertThatThrownBy(() -> TriFunctionWithException.<Integer, Integer, Integer, Integer>unchecked((a, b, c) -> {
      throw CHECKED;
    }).apply(1, 2, 3)).hasCause(CHECKED);

    AtomicInteger runs = new AtomicInteger();
    ThrowingRunnable.unchecked(runs::incrementAndGet).run();
    assertThat(runs).hasValue(1);
    assertThatThrownBy(() -> ThrowingRunnable.unchecked(() -> {
      throw CHECKED;
    }).run()).hasCause(CHECKED);
    assertThatThrownBy(() -> ThrowingRunnable.unchecked(() -> {
      throw new AssertionError("an error");
    }).run()).isInstanceOf(AssertionError.class).hasMessage("an error");
  }

  @Test
  void theOtherInterfacesCarryTheirLambdas() throws Exception {
    RunnableWithException runnable = () -> {
      throw CHECKED;
    };
    assertThatThrownBy(runnable::run).isSameAs(CHECKED);
    SupplierWithException<String, IOException> supplier = () -> "s";
    SerializableSupplierWithException<String, IOException> serializable = () -> "t";
    LongFunctionWithException<String, IOException> longs = Long::toHexString;
    TriFunction<Integer, Integer, Integer, Integer> tri = (a, b, c) -> a * b * c;
    QuadFunction<Integer, Integer, Integer, Integer, Integer> quad = (a, b, c, d) -> a + b + c + d;
    List<Integer> consumed = new ArrayList<>();
    TriConsumer<Integer, Integer, Integer> triConsumer = (a, b, c) -> consumed.add(a + b + c);
    QuadConsumer<Integer, Integer, Integer, Integer> quadConsumer = (a, b, c, d) -> consumed.add(a * b * c * d);
    triConsumer.accept(1, 2, 3);
    quadConsumer.accept(1, 2, 3, 4);
    assertThat(supplier.get() + serializable.get() + longs.apply(255)).isEqualTo("stff");
    assertThat(tri.apply(2, 3, 4)).isEqualTo(24);
    assertThat(quad.apply(1, 2, 3, 4)).isEqualTo(10);
    assertThat(consumed).containsExactly(6, 24);
  }

  @Test
  void checkedSuppliersConvertToAndFromSuppliersThroughCompletionExceptions() throws Exception {
    Supplier<String> unchecked = CheckedSupplier.unchecked(() -> {
      throw CHECKED;
    });
    assertThatThrownBy(unchecked::get).isInstanceOf(CompletionException.class).hasCause(CHECKED);
    assertThat(CheckedSupplier.unchecked(() -> "v").get()).isEqualTo("v");
    CheckedSupplier<String> checked = CheckedSupplier.checked(unchecked);
    assertThatThrownBy(checked::get).isSameAs(CHECKED);
    assertThat(CheckedSupplier.checked(() -> "w").get()).isEqualTo("w");
  }

  @Test
  void functionUtilsAdaptAndIgnore() throws Exception {
    assertThat(FunctionUtils.<String>nullFn().apply("x")).isNull();
    FunctionUtils.<String>ignoreFn().accept("x");
    assertThat(FunctionUtils.<Integer, Integer>uncheckedFunction(x -> x * 2).apply(21)).isEqualTo(42);
    assertThatThrownBy(() -> FunctionUtils.<Integer, Integer>uncheckedFunction(x -> {
      throw CHECKED;
    }).apply(1)).hasCause(CHECKED);
    List<String> seen = new ArrayList<>();
    FunctionUtils.<String>uncheckedConsumer(seen::add).accept("a");
    assertThat(seen).containsExactly("a");
    assertThatThrownBy(() -> FunctionUtils.<String>uncheckedConsumer(s -> {
      throw CHECKED;
    }).accept("a")).hasCause(CHECKED);
    assertThat(FunctionUtils.<String>uncheckedSupplier(() -> "s").get()).isEqualTo("s");
    assertThatThrownBy(() -> FunctionUtils.<String>uncheckedSupplier(() -> {
      throw UNCHECKED;
    }).get()).isSameAs(UNCHECKED);
    AtomicInteger runs = new AtomicInteger();
    assertThat(FunctionUtils.asCallable(runs::incrementAndGet, "done").call()).isEqualTo("done");
    assertThat(runs).hasValue(1);
  }

  @Test
  void aCachingSupplierAsksItsDelegateOnce() {
    AtomicInteger calls = new AtomicInteger();
    CachingSupplier<Integer> supplier = new CachingSupplier<>(calls::incrementAndGet);
    assertThat(supplier.get()).isEqualTo(1);
    assertThat(supplier.get()).isEqualTo(1);
    assertThat(calls).hasValue(1);
    CachingSupplier<String> nulls = new CachingSupplier<>(() -> {
      calls.incrementAndGet();
      return null;
    });
    assertThat(nulls.get()).isNull();
    assertThat(nulls.get()).isNull();
    assertThat(calls).hasValue(2);
  }
}
