package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.JobClient;
import java.util.Objects;

/**
 * A running job and the iterator over the records it collects, as {@link
 * DataStreamUtils#collectWithClient} returns them; closing it closes the iterator, which cancels the
 * job if it still runs.
 *
 * @param <E> the record type
 */
@PublicEvolving
public final class ClientAndIterator<E> implements AutoCloseable {

  /** The job. */
  public final JobClient client;

  /** The records the job collects, in the order they arrive. */
  public final CloseableIterator<E> iterator;

  /** Pairs {@code client} with {@code iterator}. */
  public ClientAndIterator(JobClient client, CloseableIterator<E> iterator) {
    this.client = Objects.requireNonNull(client, "client");
    this.iterator = Objects.requireNonNull(iterator, "iterator");
  }

  @Override
  public void close() throws Exception {
    iterator.close();
  }
}
