package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

  @Test
  void eachPlaceholderTakesTheNextArgumentAndTheRestAreAppended() {
    // Parts without '%' joined by "%s": the template has exactly parts - 1 placeholders.
    qt().withExamples(300)
        .forAll(lists().of(strings().allPossible().ofLengthBetween(0, 6)).ofSizeBetween(1, 5),
            lists().of(integers().all()).ofSizeBetween(0, 6))
        .checkAssert((rawParts, args) -> {
          List<String> parts = rawParts.stream().map(p -> p.replace("%", "")).toList();
          String template = String.join("%s", parts);
          int placeholders = parts.size() - 1;
          StringBuilder expected = new StringBuilder(parts.get(0));
          for (int i = 1; i < parts.size(); i++) {
            expected.append(i - 1 < args.size() ? String.valueOf(args.get(i - 1)) : "%s").append(parts.get(i));
          }
          if (args.size() > placeholders) {
            expected.append(' ').append(args.subList(placeholders, args.size()));
          }
          assertThat(Preconditions.format(template, args.toArray())).isEqualTo(expected.toString());
        });
  }

  @Test
  void checksThrowTheConventionalExceptionWithTheMessage() {
    assertThat(Preconditions.checkNotNull("x")).isEqualTo("x");
    assertThat(Preconditions.checkNotNull("x", "unused %s", 1)).isEqualTo("x");
    assertThatThrownBy(() -> Preconditions.checkNotNull(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Preconditions.checkNotNull(null, "the source")).isInstanceOf(NullPointerException.class)
        .hasMessage("the source");
    assertThatThrownBy(() -> Preconditions.checkNotNull(null, "%s of %s", "source", "job"))
        .isInstanceOf(NullPointerException.class).hasMessage("source of job");
    assertThatThrownBy(() -> Preconditions.checkArgument(false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Preconditions.checkArgument(false, 42)).hasMessage("42");
    assertThatThrownBy(() -> Preconditions.checkArgument(false, "size %s < %s", 1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("size 1 < 2 [3]");
    assertThatThrownBy(() -> Preconditions.checkState(false)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Preconditions.checkState(false, (Object) null)).hasMessage("null");
    assertThatThrownBy(() -> Preconditions.checkState(false, "not %s", "open"))
        .isInstanceOf(IllegalStateException.class).hasMessage("not open");
    Preconditions.checkArgument(true, "never %s", "built");
    Preconditions.checkState(true);
  }

  @Test
  void elementIndexesAndFutures() {
    Preconditions.checkElementIndex(0, 1);
    assertThatThrownBy(() -> Preconditions.checkElementIndex(3, 3)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Index: 3, Size: 3");
    assertThatThrownBy(() -> Preconditions.checkElementIndex(-1, 3, "column")).hasMessage("column Index: -1, Size: 3");
    Preconditions.checkCompletedNormally(CompletableFuture.completedFuture(1));
    assertThatThrownBy(() -> Preconditions.checkCompletedNormally(new CompletableFuture<>()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Preconditions.checkCompletedNormally(CompletableFuture.failedFuture(new Exception())))
        .isInstanceOf(IllegalStateException.class);
  }
}
