package io.spate.api.functions.source;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Objects;

/**
 * A non-parallel legacy source that emits what an iterator returns, until it has no more or the
 * source is cancelled; what {@code StreamExecutionEnvironment.fromCollection(Iterator, ...)} runs. The
 * iterator travels with the job, so it must be serializable, and it is not checkpointed: a recovery
 * starts it over.
 *
 * @param <T> the record type
 */
@PublicEvolving
public class FromIteratorFunction<T> implements SourceFunction<T> {

  private static final long serialVersionUID = 1L;

  private final Iterator<T> iterator;
  private volatile boolean running = true;

  /**
   * A source of what {@code iterator} returns.
   *
   * @throws IllegalArgumentException if the iterator is not serializable, naming its class
   */
  public FromIteratorFunction(Iterator<T> iterator) {
    Objects.requireNonNull(iterator, "FromIteratorFunction: the iterator must not be null.");
    if (!(iterator instanceof Serializable)) {
      throw new IllegalArgumentException("FromIteratorFunction: the iterator " + iterator.getClass().getName()
          + " is not Serializable, but it travels with the job to the task that reads it.");
    }
    this.iterator = iterator;
  }

  @Override
  public void run(SourceContext<T> ctx) throws Exception {
    emit(iterator, ctx, () -> running);
  }

  /** Emits what {@code iterator} returns, under the checkpoint lock, until it has no more or {@code running} turns false. */
  static <T> void emit(Iterator<T> iterator, SourceContext<T> ctx, java.util.function.BooleanSupplier running) {
    while (running.getAsBoolean() && iterator.hasNext()) {
      T next = iterator.next();
      synchronized (ctx.getCheckpointLock()) {
        ctx.collect(next);
      }
    }
  }

  @Override
  public void cancel() {
    running = false;
  }
}
