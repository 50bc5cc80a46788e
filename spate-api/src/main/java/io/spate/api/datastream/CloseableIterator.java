package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import java.util.Iterator;

/**
 * An iterator over records that holds resources (a running job); close it when done.
 *
 * @param <T> the record type
 */
@PublicEvolving
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

  @Override
  void close();
}
