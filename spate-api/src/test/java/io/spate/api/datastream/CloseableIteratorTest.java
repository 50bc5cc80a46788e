package io.spate.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.util.WrappingRuntimeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The factories of closeable iterators: what they return, and what closing hands back or closes. */
class CloseableIteratorTest {

  private static List<String> drain(CloseableIterator<String> iterator, int max) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < max && iterator.hasNext(); i++) {
      out.add(iterator.next());
    }
    return out;
  }

  @Test
  void closingHandsBackTheElementsNotConsumed() {
    List<String> notConsumed = new ArrayList<>();
    CloseableIterator<String> list = CloseableIterator.fromList(List.of("a", "b", "c"), notConsumed::add);
    assertThat(drain(list, 1)).containsExactly("a");
    list.close();
    assertThat(notConsumed).containsExactly("b", "c");

    notConsumed.clear();
    CloseableIterator<String> elements = CloseableIterator.ofElements(notConsumed::add, "x", "y");
    assertThat(drain(elements, 5)).containsExactly("x", "y");
    elements.close();
    assertThat(notConsumed).isEmpty();
    assertThatThrownBy(elements::next).isInstanceOf(NoSuchElementException.class);

    CloseableIterator<String> one = CloseableIterator.ofElement("only", notConsumed::add);
    one.close();
    assertThat(notConsumed).containsExactly("only");
  }

  @Test
  void adaptersAndFlatteningCloseWhatTheyHold() {
    List<String> closed = new ArrayList<>();
    CloseableIterator<String> first = CloseableIterator.adapterForIterator(List.of("1", "2").iterator(),
        () -> closed.add("first"));
    CloseableIterator<String> second = CloseableIterator.adapterForIterator(List.of("3").iterator(),
        () -> closed.add("second"));
    CloseableIterator<String> flat = CloseableIterator.flatten(first, CloseableIterator.empty(), second);
    assertThat(drain(flat, 10)).containsExactly("1", "2", "3");
    flat.close();
    assertThat(closed).containsExactly("first", "second");
    assertThat(CloseableIterator.EMPTY_INSTANCE.hasNext()).isFalse();
    assertThat(drain(CloseableIterator.adapterForIterator(List.of("z").iterator()), 3)).containsExactly("z");

    IOException failure = new IOException("cannot close");
    CloseableIterator<String> failing = CloseableIterator.adapterForIterator(List.<String>of().iterator(), () -> {
      throw failure;
    });
    assertThatThrownBy(failing::close).isInstanceOf(WrappingRuntimeException.class).hasCause(failure);
  }
}
