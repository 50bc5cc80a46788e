package io.spate.runtime.tasks;

import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.execution.ExecutionState;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.common.TaskInfo;
import io.spate.api.dag.PhysicalTransformation;
import io.spate.api.dag.Transformation;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.connector.source.InputStatus;
import io.spate.runtime.TaskManagerOptions;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.StreamNode;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.SimpleCounter;
import io.spate.runtime.metrics.groups.OperatorMetricGroup;
import io.spate.runtime.metrics.groups.TaskMetricGroup;
import io.spate.runtime.network.ChannelFailure;
import io.spate.runtime.network.InputGate;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.ShuffleEnvironment;
import io.spate.runtime.network.PriorityBarrier;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.RecordWriter;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.network.WatermarkValve;
import io.spate.api.operators.Input;
import io.spate.api.operators.MultipleInputStreamOperator;
import io.spate.api.operators.InFlightOperator;
import io.spate.runtime.operators.KeyedInput;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.runtime.operators.OperatorContext;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.operators.SinkWriterOperator;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.source.OperatorEventGateway;
import io.spate.runtime.source.SourceOperator;
import io.spate.runtime.worker.Tasklet;
import io.spate.runtime.worker.Waker;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.CheckpointResponder;
import io.spate.runtime.checkpoint.TaskCheckpointMetrics;
import io.spate.runtime.checkpoint.storage.CheckpointStorage;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.InputChannelStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.OperatorSnapshot;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * One subtask: an operator chain fed either by a source reader or by network channels. It runs as a
 * {@link Tasklet} on a cooperative worker thread; everything that reaches it from outside (operator
 * events, cancellation) goes through its mailbox, so operator code is single-threaded.
 */
public final class StreamTask implements Tasklet {

  /** Receives the task's state changes. */
  @FunctionalInterface
  public interface StateListener {
    /** The task reached {@code state}; {@code failure} is set for FAILED. */
    void onStateChange(StreamTask task, ExecutionState state, Throwable failure);
  }

  private static final int MAILBOX_CAPACITY = 1024;
  private static final long ASYNC_SNAPSHOT_WAIT_SECONDS = 60;
  private static final long IDLE_FLUSH_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  // How often a task looks in the millisecond before a processing-time timer: the clock counts whole ms.
  private static final long TIMER_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  private static final int MAX_ELEMENTS_PER_STEP = 16;
  private static final int MAX_SOURCE_POLLS_PER_STEP = 32;

  private enum Phase { CREATED, RUNNING, DRAINING, DONE }

  private final TaskDeploymentDescriptor tdd;
  private final ShuffleEnvironment shuffle;
  private final OperatorEventGateway eventGateway;
  private final StateListener listener;
  private final ArrayBlockingQueue<Runnable> mailbox = new ArrayBlockingQueue<>(MAILBOX_CAPACITY);
  // A lock-free hint that mail arrived, read between source polls (the queue itself locks on every look).
  private volatile boolean mailArrived;
  private final TaskProcessingTimeService processingTimeService = new TaskProcessingTimeService();
  private final TaskMetricGroup metrics;
  // Counted by this task's thread per batch, read by others (progress, reporters) without a fence.
  private final SimpleCounter recordsIn;
  private final SimpleCounter headRecordsIn;
  private final OperatorMetricGroup headMetrics;
  private final boolean sourceTask;
  // The watermark the valve last handed to the head; read by the metric reporters.
  private long currentInputWatermark = Long.MIN_VALUE;
  private final String name;
  private final CheckpointResponder checkpointResponder;
  private final Executor checkpointIo;
  // Snapshot parts still being written; a finishing task waits for them before it disposes its state.
  private final java.util.Set<CompletableFuture<?>> asyncSnapshots = java.util.concurrent.ConcurrentHashMap.newKeySet();
  // When a finished task began to wait for its snapshots (System.nanoTime()); 0 before.
  private long snapshotWaitStartNanos;
  private CheckpointStorage checkpointStorage;
  private BarrierAligner barriers;
  private ChannelStateCodec channelState;
  private int[] inputIndexOfChannel;
  // The gate's priority event count when this task last looked at the priority lanes; -1 forces a first look.
  private long seenPriorityEvents = -1;
  // Unaligned checkpoints whose snapshot is taken, waiting for their in-flight records.
  private final Map<Long, CompletableFuture<List<ChannelStateCodec.InputRecords>>> pendingChannelState =
      new HashMap<>();
  // The stop-with-savepoint this source task stopped reading for, or -1.
  private long stoppedForSavepoint = -1;
  private boolean drainAfterSavepoint;

  private volatile ExecutionState state = ExecutionState.DEPLOYING;
  private volatile boolean cancelRequested;
  private volatile Throwable externalFailure;
  private volatile Thread stepThread;
  private volatile long stepStartNanos;

  private Phase phase = Phase.CREATED;
  private OperatorChain chain;
  private RecordWriter[] writers;
  /** The chain's sink writers that may ask for a pause: the task asks them as it asks its writers. */
  private SinkWriterOperator<?>[] backpressuringSinks = new SinkWriterOperator<?>[0];
  private SourceOperator<?, ?> source;
  private OneInputStreamOperator<Object, ?> oneInputHead;
  private TwoInputStreamOperator<Object, Object, ?> twoInputHead;
  // The inputs of a multiple-input head, by input index; null for other heads.
  private Input<Object>[] multipleInputsHead;
  private KeyedInput keyedInputHead;
  // Sets the current key of a keyed head operator of the SPI before each record; null otherwise.
  private CurrentKeySetter headKeySetter;
  // Set before the first step; other threads run it to end this task's worker's idle park.
  private volatile Waker waker;
  private volatile LongConsumer wakeBy; // the waker's, made once rather than per step
  // Set when the head keeps records in flight (async I/O); only then is capacity checked per record.
  private InFlightOperator inFlightHead;
  // The rest of a batch the in-flight head had no room for; no other input is read before it.
  private RecordBatch heldBatch;
  private int heldChannel;
  private int heldPosition;
  private InputGate gate;
  /** The input a two-input head wants read to its end before the other (BATCH broadcast), or -1. */
  private int inputReadFirst = -1;
  private int openChannelsOfInputReadFirst;
  private WatermarkValve valve;
  private boolean[] channelEnded;
  private int endedChannels;
  private int nextChannel;
  private boolean endOfInput;
  private final FlushSchedule flushes;

  /** Creates the task; it starts on its first {@link #step()}. */
  public StreamTask(TaskDeploymentDescriptor tdd, ShuffleEnvironment shuffle,
      OperatorEventGateway eventGateway, StateListener listener, TaskMetricGroup metrics,
      CheckpointResponder checkpointResponder, Executor checkpointIo) {
    this.tdd = tdd;
    this.checkpointResponder = checkpointResponder;
    this.checkpointIo = checkpointIo;
    this.shuffle = shuffle;
    this.eventGateway = eventGateway;
    this.listener = listener;
    this.metrics = metrics;
    StreamNode headNode = tdd.vertex().getChain().get(0);
    this.headMetrics = metrics.getOrAddOperator(headNode.getOperatorId(), headNode.getName());
    this.recordsIn = metrics.numRecordsIn();
    this.headRecordsIn = headMetrics.numRecordsIn();
    this.sourceTask = tdd.vertex().getInputs().isEmpty();
    metrics.gauge("currentInputWatermark", (Gauge<Long>) () -> currentInputWatermark);
    this.name = tdd.vertex().getName() + " (" + (tdd.subtaskIndex() + 1) + "/" + tdd.vertex().getParallelism() + ")";
    this.flushes = new FlushSchedule(
        tdd.jobGraph().configuration().get(TaskManagerOptions.BUFFER_TIMEOUT).toNanos(), IDLE_FLUSH_NANOS);
  }

  /** The attempt this task runs. */
  public ExecutionAttemptID attemptId() {
    return tdd.attemptId();
  }

  /** The job vertex this task is a subtask of. */
  public io.spate.runtime.graph.JobVertex vertex() {
    return tdd.vertex();
  }

  @Override
  public String name() {
    return name;
  }

  /** The current state. */
  public ExecutionState state() {
    return state;
  }

  /** Records read from the network so far: the task's numRecordsIn (a recent value while it runs). */
  public long recordsIn() {
    return recordsIn.getCount();
  }

  /** Records emitted by this task's source so far, its numRecordsOut (0 for tasks that are no source). */
  public long sourceRecordsOut() {
    return sourceTask ? headMetrics.numRecordsOut().getCount() : 0;
  }

  /** The task's metric group, closed by its TaskExecutor when the task ends. */
  public TaskMetricGroup metricGroup() {
    return metrics;
  }

  /** Asks the task to stop; it does so on its next step. */
  public void cancel() {
    cancelRequested = true;
  }

  /**
   * Fails the task with {@code cause} on its next step: a failure found outside the task, such as a
   * network channel it writes to that broke. Never blocks, so any thread may call it.
   */
  public void fail(Throwable cause) {
    externalFailure = cause;
    Runnable wake = waker;
    if (wake != null) {
      wake.run();
    }
  }

  /** Delivers an event from the coordinator of operator {@code operatorId}. */
  public void deliverOperatorEvent(int operatorId, OperatorEvent event) {
    enqueue(() -> {
      if (source == null || operatorId != tdd.vertex().getHead().getId()) {
        throw new IllegalStateException("Task " + name + " has no operator " + operatorId + " taking events");
      }
      source.handleOperatorEvent(event);
    });
  }

  /** Starts checkpoint {@code barrier} at this source task: snapshot, then barrier downstream. */
  public void triggerCheckpoint(CheckpointBarrier barrier) {
    enqueue(() -> {
      if (phase != Phase.RUNNING || source == null) {
        checkpointResponder.declineCheckpoint(tdd.attemptId(), barrier.checkpointId(), DeclineKind.TASK_NOT_READY,
            "task " + name + " is not running" + (source == null ? " a source" : ""));
        return;
      }
      if (barrier.options().type().stopsJob()) {
        drainAfterSavepoint = barrier.options().type() == io.spate.runtime.checkpoint.barrier.CheckpointType.SAVEPOINT_TERMINATE;
        if (drainAfterSavepoint) {
          // Draining: every window and timer fires before the savepoint, which then holds no pending output.
          source.emitFinalWatermark();
        }
        stoppedForSavepoint = barrier.checkpointId();
      }
      performCheckpoint(barrier, 0, barrier.options().unaligned());
    });
  }

  /** A stop-with-savepoint failed: read the source again. */
  public void resumeAfterFailedStop() {
    enqueue(() -> stoppedForSavepoint = -1);
  }

  /** Checkpoint {@code checkpointId} completed: its operators may commit. */
  public void notifyCheckpointComplete(long checkpointId) {
    enqueue(() -> {
      if (phase != Phase.RUNNING && phase != Phase.DRAINING) {
        return;
      }
      List<StreamOperator<?>> operators = chain.operators();
      for (int i = 0; i < operators.size(); i++) {
        StreamOperator<?> operator = operators.get(i);
        try {
          chain.stateHandlers().get(i).notifyCheckpointComplete(operator, checkpointId);
        } catch (Exception e) {
          throw new OperatorFailure(operator.getName(), e);
        }
      }
      if (checkpointId == stoppedForSavepoint && drainAfterSavepoint) {
        endOfInput = true; // the job ends once the drained savepoint is complete
      }
    });
  }

  /** Checkpoint {@code checkpointId} was aborted. */
  public void notifyCheckpointAborted(long checkpointId) {
    enqueue(() -> {
      if (phase != Phase.RUNNING) {
        return;
      }
      if (barriers != null) {
        barriers.abort(checkpointId);
      }
      dropPendingChannelState(checkpointId);
      List<StreamOperator<?>> operators = chain.operators();
      for (int i = 0; i < operators.size(); i++) {
        StreamOperator<?> operator = operators.get(i);
        try {
          chain.stateHandlers().get(i).notifyCheckpointAborted(operator, checkpointId);
        } catch (Exception e) {
          throw new OperatorFailure(operator.getName(), e);
        }
      }
    });
  }

  private void enqueue(Runnable action) {
    try {
      if (!mailbox.offer(action, 10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The mailbox of task " + name + " stayed full for 10 s");
      }
      mailArrived = true;
      Runnable wake = waker;
      if (wake != null) {
        wake.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ the step

  /**
   * Interrupts the worker thread if this task was cancelled but has been inside one step for longer
   * than {@code thresholdNanos}: user code blocked in I/O would otherwise never see the cancellation.
   */
  public void interruptIfStuck(long thresholdNanos) {
    Thread thread = stepThread;
    if (cancelRequested && thread != null && System.nanoTime() - stepStartNanos > thresholdNanos) {
      thread.interrupt();
    }
  }

  @Override
  public void attach(Waker waker) {
    this.waker = waker;
    this.wakeBy = waker::wakeBy;
  }

  @Override
  public StepResult step() {
    if (phase == Phase.DONE) {
      return StepResult.DONE;
    }
    stepStartNanos = System.nanoTime();
    stepThread = Thread.currentThread();
    try {
      return doStep();
    } finally {
      stepThread = null;
    }
  }

  private StepResult doStep() {
    try {
      if (cancelRequested) {
        terminate(ExecutionState.CANCELED, null);
        return StepResult.DONE;
      }
      Throwable external = externalFailure;
      if (external != null) {
        terminate(ExecutionState.FAILED, external);
        return StepResult.DONE;
      }
      return switch (phase) {
        case CREATED -> initialize();
        case RUNNING -> run();
        case DRAINING -> drain();
        case DONE -> StepResult.DONE;
      };
    } catch (Throwable t) {
      if (cancelRequested) {
        // Interrupted or torn down by the cancellation itself: not a failure of the job.
        Thread.interrupted();
        terminate(ExecutionState.CANCELED, null);
      } else {
        terminate(ExecutionState.FAILED, t);
      }
      return StepResult.DONE;
    }
  }

  @SuppressWarnings("unchecked")
  private StepResult initialize() throws Exception {
    transition(ExecutionState.INITIALIZING, null);
    chain = new OperatorChain(tdd, shuffle, this::contextFor, metrics);
    writers = chain.writers();
    StreamOperator<?> head = chain.head();
    if (head instanceof SourceOperator<?, ?> s) {
      source = s;
      source.setEventGateway(eventGateway);
    } else if (head instanceof TwoInputStreamOperator<?, ?, ?> two) {
      twoInputHead = (TwoInputStreamOperator<Object, Object, ?>) two;
    } else if (head instanceof MultipleInputStreamOperator<?> multi) {
      multipleInputsHead = inputsOf(multi, tdd.vertex().getChain().get(0));
    } else {
      oneInputHead = (OneInputStreamOperator<Object, ?>) head;
      if (head instanceof InFlightOperator inFlight) {
        inFlightHead = inFlight;
      }
    }
    if (head instanceof KeyedInput keyedInput && inFlightHead == null) {
      keyedInputHead = keyedInput;
    }
    if (source == null && inFlightHead == null) {
      headKeySetter = chain.headKeySetter();
    }
    gate = chain.inputGate();
    if (waker != null) {
      gate.registerWaker(waker);
      for (RecordWriter writer : writers) {
        writer.registerWaker(waker);
      }
      if (source != null) {
        source.setWaker(waker);
      }
    }
    valve = new WatermarkValve(gate.numberOfChannels(), new ValveToHead());
    checkpointStorage = CheckpointStorage.forJob(CheckpointSettings.from(tdd.jobGraph().configuration()),
        tdd.jobGraph().jobId());
    barriers = new BarrierAligner(gate.numberOfChannels(), new AlignedBarriers());
    channelState = new ChannelStateCodec(chain.channelEdges());
    inputIndexOfChannel = new int[gate.numberOfChannels()];
    for (int c = 0; c < inputIndexOfChannel.length; c++) {
      inputIndexOfChannel[c] = gate.inputIndexOf(c);
    }
    channelEnded = new boolean[gate.numberOfChannels()];
    List<StreamOperator<?>> operators = chain.operators();
    for (int i = operators.size() - 1; i >= 0; i--) {
      StreamOperator<?> operator = operators.get(i);
      if (i > 0 && operator instanceof InFlightOperator) {
        throw new IllegalStateException("Operator '" + operator.getName() + "' keeps records in flight and must"
            + " head its chain, but is chained in task " + name);
      }
      try {
        operator.initializeState();
        operator.open();
      } catch (Exception e) {
        throw new OperatorFailure(operator.getName(), e);
      }
    }
    backpressuringSinks = operators.stream()
        .filter(operator -> operator instanceof SinkWriterOperator<?> sink && sink.mayBackpressure())
        .toArray(SinkWriterOperator<?>[]::new);
    replayChannelState();
    if (twoInputHead != null) {
      inputReadFirst = twoInputHead.inputToReadFirst();
      for (int c = 0; c < gate.numberOfChannels(); c++) {
        if (gate.inputIndexOf(c) == inputReadFirst) {
          openChannelsOfInputReadFirst++;
        }
      }
    }
    phase = Phase.RUNNING;
    transition(ExecutionState.RUNNING, null);
    return StepResult.PROGRESS;
  }

  private OperatorContext contextFor(StreamNode node) {
    JobGraph job = tdd.jobGraph();
    TaskInfo info = new TaskInfo(tdd.vertex().getName(), tdd.subtaskIndex(), node.getParallelism(),
        node.getMaxParallelism(), tdd.attemptId().attemptNumber());
    return new OperatorContext(job.jobId(), node.getName(), info, job.executionConfig(), job.runtimeMode(),
        metrics.getOrAddOperator(node.getOperatorId(), node.getName()), job.userClassLoader(), processingTimeService,
        node.getMaxParallelism(),
        stateKeyType(node.getTransformation()), job.configuration(),
        tdd.restore() == null ? OptionalLong.empty() : OptionalLong.of(tdd.restore().checkpointId()),
        tdd.restore() == null ? OperatorSubtaskState.EMPTY : tdd.restore().stateOf(node.getOperatorId()));
  }

  private static TypeInformation<?> stateKeyType(Transformation<?> transformation) {
    return transformation instanceof PhysicalTransformation<?> physical ? physical.getStateKeyType() : null;
  }

  /** The inputs of {@code operator}, one per input of {@code node}, checked once. */
  @SuppressWarnings("unchecked")
  private static Input<Object>[] inputsOf(MultipleInputStreamOperator<?> operator, StreamNode node) {
    List<Input<?>> inputs = operator.getInputs();
    int expected = node.getTransformation().getInputs().size();
    if (inputs == null || inputs.size() != expected || inputs.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalStateException("Operator '" + node.getName() + "' has " + expected + " inputs, but its"
          + " getInputs() gave " + (inputs == null ? "null" : inputs.size() + " (" + inputs + ")"));
    }
    return inputs.toArray(new Input[0]);
  }

  private StepResult run() throws Exception {
    boolean progress = runMailbox();
    long nextTimer = processingTimeService.nextScheduledTime();
    if (nextTimer != Long.MAX_VALUE) {
      long now = processingTimeService.getCurrentProcessingTime();
      if (nextTimer <= now) {
        progress |= processingTimeService.fireDue(now);
      }
      askToBeSteppedForTimer(now);
    }
    if (source == null) {
      // Barriers of unaligned checkpoints are taken even while backpressure holds the input back.
      progress |= processPriorityEvents();
      if (barriers.isAligning()) {
        barriers.checkAlignmentTimeout(System.nanoTime());
      }
      if (barriers.isRecording()) {
        peekInFlight();
      }
    }
    if (!writersAvailable()) {
      return progress ? StepResult.PROGRESS : StepResult.IDLE;
    }
    if (inFlightHead != null) {
      progress |= runCompletions();
    }
    boolean inputProgress = source != null ? stoppedForSavepoint < 0 && pollSource() : processInput();
    if (flushes.flushNow(stepStartNanos, inputProgress, !inputProgress && anyPartlyFilledBatch(), wakeBy)) {
      for (RecordWriter writer : writers) {
        writer.flush();
      }
    }
    if (endOfInput && (inFlightHead == null || !inFlightHead.hasInFlight())) {
      finishOperators();
      phase = Phase.DRAINING;
      return drain();
    }
    return progress || inputProgress ? StepResult.PROGRESS : StepResult.IDLE;
  }

  /**
   * Has the worker step this task again when its next processing-time timer is due ({@code now} in
   * milliseconds): the worker sleeps through quiet spells, and nothing else would wake it for one.
   * The clock counts whole milliseconds, so in the last one before the timer the task looks every
   * {@link #TIMER_POLL_NANOS}.
   */
  private void askToBeSteppedForTimer(long now) {
    long next = processingTimeService.nextScheduledTime();
    Waker wake = waker;
    if (next == Long.MAX_VALUE || wake == null) {
      return;
    }
    long millisAhead = Math.min(next - now - 1, 1_000); // a worker never parks that long anyway
    wake.wakeBy(stepStartNanos + Math.max(TIMER_POLL_NANOS, TimeUnit.MILLISECONDS.toNanos(millisAhead)));
  }

  private boolean anyPartlyFilledBatch() {
    for (RecordWriter writer : writers) {
      if (writer.hasPartlyFilledBatch()) {
        return true;
      }
    }
    return false;
  }

  private boolean runMailbox() {
    boolean any = false;
    Runnable action;
    mailArrived = false;
    while ((action = mailbox.poll()) != null) {
      action.run();
      any = true;
    }
    return any;
  }

  private boolean writersAvailable() {
    for (RecordWriter writer : writers) {
      if (!writer.isAvailable()) {
        return false;
      }
    }
    for (SinkWriterOperator<?> sink : backpressuringSinks) {
      if (!sink.isWriterAvailable()) {
        return false;
      }
    }
    return true;
  }

  private boolean pollSource() throws Exception {
    long before = source.recordsEmitted();
    for (int i = 0; i < MAX_SOURCE_POLLS_PER_STEP; i++) {
      InputStatus status;
      try {
        status = source.emitNext();
      } catch (OperatorFailure f) {
        throw f;
      } catch (Exception e) {
        throw new OperatorFailure(source.getName(), e);
      }
      if (status == InputStatus.END_OF_INPUT) {
        endOfInput = true;
        return true;
      }
      // Mail (a checkpoint trigger, an event) waits at most one poll: barriers must not queue behind a whole step.
      if (status == InputStatus.NOTHING_AVAILABLE || !writersAvailable() || mailArrived) {
        break;
      }
    }
    return source.recordsEmitted() != before;
  }

  private boolean runCompletions() {
    try {
      return inFlightHead.runCompletions();
    } catch (OperatorFailure f) {
      throw f;
    } catch (Exception e) {
      throw new OperatorFailure(chain.head().getName(), e);
    }
  }

  private boolean processInput() throws Exception {
    int channels = gate.numberOfChannels();
    int processed = 0;
    if (heldBatch != null) {
      long before = recordsIn.getCount();
      if (!feedInFlightHead(heldChannel, heldBatch, heldPosition)) {
        return recordsIn.getCount() != before;
      }
      processed++;
    }
    int emptyInARow = 0;
    while (processed < MAX_ELEMENTS_PER_STEP && emptyInARow < channels) {
      int c = nextChannel;
      nextChannel = c + 1 == channels ? 0 : c + 1;
      if (channelEnded[c] || barriers.isBlocked(c)
          || (openChannelsOfInputReadFirst > 0 && gate.inputIndexOf(c) != inputReadFirst)) {
        emptyInARow++;
        continue;
      }
      LocalChannel channel = gate.channel(c);
      Object element = channel.poll();
      if (element == null) {
        emptyInARow++;
        continue;
      }
      emptyInARow = 0;
      processed++;
      // Looked at after the poll: a priority barrier sent before this element is visible by now.
      processPriorityEvents();
      if (element instanceof CheckpointBarrier barrier) {
        barriers.onBarrier(c, barrier);
        barriers.advance(c);
        continue;
      }
      if (element instanceof RecordBatch batch && barriers.shouldRecord(c)) {
        recordInFlight(c, barriers.position(c), batch, 0);
      }
      barriers.advance(c);
      if (element instanceof RecordBatch batch) {
        if (inFlightHead == null) {
          processBatch(gate.inputIndexOf(c), batch);
          channel.recycle(batch);
        } else if (!feedInFlightHead(c, batch, 0)) {
          break;
        }
        if (!writersAvailable()) {
          break;
        }
      } else if (element instanceof StreamElements.WatermarkElement watermark) {
        valve.onWatermark(c, watermark.timestamp());
      } else if (element instanceof WatermarkStatus status) {
        valve.onStatus(c, status);
      } else if (element == StreamElements.END_OF_PARTITION) {
        channelEnded[c] = true;
        endedChannels++;
        barriers.onEndOfPartition(c);
        if (inputReadFirst >= 0 && gate.inputIndexOf(c) == inputReadFirst) {
          openChannelsOfInputReadFirst--;
        }
        valve.onEnd(c);
        if (endedChannels == channels) {
          endOfInput = true;
          break;
        }
      } else if (element instanceof ChannelFailure failure) {
        throw failure.toException();
      } else {
        throw new IllegalStateException("Unexpected element on channel " + channel + ": " + element);
      }
    }
    return processed > 0;
  }

  private void processBatch(int inputIndex, RecordBatch batch) {
    int size = batch.size();
    // With a keyed exchange the head takes each record's key from the batch rather than computing it.
    boolean batchKeys = batch.hasKeys();
    KeyedInput keys = batchKeys ? keyedInputHead : null;
    CurrentKeySetter keySetter = headKeySetter;
    try {
      if (oneInputHead != null) {
        for (int i = 0; i < size; i++) {
          if (keys != null) {
            keys.setIncomingKey(batch.key(i));
          } else if (keySetter != null) {
            keySetter.setKeyOf(0, batch.value(i), batchKeys ? batch.key(i) : null);
          }
          oneInputHead.processElement(batch.value(i), batch.timestamp(i));
        }
      } else if (multipleInputsHead != null) {
        Input<Object> input = multipleInputsHead[inputIndex];
        for (int i = 0; i < size; i++) {
          if (keySetter != null) {
            keySetter.setKeyOf(inputIndex, batch.value(i), batchKeys ? batch.key(i) : null);
          }
          input.processElement(batch.value(i), batch.timestamp(i));
        }
      } else if (inputIndex == 0) {
        for (int i = 0; i < size; i++) {
          if (keys != null) {
            keys.setIncomingKey(batch.key(i));
          } else if (keySetter != null) {
            keySetter.setKeyOf(0, batch.value(i), batchKeys ? batch.key(i) : null);
          }
          twoInputHead.processElement1(batch.value(i), batch.timestamp(i));
        }
      } else {
        for (int i = 0; i < size; i++) {
          if (keys != null) {
            keys.setIncomingKey(batch.key(i));
          } else if (keySetter != null) {
            keySetter.setKeyOf(1, batch.value(i), batchKeys ? batch.key(i) : null);
          }
          twoInputHead.processElement2(batch.value(i), batch.timestamp(i));
        }
      }
    } catch (OperatorFailure f) {
      throw f;
    } catch (Exception | LinkageError | AssertionError e) {
      throw new OperatorFailure(chain.head().getName(), e);
    } finally {
      if (keys != null) {
        keys.setIncomingKey(null);
      }
    }
    countRecordsIn(size);
  }

  private void countRecordsIn(int records) {
    recordsIn.inc(records);
    headRecordsIn.inc(records);
  }

  /**
   * Feeds the records of {@code batch} from {@code from} on to the in-flight head while it has room;
   * returns whether the batch is done, else holds it to resume later.
   */
  private boolean feedInFlightHead(int channel, RecordBatch batch, int from) {
    int size = batch.size();
    int i = from;
    try {
      while (i < size && inFlightHead.canTakeInput()) {
        oneInputHead.processElement(batch.value(i), batch.timestamp(i));
        i++;
      }
    } catch (OperatorFailure f) {
      throw f;
    } catch (Exception | LinkageError | AssertionError e) {
      throw new OperatorFailure(chain.head().getName(), e);
    }
    countRecordsIn(i - from);
    if (i < size) {
      heldBatch = batch;
      heldChannel = channel;
      heldPosition = i;
      return false;
    }
    heldBatch = null;
    gate.channel(channel).recycle(batch);
    return true;
  }

  // ------------------------------------------------------------------ checkpoints

  /** Takes the snapshots once the barriers are aligned (or, for at-least-once, all arrived). */
  private final class AlignedBarriers implements BarrierAligner.Target {
    @Override
    public void onAligned(CheckpointBarrier barrier, long alignmentNanos) throws Exception {
      performCheckpoint(barrier, alignmentNanos, false);
    }

    @Override
    public void onUnalignedSnapshot(CheckpointBarrier barrier, long alignmentNanos) throws Exception {
      performCheckpoint(barrier, alignmentNanos, true);
      if (heldBatch != null && pendingChannelState.containsKey(barrier.checkpointId())) {
        // read before the snapshot, not yet processed: the rest of it is in flight
        recordInFlight(heldChannel, barriers.position(heldChannel) - 1, heldBatch, heldPosition);
      }
    }

    @Override
    public void onChannelStateComplete(long checkpointId, List<List<Object>> recorded) {
      CompletableFuture<List<ChannelStateCodec.InputRecords>> pending = pendingChannelState.remove(checkpointId);
      if (pending != null) {
        pending.complete(ChannelStateCodec.byInput(recorded, inputIndexOfChannel));
      }
    }

    @Override
    public void onAbandoned(long checkpointId, DeclineKind kind, String reason) {
      CompletableFuture<?> pending = pendingChannelState.remove(checkpointId);
      if (pending != null) {
        pending.cancel(false); // its snapshot will not be written: nothing may wait for it
      }
      checkpointResponder.declineCheckpoint(tdd.attemptId(), checkpointId, kind, "task " + name + ": " + reason);
    }
  }

  /** Hands what the priority lanes hold to the barrier aligner, if the gate counted anything new. */
  private boolean processPriorityEvents() throws Exception {
    long count = gate.priorityEventCount();
    if (count == seenPriorityEvents) {
      return false;
    }
    seenPriorityEvents = count;
    for (int c = 0; c < gate.numberOfChannels(); c++) {
      Object event;
      while ((event = gate.channel(c).pollPriority()) != null) {
        if (!(event instanceof PriorityBarrier barrier)) {
          throw new IllegalStateException("Unexpected priority event on channel " + gate.channel(c) + ": " + event);
        }
        barriers.onPriorityBarrier(c, barrier.barrier(), barrier.position());
      }
    }
    return true;
  }

  /** Copies the records of {@code batch} from {@code from} on, element {@code index} of channel {@code c}. */
  private void recordInFlight(int c, long index, RecordBatch batch, int from) {
    ChannelStateCodec.Chunk chunk = serializeInFlight(c, batch, from);
    if (chunk != null) {
      barriers.recordAt(c, index, chunk);
    }
  }

  /** The records of {@code batch} from {@code from} on, or null after giving up the checkpoint. */
  private ChannelStateCodec.Chunk serializeInFlight(int c, RecordBatch batch, int from) {
    String problem = channelState.problem(c);
    if (problem != null) {
      barriers.giveUp(problem);
      return null;
    }
    try {
      return channelState.serialize(c, batch, from);
    } catch (Exception e) {
      barriers.giveUp("cannot serialize an in-flight record of edge " + channelState.edgeName(c) + ": " + e);
      return null;
    }
  }

  /**
   * Records the in-flight elements waiting in the channels without reading them, so that the
   * checkpoint completes once the barriers' positions are reached rather than once the task has
   * worked through everything queued before them.
   */
  private void peekInFlight() throws Exception {
    for (int c = 0; c < gate.numberOfChannels(); c++) {
      LocalChannel channel = gate.channel(c);
      long index;
      while ((index = barriers.nextToPeek(c)) >= 0) {
        Object element = channel.peek(index - barriers.position(c));
        if (element == null || element instanceof CheckpointBarrier || element == StreamElements.END_OF_PARTITION
            || element instanceof ChannelFailure) {
          break; // not there yet, or a barrier or end that reading the channel handles
        }
        Object payload = null;
        if (element instanceof RecordBatch batch) {
          payload = serializeInFlight(c, batch, 0);
          if (payload == null) {
            return;
          }
        }
        barriers.peeked(c, index, payload);
      }
    }
  }

  /** Hands the in-flight records of the restored checkpoint to the head operator, before any new input. */
  private void replayChannelState() throws Exception {
    if (tdd.restore() == null) {
      return;
    }
    StreamNode headNode = tdd.vertex().getChain().get(0);
    List<InputChannelStateHandle> handles = tdd.restore().stateOf(headNode.getOperatorId()).inputChannelState();
    for (InputChannelStateHandle handle : handles) {
      String where = "input " + handle.inputIndex() + " of operator '" + headNode.getName() + "' in checkpoint "
          + tdd.restore().checkpointId();
      ChannelStateCodec.replay(handle, channelState.serializerOfInput(handle.inputIndex(), inputIndexOfChannel),
          this::processRestoredRecord, where);
    }
  }

  private void processRestoredRecord(int inputIndex, Object value, long timestamp) {
    try {
      if (headKeySetter != null) {
        headKeySetter.setKeyOf(oneInputHead != null ? 0 : inputIndex, value, null);
      }
      if (oneInputHead != null) {
        oneInputHead.processElement(value, timestamp);
      } else if (multipleInputsHead != null) {
        multipleInputsHead[inputIndex].processElement(value, timestamp);
      } else if (inputIndex == 0) {
        twoInputHead.processElement1(value, timestamp);
      } else {
        twoInputHead.processElement2(value, timestamp);
      }
    } catch (OperatorFailure f) {
      throw f;
    } catch (Exception | LinkageError | AssertionError e) {
      throw new OperatorFailure(chain.head().getName(), e);
    }
    countRecordsIn(1);
  }

  /**
   * Snapshots every operator of the chain for {@code barrier}: first lets them emit what must precede
   * the barrier, sends the barrier on, takes the synchronous part of each snapshot, and leaves the
   * writing to the checkpoint I/O threads, which acknowledge to the coordinator.
   */
  private void performCheckpoint(CheckpointBarrier barrier, long alignmentNanos, boolean unaligned) {
    long id = barrier.checkpointId();
    long syncStart = System.nanoTime();
    List<StreamOperator<?>> operators = chain.operators();
    for (StreamOperator<?> operator : operators) {
      try {
        operator.prepareSnapshotPreBarrier(id);
      } catch (Exception e) {
        throw new OperatorFailure(operator.getName(), e);
      }
    }
    for (RecordWriter writer : writers) {
      if (unaligned) {
        writer.broadcastPriorityEvent(barrier);
      } else {
        writer.broadcastEvent(barrier);
      }
    }
    CheckpointStreamFactory streams;
    try {
      streams = checkpointStorage.resolveStreams(id, barrier.options());
    } catch (Exception e) {
      checkpointResponder.declineCheckpoint(tdd.attemptId(), id, DeclineKind.FAILED,
          "task " + name + " cannot write state: " + e);
      return;
    }
    List<StreamNode> nodes = tdd.vertex().getChain();
    Map<String, OperatorSnapshot> snapshots = new HashMap<>();
    for (int i = 0; i < operators.size(); i++) {
      StreamOperator<?> operator = operators.get(i);
      try {
        snapshots.put(nodes.get(i).getOperatorId(),
            chain.stateHandlers().get(i).snapshot(operator, id, barrier.timestamp(), streams));
      } catch (Exception e) {
        // A failing snapshot is the checkpoint's failure, not the task's: the job goes on.
        checkpointResponder.declineCheckpoint(tdd.attemptId(), id, DeclineKind.FAILED,
            "operator '" + operator.getName() + "' in task " + name + " could not snapshot its state: " + e);
        return;
      }
    }
    long syncMillis = (System.nanoTime() - syncStart) / 1_000_000;
    long alignmentMillis = alignmentNanos / 1_000_000;
    if (!unaligned || source != null) {
      track(CompletableFuture.runAsync(
          () -> writeSnapshots(id, snapshots, streams, List.of(), alignmentMillis, syncMillis), checkpointIo));
      return;
    }
    CompletableFuture<List<ChannelStateCodec.InputRecords>> inFlight = new CompletableFuture<>();
    pendingChannelState.put(id, inFlight);
    // Acknowledged once the in-flight records are complete: the operators' state is written with them.
    track(inFlight.thenAcceptAsync(
        records -> writeSnapshots(id, snapshots, streams, records, alignmentMillis, syncMillis), checkpointIo));
  }

  /**
   * Gives up the unaligned snapshots up to {@code checkpointId} that still wait for in-flight records,
   * completing their futures so that nothing waits for writes that will not happen.
   */
  private void dropPendingChannelState(long checkpointId) {
    pendingChannelState.entrySet().removeIf(e -> {
      if (e.getKey() > checkpointId) {
        return false;
      }
      e.getValue().cancel(false);
      return true;
    });
  }

  private void track(CompletableFuture<?> snapshot) {
    asyncSnapshots.add(snapshot);
    snapshot.whenComplete((v, e) -> asyncSnapshots.remove(snapshot));
  }

  /**
   * Lets the snapshots this task has begun finish writing before it closes its operators, so that the
   * end of the input does not fail a checkpoint that only waits for them.
   */
  private void awaitAsyncSnapshots() {
    // Snapshots still waiting for in-flight records will get none now that the input ended.
    dropPendingChannelState(Long.MAX_VALUE);
    CompletableFuture<?>[] running = asyncSnapshots.toArray(new CompletableFuture<?>[0]);
    if (running.length == 0) {
      return;
    }
    try {
      CompletableFuture.allOf(running).get(ASYNC_SNAPSHOT_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // A snapshot that failed or takes too long declines its checkpoint; the task ends regardless.
    }
  }

  private void writeSnapshots(long id, Map<String, OperatorSnapshot> snapshots, CheckpointStreamFactory streams,
      List<ChannelStateCodec.InputRecords> inFlight, long alignmentMillis, long syncMillis) {
    long asyncStart = System.nanoTime();
    Map<String, OperatorSubtaskState> states = new HashMap<>();
    long size = 0;
    long checkpointedSize = 0;
    long inFlightBytes = 0;
    String headId = tdd.vertex().getChain().get(0).getOperatorId();
    try {
      List<InputChannelStateHandle> channelHandles = new ArrayList<>();
      try {
        for (ChannelStateCodec.InputRecords records : inFlight) {
          InputChannelStateHandle handle = ChannelStateCodec.write(records, streams);
          channelHandles.add(handle);
          inFlightBytes += handle.getStateSize();
        }
      } finally {
        if (!channelHandles.isEmpty()) {
          // registered before anything else can fail, so that a failure discards them too
          states.put(headId, new OperatorSubtaskState(List.of(), List.of(), channelHandles));
        }
      }
      for (Map.Entry<String, OperatorSnapshot> e : snapshots.entrySet()) {
        KeyedStateHandle keyed = e.getValue().keyedState().write();
        OperatorStateHandle operator = e.getValue().operatorState().write();
        OperatorSubtaskState channels = states.get(e.getKey());
        OperatorSubtaskState state = new OperatorSubtaskState(keyed == null ? List.of() : List.of(keyed),
            operator == null ? List.of() : List.of(operator),
            channels == null ? List.of() : channels.inputChannelState());
        if (!state.isEmpty()) {
          states.put(e.getKey(), state);
        }
      }
      for (OperatorSubtaskState state : states.values()) {
        size += state.getStateSize();
        checkpointedSize += state.getCheckpointedSize();
      }
    } catch (Throwable t) {
      for (OperatorSubtaskState written : states.values()) {
        discardQuietly(written);
      }
      checkpointResponder.declineCheckpoint(tdd.attemptId(), id, DeclineKind.FAILED,
          "task " + name + " could not write its state: " + t);
      return;
    }
    long asyncMillis = (System.nanoTime() - asyncStart) / 1_000_000;
    checkpointResponder.acknowledgeCheckpoint(tdd.attemptId(), id, states,
        new TaskCheckpointMetrics(alignmentMillis, syncMillis, asyncMillis, size, inFlightBytes, checkpointedSize));
  }

  private static void discardQuietly(OperatorSubtaskState state) {
    try {
      for (KeyedStateHandle h : state.keyedState()) {
        h.discardState();
      }
      for (OperatorStateHandle h : state.operatorState()) {
        h.discardState();
      }
      for (InputChannelStateHandle h : state.inputChannelState()) {
        h.records().discardState();
      }
    } catch (Exception ignored) {
      // best effort: the checkpoint directory is deleted as a whole when the checkpoint is aborted
    }
  }

  /** Hands what the valve combines from all input channels to the head operator. */
  private final class ValveToHead implements WatermarkValve.Downstream {
    @Override
    public void emitWatermark(long watermark) {
      currentInputWatermark = watermark;
      try {
        chain.head().processWatermark(watermark);
      } catch (OperatorFailure f) {
        throw f;
      } catch (Exception e) {
        throw new OperatorFailure(chain.head().getName(), e);
      }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
      try {
        chain.head().processWatermarkStatus(status);
      } catch (OperatorFailure f) {
        throw f;
      } catch (Exception e) {
        throw new OperatorFailure(chain.head().getName(), e);
      }
    }
  }

  private void finishOperators() {
    for (StreamOperator<?> operator : chain.operators()) {
      try {
        operator.finish();
      } catch (OperatorFailure f) {
        throw f;
      } catch (Exception e) {
        throw new OperatorFailure(operator.getName(), e);
      }
    }
    for (RecordWriter writer : writers) {
      writer.broadcastEvent(StreamElements.END_OF_PARTITION);
    }
  }

  private StepResult drain() {
    mailbox.clear();
    boolean drained = true;
    for (RecordWriter writer : writers) {
      drained &= writer.drainBacklog();
    }
    if (!drained || asyncSnapshotsRunning()) {
      return StepResult.IDLE;
    }
    terminate(ExecutionState.FINISHED, null);
    return StepResult.DONE;
  }

  /**
   * Whether a finished task still waits for snapshots it is writing (at most {@link
   * #ASYNC_SNAPSHOT_WAIT_SECONDS}): it waits by going idle, with a wake-up when they are done, rather
   * than by blocking its worker, which runs other tasks too (the consumers of this task's last rows).
   */
  private boolean asyncSnapshotsRunning() {
    if (asyncSnapshots.isEmpty()) {
      return false;
    }
    long now = System.nanoTime();
    if (snapshotWaitStartNanos == 0) {
      snapshotWaitStartNanos = now;
      // Snapshots still waiting for in-flight records will get none now that the input ended.
      dropPendingChannelState(Long.MAX_VALUE);
      Runnable wake = waker;
      if (wake != null) {
        CompletableFuture.allOf(asyncSnapshots.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> wake.run());
      }
    }
    // A snapshot that takes too long declines its checkpoint; the task ends regardless.
    return now - snapshotWaitStartNanos < TimeUnit.SECONDS.toNanos(ASYNC_SNAPSHOT_WAIT_SECONDS);
  }

  // ------------------------------------------------------------------ the end

  private void terminate(ExecutionState finalState, Throwable failure) {
    phase = Phase.DONE;
    if (finalState == ExecutionState.FINISHED) {
      awaitAsyncSnapshots();
    }
    Throwable closeFailure = closeOperators();
    processingTimeService.clear();
    mailbox.clear();
    if (finalState == ExecutionState.FINISHED && closeFailure != null) {
      finalState = ExecutionState.FAILED;
      failure = closeFailure;
    } else if (failure != null && closeFailure != null && closeFailure != failure) {
      failure.addSuppressed(closeFailure);
    }
    if (finalState != ExecutionState.FINISHED && chain != null) {
      chain.abandonChannels(shuffle);
    }
    transition(finalState, failure);
  }

  private Throwable closeOperators() {
    if (chain == null) {
      return null;
    }
    Throwable first = null;
    for (StreamOperator<?> operator : chain.operators()) {
      try {
        operator.close();
      } catch (Throwable t) {
        OperatorFailure failure = new OperatorFailure(operator.getName(), t);
        if (first == null) {
          first = failure;
        } else {
          first.addSuppressed(failure);
        }
      }
    }
    try {
      chain.disposeState();
    } catch (Throwable t) {
      if (first == null) {
        first = t;
      } else {
        first.addSuppressed(t);
      }
    }
    return first;
  }

  private void transition(ExecutionState newState, Throwable failure) {
    state = newState;
    listener.onStateChange(this, newState, failure);
  }

  @Override
  public String toString() {
    return "StreamTask(" + name + ", " + state + ")";
  }
}
