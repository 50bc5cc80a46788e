package io.spate.api.functions.source;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A parallel legacy source of the numbers from {@code start} to {@code end}, both included: subtask
 * {@code i} of {@code n} emits {@code start + i}, {@code start + i + n}, ...; what is left to emit is
 * checkpointed, so a job restored from a checkpoint emits each number exactly once (also when the
 * parallelism changed: the checkpointed shares are redistributed).
 */
@PublicEvolving
public class StatefulSequenceSource extends RichParallelSourceFunction<Long> implements CheckpointedFunction {

  private static final long serialVersionUID = 1L;

  private final long start;
  private final long end;
  private volatile boolean isRunning = true;

  /** What is left, as (next number, step) pairs; each goes up to {@code end}. */
  private transient Deque<Tuple2<Long, Long>> remaining;
  private transient ListState<Tuple2<Long, Long>> checkpointedState;

  /** A source of {@code start}, {@code start + 1}, ..., {@code end}; none if {@code end < start}. */
  public StatefulSequenceSource(long start, long end) {
    this.start = start;
    this.end = end;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    if (checkpointedState != null) {
      throw new IllegalStateException("StatefulSequenceSource: initializeState was called twice.");
    }
    checkpointedState = context.getOperatorStateStore().getListState(
        new ListStateDescriptor<>("stateful-sequence-source-state", Types.TUPLE(Types.LONG, Types.LONG)));
    remaining = new ArrayDeque<>();
    if (context.isRestored()) {
      for (Tuple2<Long, Long> share : checkpointedState.get()) {
        remaining.add(Tuple2.of(share.f0, share.f1));
      }
    } else {
      int subtask = getRuntimeContext().getIndexOfThisSubtask();
      int subtasks = getRuntimeContext().getNumberOfParallelSubtasks();
      // start + subtask may pass end (or overflow): then this subtask has nothing to emit
      if (end >= start && end - start >= subtask) {
        remaining.add(Tuple2.of(start + subtask, (long) subtasks));
      }
    }
  }

  @Override
  public void run(SourceContext<Long> ctx) throws Exception {
    if (remaining == null) {
      throw new IllegalStateException("StatefulSequenceSource: run was called before initializeState.");
    }
    Object lock = ctx.getCheckpointLock();
    while (isRunning && !remaining.isEmpty()) {
      synchronized (lock) {
        Tuple2<Long, Long> share = remaining.peekFirst();
        long next = share.f0;
        long step = share.f1;
        ctx.collect(next);
        // next + step may overflow near Long.MAX_VALUE, so compare with end - step instead
        if (end < Long.MIN_VALUE + step || next > end - step) {
          remaining.pollFirst();
        } else {
          share.f0 = next + step;
        }
      }
    }
  }

  @Override
  public void cancel() {
    isRunning = false;
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    if (checkpointedState == null) {
      throw new IllegalStateException("StatefulSequenceSource: snapshotState was called before initializeState.");
    }
    List<Tuple2<Long, Long>> shares = new ArrayList<>(remaining.size());
    for (Tuple2<Long, Long> share : remaining) {
      shares.add(Tuple2.of(share.f0, share.f1));
    }
    checkpointedState.update(shares);
  }
}
