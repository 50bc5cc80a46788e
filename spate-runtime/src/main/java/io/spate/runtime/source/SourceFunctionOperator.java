package io.spate.runtime.source;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.eventtime.Watermark;
import io.spate.api.functions.source.SourceFunction;
import io.spate.api.operators.WatermarkStatus;
import io.spate.runtime.operators.AbstractStreamOperator;
import io.spate.runtime.worker.Waker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head of a task that runs a legacy {@link SourceFunction}. The function's {@code run} loops and
 * may block, so it runs on a thread of its own (named after the operator and subtask) and puts what it
 * emits into a bounded {@link SourceHandover}; the task polls the hand-over on its cooperative worker
 * like any source, and is woken when records arrive. A full hand-over blocks the function's thread,
 * never the worker.
 *
 * <p>Checkpoints: before the barrier the task must hold the function's checkpoint lock, which a
 * {@link CheckpointLockTaker} takes for it without blocking the worker ({@link #readyForCheckpoint}
 * answers false until then, and the task retries). Holding it, the task emits everything already
 * handed over ({@link #prepareSnapshotPreBarrier}), the function snapshots its state (as a {@code
 * CheckpointedFunction}), and the task releases the lock ({@link #checkpointTaken}): what the function
 * did under the lock is either wholly before the barrier or wholly after it. A function blocked on the
 * full hand-over keeps its lock (the task goes on polling meanwhile, which makes room), so a record it
 * took from its input before emitting it is never split from that step by a barrier.
 *
 * <p>When {@code run} returns the source ends, with the final watermark as in Flink; when it throws,
 * the task fails naming this operator. Closing the operator before the end (a cancellation or a
 * failure elsewhere) calls {@code cancel()}, releases a function blocked on the full hand-over (its
 * records are dropped: the task is gone), and interrupts the thread if it still runs after a grace
 * period.
 *
 * @param <T> the record type
 */
public final class SourceFunctionOperator<T> extends AbstractStreamOperator<T> implements PolledSource {

  private static final Logger LOG = LoggerFactory.getLogger(SourceFunctionOperator.class);

  /** How long a cancelled function may take to return before its thread is interrupted. */
  static final long CANCEL_GRACE_MILLIS = 3_000;
  private static final int HANDOVER_CAPACITY = 256;
  private static final int BATCH_SIZE = 64;

  private final SourceFunction<T> function;
  private final long cancelGraceMillis;
  private final Object checkpointLock = new Object();
  private final SourceHandover handover = new SourceHandover(HANDOVER_CAPACITY);
  private final SourceHandover.Batch batch = new SourceHandover.Batch(BATCH_SIZE);
  private CheckpointLockTaker lockTaker;
  private Runnable waker = () -> {};
  private Thread thread;
  private volatile boolean cancelled;
  private long recordsEmitted;
  private long lastWatermark = Long.MIN_VALUE;
  private boolean idle;
  private boolean functionEnded;
  private boolean finished;
  private Throwable functionFailure;

  /** Runs {@code function}. */
  public SourceFunctionOperator(SourceFunction<T> function) {
    this(function, CANCEL_GRACE_MILLIS);
  }

  /** Runs {@code function}, interrupting it {@code cancelGraceMillis} after a cancellation. */
  SourceFunctionOperator(SourceFunction<T> function, long cancelGraceMillis) {
    super(function);
    this.function = function;
    this.cancelGraceMillis = cancelGraceMillis;
  }

  @Override
  public void setWaker(Waker waker) {
    this.waker = waker;
    handover.setWaker(waker);
  }

  @Override
  public void open() throws Exception {
    super.open();
    String subtask = " (" + (context.taskInfo().indexOfThisSubtask() + 1) + "/"
        + context.taskInfo().numberOfParallelSubtasks() + ")";
    lockTaker = new CheckpointLockTaker(checkpointLock, "Checkpoint lock of " + getName() + subtask, () -> waker.run());
    thread = new Thread(this::runFunction, "Legacy Source Thread - " + getName() + subtask);
    thread.setDaemon(true);
    thread.setContextClassLoader(context.userClassLoader());
    thread.start();
  }

  private void runFunction() {
    Throwable failure = null;
    try {
      function.run(new Context());
    } catch (Throwable t) {
      failure = t;
    }
    // After a cancellation the function's end, however it came, is no failure of the job.
    handover.end(cancelled ? null : failure);
  }

  @Override
  public InputStatus emitNext() throws Exception {
    int emitted = emitBatch();
    if (functionFailure != null) {
      Throwable failure = functionFailure;
      if (failure instanceof Exception e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(failure);
    }
    if (functionEnded) {
      return InputStatus.END_OF_INPUT;
    }
    return emitted > 0 ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
  }

  /** Takes one batch from the hand-over and emits it; returns how many elements it held. */
  private int emitBatch() {
    handover.takeInto(batch);
    int size = batch.size;
    for (int i = 0; i < size; i++) {
      emit(batch.kinds[i], batch.values[i], batch.timestamps[i]);
    }
    if (batch.ended) {
      functionEnded = true;
      functionFailure = batch.failure;
    }
    batch.clear();
    return size;
  }

  @SuppressWarnings("unchecked")
  private void emit(byte kind, Object value, long timestamp) {
    switch (kind) {
      case SourceHandover.RECORD -> {
        activate();
        recordsEmitted++;
        output.collect((T) value, timestamp);
      }
      case SourceHandover.WATERMARK -> {
        activate();
        if (timestamp > lastWatermark) {
          lastWatermark = timestamp;
          output.emitWatermark(timestamp);
        }
      }
      case SourceHandover.IDLE -> {
        if (!idle) {
          idle = true;
          output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
      }
      default -> throw new IllegalStateException("Unknown hand-over element kind " + kind);
    }
  }

  private void activate() {
    if (idle) {
      idle = false;
      output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
    }
  }

  @Override
  public long recordsEmitted() {
    return recordsEmitted;
  }

  @Override
  public boolean readyForCheckpoint() {
    return lockTaker.tryAcquire();
  }

  /**
   * Emits what the function handed over before the task took its checkpoint lock (at most one
   * hand-over's worth: a function that emits without the lock may go on meanwhile).
   */
  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) {
    // Once finished (the final checkpoint after a draining stop), nothing more goes out.
    for (int taken = 0; taken < HANDOVER_CAPACITY && !functionEnded && !finished; ) {
      int emitted = emitBatch();
      if (emitted == 0) {
        break;
      }
      taken += emitted;
    }
  }

  @Override
  public void checkpointTaken() {
    lockTaker.release();
  }

  @Override
  public void emitFinalWatermark() {
    activate();
    if (lastWatermark != Long.MAX_VALUE) {
      lastWatermark = Long.MAX_VALUE;
      output.emitWatermark(Long.MAX_VALUE);
    }
  }

  /** The function returned: event time ends, as in Flink. */
  @Override
  public void finish() {
    finished = true;
    emitFinalWatermark();
  }

  @Override
  public void close() throws Exception {
    if (lockTaker != null) {
      lockTaker.close();
    }
    if (thread != null && !functionEnded) {
      cancelFunction();
    }
    handover.close();
    super.close();
  }

  private void cancelFunction() {
    cancelled = true;
    try {
      function.cancel();
    } catch (Throwable t) {
      LOG.warn("Cancelling the source function of '{}' failed", getName(), t);
    }
    Thread running = thread;
    CompletableFuture.delayedExecutor(cancelGraceMillis, TimeUnit.MILLISECONDS).execute(() -> {
      if (running.isAlive()) {
        LOG.warn("The source function of '{}' did not return within {} ms of its cancellation: interrupting {}",
            getName(), cancelGraceMillis, running.getName());
        running.interrupt();
      }
    });
  }

  /** The thread that runs the function; for tests. */
  Thread functionThread() {
    return thread;
  }

  /** Where the function emits: into the hand-over, from the function's thread. */
  private final class Context implements SourceFunction.SourceContext<T> {

    @Override
    public void collect(T element) {
      put(SourceHandover.RECORD, checkRecord(element), Long.MIN_VALUE);
    }

    @Override
    public void collectWithTimestamp(T element, long timestamp) {
      put(SourceHandover.RECORD, checkRecord(element), timestamp);
    }

    @Override
    public void emitWatermark(Watermark mark) {
      if (mark == null) {
        throw new NullPointerException("Source function of '" + getName() + "': emitWatermark got null.");
      }
      put(SourceHandover.WATERMARK, null, mark.getTimestamp());
    }

    @Override
    public void markAsTemporarilyIdle() {
      put(SourceHandover.IDLE, null, 0);
    }

    @Override
    public Object getCheckpointLock() {
      return checkpointLock;
    }

    @Override
    public void close() {}

    private T checkRecord(T element) {
      if (element == null) {
        throw new NullPointerException("Source function of '" + getName() + "' emitted null: a stream cannot hold"
            + " null records.");
      }
      return element;
    }

    private void put(byte kind, Object value, long timestamp) {
      try {
        handover.put(kind, value, timestamp);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("The source function of '" + getName() + "' was interrupted while it"
            + " handed an element to its task.", e);
      }
    }
  }
}
