package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.Closeable;
import java.util.Collections;
import java.util.Iterator;

/**
 * An iterable that holds resources until closed.
 *
 * @param <T> the element type
 */
@PublicEvolving
public interface CloseableIterable<T> extends Iterable<T>, Closeable {

  /** An empty iterable whose close does nothing. */
  static <T> CloseableIterable<T> empty() {
    return new Empty<>();
  }

  /**
   * The empty {@link CloseableIterable}.
   *
   * @param <T> the element type
   */
  class Empty<T> implements CloseableIterable<T> {

    private Empty() {}

    @Override
    public void close() {}

    @Override
    public Iterator<T> iterator() {
      return Collections.emptyIterator();
    }
  }
}
