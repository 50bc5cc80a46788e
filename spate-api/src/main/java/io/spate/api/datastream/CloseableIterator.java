package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.util.WrappingRuntimeException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An iterator over records that holds resources (a running job); close it when done.
 *
 * @param <T> the record type
 */
@PublicEvolving
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

  /** An empty iterator whose close does nothing. */
  CloseableIterator<?> EMPTY_INSTANCE = adapterForIterator(Collections.emptyIterator());

  @Override
  void close();

  /** {@code iterator}, with a close that does nothing. */
  static <T> CloseableIterator<T> adapterForIterator(Iterator<T> iterator) {
    return adapterForIterator(iterator, () -> {});
  }

  /** {@code iterator}, closed by closing {@code close}. */
  static <T> CloseableIterator<T> adapterForIterator(Iterator<T> iterator, AutoCloseable close) {
    return new IteratorAdapter<>(iterator, close);
  }

  /** The elements of {@code list}; closing hands the ones not yet returned to {@code closeNotConsumed}. */
  static <T> CloseableIterator<T> fromList(List<T> list, Consumer<T> closeNotConsumed) {
    Objects.requireNonNull(closeNotConsumed, "closeNotConsumed");
    Deque<T> remaining = new ArrayDeque<>(list);
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return !remaining.isEmpty();
      }

      @Override
      public T next() {
        if (remaining.isEmpty()) {
          throw new NoSuchElementException();
        }
        return remaining.poll();
      }

      @Override
      public void close() {
        // Bounded by the list: each pass removes one element.
        while (!remaining.isEmpty()) {
          closeNotConsumed.accept(remaining.poll());
        }
      }
    };
  }

  /** The elements of each iterator in turn; closing closes them all. */
  @SafeVarargs
  static <T> CloseableIterator<T> flatten(CloseableIterator<T>... iterators) {
    Deque<CloseableIterator<T>> queue = new ArrayDeque<>(Arrays.asList(iterators));
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        // Bounded by the number of iterators: each pass drops an exhausted one.
        while (!queue.isEmpty()) {
          if (queue.peek().hasNext()) {
            return true;
          }
          queue.poll().close();
        }
        return false;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return queue.peek().next();
      }

      @Override
      public void close() {
        RuntimeException failure = null;
        while (!queue.isEmpty()) {
          try {
            queue.poll().close();
          } catch (RuntimeException e) {
            if (failure == null) {
              failure = e;
            } else {
              failure.addSuppressed(e);
            }
          }
        }
        if (failure != null) {
          throw failure;
        }
      }
    };
  }

  /** An empty iterator. */
  @SuppressWarnings("unchecked")
  static <T> CloseableIterator<T> empty() {
    return (CloseableIterator<T>) EMPTY_INSTANCE;
  }

  /** {@code elements}; closing hands the ones not yet returned to {@code closeNotConsumed}. */
  @SafeVarargs
  static <T> CloseableIterator<T> ofElements(Consumer<T> closeNotConsumed, T... elements) {
    return fromList(Arrays.asList(elements), closeNotConsumed);
  }

  /** The one {@code element}; closing before it was returned hands it to {@code closeIfNotConsumed}. */
  static <E> CloseableIterator<E> ofElement(E element, Consumer<E> closeIfNotConsumed) {
    return fromList(Collections.singletonList(element), closeIfNotConsumed);
  }

  /**
   * An {@link Iterator} with a resource to close; a checked exception of that close is rethrown
   * wrapped in a {@link WrappingRuntimeException}.
   *
   * @param <E> the element type
   */
  final class IteratorAdapter<E> implements CloseableIterator<E> {

    private final Iterator<E> delegate;
    private final AutoCloseable close;

    IteratorAdapter(Iterator<E> delegate, AutoCloseable close) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
      this.close = Objects.requireNonNull(close, "close");
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public E next() {
      return delegate.next();
    }

    @Override
    public void remove() {
      delegate.remove();
    }

    @Override
    public void forEachRemaining(Consumer<? super E> action) {
      delegate.forEachRemaining(action);
    }

    @Override
    public void close() {
      try {
        close.close();
      } catch (Exception e) {
        throw WrappingRuntimeException.wrapIfNecessary(e);
      }
    }
  }
}
