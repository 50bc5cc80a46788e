package io.spate.api.functions.source;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.Configuration;
import io.spate.api.util.SplittableIterator;
import java.util.Iterator;
import java.util.Objects;

/**
 * A parallel legacy source of what a {@link SplittableIterator} returns: each subtask emits its own
 * split of it. Not checkpointed: a recovery starts every split over.
 *
 * @param <T> the record type
 */
@PublicEvolving
public class FromSplittableIteratorFunction<T> extends RichParallelSourceFunction<T> {

  private static final long serialVersionUID = 1L;

  private final SplittableIterator<T> fullIterator;
  private transient Iterator<T> iterator;
  private volatile boolean isRunning = true;

  /** A source of the splits of {@code iterator}, one per subtask. */
  public FromSplittableIteratorFunction(SplittableIterator<T> iterator) {
    this.fullIterator = Objects.requireNonNull(iterator, "FromSplittableIteratorFunction: the iterator must not be null.");
  }

  /** Takes this subtask's split of the iterator. */
  @Override
  public void open(Configuration parameters) throws Exception {
    int subtasks = getRuntimeContext().getNumberOfParallelSubtasks();
    int subtask = getRuntimeContext().getIndexOfThisSubtask();
    iterator = fullIterator.getSplit(subtask, subtasks);
  }

  @Override
  public void run(SourceContext<T> ctx) throws Exception {
    if (iterator == null) {
      throw new IllegalStateException("FromSplittableIteratorFunction: run was called before open.");
    }
    Object lock = ctx.getCheckpointLock();
    while (isRunning && iterator.hasNext()) {
      T next = iterator.next();
      synchronized (lock) {
        ctx.collect(next);
      }
    }
  }

  @Override
  public void cancel() {
    isRunning = false;
  }
}
