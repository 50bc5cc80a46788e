package io.spate.runtime.operators.async;

import io.spate.api.functions.async.AsyncFunction;
import io.spate.api.functions.async.AsyncRetryPredicate;
import io.spate.api.functions.async.AsyncRetryStrategy;
import io.spate.runtime.operators.AbstractStreamOperator;
import io.spate.api.operators.InFlightOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.api.operators.ProcessingTimeService;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.MissingTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.operators.StateSnapshotContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Runs an {@link AsyncFunction}: keeps up to {@code capacity} records in flight, takes their
 * completions from any thread through a bounded inbox that the task drains on its own thread,
 * times them out and retries them with processing-time timers, and emits their results (with the
 * input record's timestamp) in the order its {@link ResultQueue} allows. A checkpoint stores the
 * records whose results have not left yet, and the watermarks between them, as operator list state;
 * a restore issues those records to the async function again.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public final class AsyncWaitOperator<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT>, InFlightOperator, ResultQueue.Emitter {

  private static final long NOT_ARMED = Long.MIN_VALUE;

  /** The queued records and watermarks, each as a kind byte, a timestamp and (records) the value. */
  @SuppressWarnings("unchecked")
  static final ListStateDescriptor<byte[]> QUEUE_STATE = new ListStateDescriptor<>("_async_wait_operator_state_",
      (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE));

  private static final byte RECORD = 0;
  private static final byte WATERMARK = 1;

  private final AsyncFunction<IN, OUT> function;
  private final boolean ordered;
  private final long timeoutMillis;
  private final int capacity;
  private final AsyncRetryStrategy<OUT> retryStrategy;
  private final Predicate<Collection<OUT>> retryOnResult;
  private final Predicate<Throwable> retryOnFailure;
  private final TypeInformation<IN> inputType;
  // Each in-flight record has at most one completed attempt waiting here, so it never overflows; it is
  // sized in open(), when the number of restored records (which may exceed the capacity) is known.
  private ArrayBlockingQueue<Attempt<?>> inbox;
  private final ProcessingTimeService.ProcessingTimeCallback deadlineCallback = this::onDeadline;

  private ResultQueue queue;
  private ProcessingTimeService timeService;
  private int inFlight;
  private AsyncEntry<?, ?> earliestDeadline;
  private AsyncEntry<?, ?> latestDeadline;
  private long armedAt = NOT_ARMED;
  private volatile boolean closed;
  private TypeSerializer<IN> inputSerializer;
  private ListState<byte[]> queueState;
  private List<byte[]> restoredQueue = List.of();

  /**
   * Creates the operator; a {@code timeoutMillis} of zero means no timeout, a null
   * {@code retryStrategy} no retries.
   */
  public AsyncWaitOperator(AsyncFunction<IN, OUT> function, boolean ordered, long timeoutMillis, int capacity,
      AsyncRetryStrategy<OUT> retryStrategy) {
    this(function, ordered, timeoutMillis, capacity, retryStrategy, null);
  }

  /**
   * Creates the operator; {@code inputType} (null if unknown) serializes the records in flight into
   * checkpoints.
   */
  public AsyncWaitOperator(AsyncFunction<IN, OUT> function, boolean ordered, long timeoutMillis, int capacity,
      AsyncRetryStrategy<OUT> retryStrategy, TypeInformation<IN> inputType) {
    super(function);
    if (capacity <= 0 || timeoutMillis < 0) {
      throw new IllegalArgumentException("capacity " + capacity + " and timeout " + timeoutMillis + " ms");
    }
    this.function = function;
    this.ordered = ordered;
    this.timeoutMillis = timeoutMillis;
    this.capacity = capacity;
    this.retryStrategy = retryStrategy;
    AsyncRetryPredicate<OUT> predicate = retryStrategy == null ? null : retryStrategy.getRetryPredicate();
    this.retryOnResult = predicate == null ? null : predicate.resultPredicate().orElse(null);
    this.retryOnFailure = predicate == null ? null : predicate.exceptionPredicate().orElse(null);
    this.inputType = inputType instanceof MissingTypeInfo ? null : inputType;
  }

  @Override
  public void initializeState() throws Exception {
    super.initializeState();
    queueState = operatorStateBackend.getListState(QUEUE_STATE);
    List<byte[]> restored = new ArrayList<>();
    queueState.get().forEach(restored::add);
    if (!restored.isEmpty()) {
      inputSerializer();
    }
    restoredQueue = restored;
  }

  @Override
  public void open() throws Exception {
    timeService = context.processingTimeService();
    queue = ordered ? new OrderedResultQueue(capacity, this) : new UnorderedResultQueue(this);
    inbox = new ArrayBlockingQueue<>(Math.max(capacity, restoredQueue.size()));
    super.open();
    reissueRestored();
  }

  // The restored records go to the async function again, even beyond the capacity (they fitted the
  // capacity of the run that stored them); new input waits until they are below it.
  private void reissueRestored() throws Exception {
    List<byte[]> restored = restoredQueue;
    restoredQueue = List.of();
    DataInputDeserializer in = new DataInputDeserializer();
    for (int i = 0; i < restored.size(); i++) {
      in.setBuffer(restored.get(i));
      byte kind;
      long timestamp;
      IN value = null;
      try {
        kind = in.readByte();
        timestamp = in.readLong();
        if (kind == RECORD) {
          value = inputSerializer.deserialize(in);
        } else if (kind != WATERMARK) {
          throw new IOException("unknown element kind " + kind);
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException("Cannot restore queued element " + i + " of async operator '" + getName() + "': "
            + e.getMessage(), e);
      }
      if (kind == WATERMARK) {
        queue.addWatermark(timestamp);
      } else {
        start(value, timestamp);
      }
    }
  }

  private TypeSerializer<IN> inputSerializer() {
    if (inputSerializer == null) {
      if (inputType == null) {
        throw new IllegalStateException("Async operator '" + getName() + "' cannot checkpoint or restore the records"
            + " it has in flight: the type of its input is unknown. Declare it on the input stream (returns(...)).");
      }
      inputSerializer = inputType.createSerializer();
    }
    return inputSerializer;
  }

  @Override
  public void snapshotState(StateSnapshotContext snapshotContext) throws Exception {
    TypeSerializer<IN> serializer = inputSerializer();
    List<byte[]> pending = new ArrayList<>(inFlight + 1);
    DataOutputSerializer out = new DataOutputSerializer(64);
    queue.forEachPending(new ResultQueue.PendingVisitor() {
      @Override
      @SuppressWarnings("unchecked")
      public void record(AsyncEntry<?, ?> entry) throws IOException {
        out.clear();
        out.writeByte(RECORD);
        out.writeLong(entry.timestamp);
        serializer.serialize((IN) entry.input, out);
        pending.add(out.getCopyOfBuffer());
      }

      @Override
      public void watermark(long watermark) throws IOException {
        out.clear();
        out.writeByte(WATERMARK);
        out.writeLong(watermark);
        pending.add(out.getCopyOfBuffer());
      }
    });
    queueState.update(pending);
    super.snapshotState(snapshotContext);
  }

  // ------------------------------------------------------------------ input

  @Override
  public boolean canTakeInput() {
    return inFlight < capacity;
  }

  @Override
  public boolean hasInFlight() {
    return inFlight > 0;
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    if (inFlight >= capacity) {
      throw new IllegalStateException("Operator '" + getName() + "' already has " + capacity
          + " records in flight; the task must wait for canTakeInput()");
    }
    start(value, timestamp);
  }

  private void start(IN value, long timestamp) throws Exception {
    long deadline = timeoutMillis > 0 ? timeService.getCurrentProcessingTime() + timeoutMillis : AsyncEntry.NO_DEADLINE;
    AsyncEntry<IN, OUT> entry = new AsyncEntry<>(value, timestamp, deadline);
    inFlight++;
    queue.add(entry);
    if (deadline != AsyncEntry.NO_DEADLINE) {
      trackDeadline(entry);
    }
    entry.attempts = 1;
    entry.current = new Attempt<>(entry, inbox);
    function.asyncInvoke(value, entry.current);
  }

  @Override
  public void processWatermark(long watermark) {
    queue.addWatermark(watermark);
  }

  @Override
  public void finish() {
    if (inFlight > 0) {
      throw new IllegalStateException("Operator '" + getName() + "' was finished with " + inFlight
          + " records in flight; the task must wait until hasInFlight() is false");
    }
  }

  @Override
  public void close() throws Exception {
    closed = true;
    if (inbox != null) {
      inbox.clear();
    }
    super.close();
  }

  // ------------------------------------------------------------------ completions

  @Override
  public boolean runCompletions() throws Exception {
    boolean any = false;
    Attempt<?> attempt;
    while (!closed && (attempt = inbox.poll()) != null) {
      any = true;
      onCompleted(attempt);
    }
    return any;
  }

  @SuppressWarnings("unchecked")
  private void onCompleted(Attempt<?> completed) throws Exception {
    Attempt<OUT> attempt = (Attempt<OUT>) completed;
    AsyncEntry<IN, OUT> entry = (AsyncEntry<IN, OUT>) attempt.entry;
    if (entry.finalized || attempt != entry.current) {
      return;
    }
    if (!entry.timedOut && shouldRetry(attempt) && retryStrategy.canRetry(entry.attempts)) {
      entry.awaitingRetry = true;
      long retryAt = timeService.getCurrentProcessingTime() + Math.max(0, retryStrategy.getBackoffTimeMillis(entry.attempts));
      // A retry due after the deadline never runs: the timeout comes first and takes over.
      if (retryAt < entry.deadline) {
        timeService.registerTimer(retryAt, time -> retry(entry));
      }
      return;
    }
    if (attempt.failure != null) {
      throw failureOf(entry, attempt.failure);
    }
    entry.result = attempt.result;
    entry.finalized = true;
    untrackDeadline(entry);
    queue.onFinalized(entry);
  }

  private boolean shouldRetry(Attempt<OUT> attempt) {
    if (retryStrategy == null) {
      return false;
    }
    return attempt.failure != null
        ? retryOnFailure != null && retryOnFailure.test(attempt.failure)
        : retryOnResult != null && retryOnResult.test(attempt.result);
  }

  private void retry(AsyncEntry<IN, OUT> entry) {
    if (closed || !entry.awaitingRetry) {
      return;
    }
    entry.awaitingRetry = false;
    entry.attempts++;
    entry.current = new Attempt<>(entry, inbox);
    try {
      function.asyncInvoke(entry.input, entry.current);
    } catch (Exception e) {
      throw OperatorFailure.wrap(getName(), e);
    }
  }

  private Exception failureOf(AsyncEntry<IN, OUT> entry, Throwable failure) {
    if (entry.timedOut && failure instanceof TimeoutException) {
      TimeoutException timeout = new TimeoutException("The async request timed out after " + timeoutMillis
          + " ms (" + entry.attempts + (entry.attempts == 1 ? " attempt)" : " attempts)"));
      timeout.initCause(failure);
      return timeout;
    }
    if (failure instanceof Exception e) {
      return e;
    }
    return new Exception("The async request failed: " + failure, failure);
  }

  @Override
  public void emitResults(AsyncEntry<?, ?> entry) {
    inFlight--;
    @SuppressWarnings("unchecked")
    Collection<OUT> result = (Collection<OUT>) entry.result;
    for (OUT value : result) {
      output.collect(value, entry.timestamp);
    }
    entry.result = null;
  }

  @Override
  public void emitWatermark(long watermark) {
    output.emitWatermark(watermark);
  }

  // ------------------------------------------------------------------ timeouts

  // Deadlines are the arrival time plus one fixed timeout, so arrival order is deadline order: a
  // linked list of the unfinished entries and a single armed timer keep the timer queue small.
  private void trackDeadline(AsyncEntry<?, ?> entry) {
    entry.inDeadlineList = true;
    entry.earlier = latestDeadline;
    if (latestDeadline == null) {
      earliestDeadline = entry;
    } else {
      latestDeadline.later = entry;
    }
    latestDeadline = entry;
    if (armedAt == NOT_ARMED) {
      arm(entry.deadline);
    }
  }

  private void untrackDeadline(AsyncEntry<?, ?> entry) {
    if (!entry.inDeadlineList) {
      return;
    }
    entry.inDeadlineList = false;
    if (entry.earlier == null) {
      earliestDeadline = entry.later;
    } else {
      entry.earlier.later = entry.later;
    }
    if (entry.later == null) {
      latestDeadline = entry.earlier;
    } else {
      entry.later.earlier = entry.earlier;
    }
    entry.earlier = null;
    entry.later = null;
  }

  private void arm(long time) {
    armedAt = time;
    timeService.registerTimer(time, deadlineCallback);
  }

  private void onDeadline(long time) {
    armedAt = NOT_ARMED;
    if (closed) {
      return;
    }
    AsyncEntry<?, ?> expired;
    while ((expired = earliestDeadline) != null && expired.deadline <= time) {
      untrackDeadline(expired);
      timeOut(expired);
    }
    if (earliestDeadline != null) {
      arm(earliestDeadline.deadline);
    }
  }

  @SuppressWarnings("unchecked")
  private void timeOut(AsyncEntry<?, ?> expired) {
    AsyncEntry<IN, OUT> entry = (AsyncEntry<IN, OUT>) expired;
    entry.timedOut = true;
    if (entry.awaitingRetry) {
      entry.awaitingRetry = false;
      entry.current = new Attempt<>(entry, inbox);
    } else if (entry.current.isCompleted()) {
      return; // its completion is in the inbox and decides the outcome
    }
    try {
      function.timeout(entry.input, entry.current);
    } catch (Exception e) {
      throw OperatorFailure.wrap(getName(), e);
    }
  }
}
