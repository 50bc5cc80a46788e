package io.spate.api.functions.source;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.Configuration;
import io.spate.api.util.SplittableIterator;
import java.util.Iterator;
import java.util.Objects;

/**
 * A parallel legacy source whose subtasks each emit their own split of a {@link SplittableIterator};
 * what {@code StreamExecutionEnvironment.fromParallelCollection} runs. It is not checkpointed: a
 * recovery starts every split over.
 *
 * @param <T> the record type
 */
@PublicEvolving
public class FromSplittableIteratorFunction<T> extends RichParallelSourceFunction<T> {

  private static final long serialVersionUID = 1L;

  private final SplittableIterator<T> fullIterator;
  private transient Iterator<T> split;
  private volatile boolean running = true;

  /** A source whose subtasks split {@code iterator} among themselves. */
  public FromSplittableIteratorFunction(SplittableIterator<T> iterator) {
    this.fullIterator = Objects.requireNonNull(iterator, "FromSplittableIteratorFunction: the iterator must not be null.");
  }

  /** Takes this subtask's split of the iterator. */
  @Override
  @SuppressWarnings("deprecation")
  public void open(Configuration parameters) throws Exception {
    int subtasks = getRuntimeContext().getNumberOfParallelSubtasks();
    if (subtasks > fullIterator.getMaximumNumberOfSplits()) {
      throw new IllegalStateException("FromSplittableIteratorFunction: the iterator "
          + fullIterator.getClass().getName() + " splits into at most " + fullIterator.getMaximumNumberOfSplits()
          + " parts, but the source runs with parallelism " + subtasks + ".");
    }
    split = fullIterator.getSplit(getRuntimeContext().getIndexOfThisSubtask(), subtasks);
  }

  @Override
  public void run(SourceContext<T> ctx) throws Exception {
    if (split == null) {
      throw new IllegalStateException("FromSplittableIteratorFunction: run() before open().");
    }
    FromIteratorFunction.emit(split, ctx, () -> running);
  }

  @Override
  public void cancel() {
    running = false;
  }
}
