package io.spate.runtime.tasks;

import io.spate.api.accumulators.Accumulator;
import io.spate.api.common.TaskInfo;
import io.spate.api.dag.PhysicalTransformation;
import io.spate.api.dag.Transformation;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.operators.BoundedOneInput;
import io.spate.api.operators.InFlightOperator;
import io.spate.api.operators.StreamOperator;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.checkpoint.CheckpointResponder;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.checkpoint.storage.CheckpointStorage;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.execution.ExecutionState;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.StreamNode;
import io.spate.runtime.metrics.TaskTimeAccount;
import io.spate.runtime.metrics.groups.OperatorMetricGroup;
import io.spate.runtime.metrics.groups.TaskMetricGroup;
import io.spate.runtime.network.InputGate;
import io.spate.runtime.network.ShuffleEnvironment;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.operators.OperatorContext;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.operators.iteration.IterationHeadOperator;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.source.OperatorEventGateway;
import io.spate.runtime.source.PolledSource;
import io.spate.runtime.source.SourceOperator;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.worker.Tasklet;
import io.spate.runtime.worker.Waker;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask: an operator chain fed either by a source reader or by network channels. It runs as a
 * {@link Tasklet} on a cooperative worker thread; everything that reaches it from outside (operator
 * events, cancellation) goes through its mailbox, so operator code is single-threaded. It owns the
 * lifecycle and the step; its {@link StreamInputProcessor} reads the input, its {@link
 * SubtaskCheckpointCoordinator} takes the snapshots.
 */
public final class StreamTask implements Tasklet {

  /** Receives the task's state changes. */
  @FunctionalInterface
  public interface StateListener {
    /** The task reached {@code state}; {@code failure} is set for FAILED. */
    void onStateChange(StreamTask task, ExecutionState state, Throwable failure);
  }

  private static final long IDLE_FLUSH_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  private enum Phase { CREATED, RUNNING, AWAITING_FINAL_CHECKPOINT, DRAINING, DONE }

  private static final Logger LOG = LoggerFactory.getLogger(StreamTask.class);

  private final TaskDeploymentDescriptor tdd;
  private final ClassLoader userClassLoader;
  private final ShuffleEnvironment shuffle;
  private final OperatorEventGateway eventGateway;
  private final StateListener listener;
  private final TaskMailbox mailbox;
  private final TaskProcessingTimeService processingTimeService = new TaskProcessingTimeService();
  private final TaskMetricGroup metrics;
  // Counted by this task's thread per batch, read by others (progress, reporters) without a fence.
  private final SimpleCounter recordsIn;
  private final OperatorMetricGroup headMetrics;
  private final boolean sourceTask;
  private final String name;
  private final CheckpointResponder checkpointResponder;
  private final Executor checkpointIo;
  private final FlushSchedule flushes;
  // Whether the end of the input waits for a final checkpoint (checkpointing on, checkpoints after tasks finish).
  private final boolean awaitsFinalCheckpoint;
  // Busy, backpressured and idle time, accounted once per step.
  private final TaskTimeAccount time = new TaskTimeAccount();
  private boolean outputFull; // the current step stopped because the output had no room

  private volatile ExecutionState state = ExecutionState.DEPLOYING;
  private volatile boolean cancelRequested;
  private volatile Throwable externalFailure;
  private volatile Thread stepThread;
  private volatile long stepStartNanos;
  // Set before the first step; other threads run it to end this task's worker's idle park.
  private volatile Waker waker;
  private volatile LongConsumer wakeBy; // the waker's, made once rather than per step

  private Phase phase = Phase.CREATED;
  private OperatorChain chain;
  // The accumulators the task's functions register; a legacy source function's own thread adds to them too.
  private final Map<String, Accumulator<?, ?>> accumulators =
      new ConcurrentHashMap<>();
  private TaskOutputs outputs;
  private SubtaskCheckpointCoordinator checkpoints;
  private StreamInputProcessor input;

  /** Creates the task; it starts on its first {@link #step()}. */
  public StreamTask(TaskDeploymentDescriptor tdd, ShuffleEnvironment shuffle,
      OperatorEventGateway eventGateway, StateListener listener, TaskMetricGroup metrics,
      CheckpointResponder checkpointResponder, Executor checkpointIo) {
    this.tdd = tdd;
    ClassLoader jobLoader = tdd.jobGraph().userClassLoader();
    this.userClassLoader = jobLoader != null ? jobLoader : StreamTask.class.getClassLoader();
    this.checkpointResponder = checkpointResponder;
    this.checkpointIo = checkpointIo;
    this.shuffle = shuffle;
    this.eventGateway = eventGateway;
    this.listener = listener;
    this.metrics = metrics;
    StreamNode headNode = tdd.vertex().getChain().get(0);
    this.headMetrics = metrics.getOrAddOperator(headNode.getOperatorId(), headNode.getName());
    this.recordsIn = metrics.numRecordsIn();
    this.sourceTask = tdd.vertex().getInputs().isEmpty();
    metrics.gauge("currentInputWatermark", (Gauge<Long>) this::currentInputWatermark);
    time.register(metrics);
    if (!sourceTask) {
      headMetrics.gauge("currentInputWatermark", (Gauge<Long>) this::currentInputWatermark);
    }
    this.name = tdd.vertex().getName() + " (" + (tdd.subtaskIndex() + 1) + "/" + tdd.vertex().getParallelism() + ")";
    this.mailbox = new TaskMailbox(name);
    this.awaitsFinalCheckpoint = CheckpointSettings.from(tdd.jobGraph().configuration())
        .awaitsFinalCheckpoint(tdd.jobGraph().runtimeMode());
    this.flushes = new FlushSchedule(
        FlushSchedule.bufferTimeoutNanos(tdd.vertex(), tdd.jobGraph().configuration()), IDLE_FLUSH_NANOS);
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

  /**
   * The accumulators that the functions of this task registered, by name; their local values are
   * final once the task has finished.
   */
  public Map<String, Accumulator<?, ?>> accumulators() {
    return accumulators;
  }

  /** The task's metric group, closed by its TaskExecutor when the task ends. */
  public TaskMetricGroup metricGroup() {
    return metrics;
  }

  private long currentInputWatermark() {
    StreamInputProcessor in = input;
    return in == null ? Long.MIN_VALUE : in.currentInputWatermark();
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
    mailbox.put(() -> {
      if (!(input instanceof SourceInputProcessor source) || !(source.source() instanceof SourceOperator<?, ?> reader)
          || operatorId != tdd.vertex().getHead().getId()) {
        throw new IllegalStateException("Task " + name + " has no operator " + operatorId + " taking events");
      }
      reader.handleOperatorEvent(event);
    });
  }

  /**
   * Starts checkpoint {@code barrier} at this task: at a source task, snapshot and then barrier
   * downstream; at a task whose inputs have all finished, the same once it has read what they sent.
   */
  public void triggerCheckpoint(CheckpointBarrier barrier) {
    mailbox.put(() -> {
      boolean running = phase == Phase.RUNNING || phase == Phase.AWAITING_FINAL_CHECKPOINT;
      if (running && input instanceof SourceInputProcessor source) {
        source.triggerCheckpoint(barrier);
      } else if (running && input instanceof NetworkInputProcessor network) {
        network.triggerCheckpoint(barrier);
      } else {
        checkpointResponder.declineCheckpoint(tdd.attemptId(), barrier.checkpointId(), DeclineKind.TASK_NOT_READY,
            "task " + name + (running ? " cannot start a checkpoint" : " is not running"));
      }
    });
  }

  /** A stop-with-savepoint failed: read the source again. */
  public void resumeAfterFailedStop() {
    mailbox.put(() -> {
      if (input instanceof SourceInputProcessor source) {
        source.resumeAfterFailedStop();
      }
    });
  }

  /** Checkpoint {@code checkpointId} completed: its operators may commit. */
  public void notifyCheckpointComplete(long checkpointId) {
    mailbox.put(() -> {
      if (phase != Phase.RUNNING && phase != Phase.AWAITING_FINAL_CHECKPOINT && phase != Phase.DRAINING) {
        return;
      }
      checkpoints.notifyComplete(checkpointId);
      if (input != null) {
        input.onCheckpointComplete(checkpointId);
      }
    });
  }

  /** Checkpoint {@code checkpointId} was aborted. */
  public void notifyCheckpointAborted(long checkpointId) {
    mailbox.put(() -> {
      if (phase != Phase.RUNNING && phase != Phase.AWAITING_FINAL_CHECKPOINT) {
        return;
      }
      input.onCheckpointAborted(checkpointId);
      checkpoints.notifyAborted(checkpointId);
    });
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
    mailbox.setWake(waker);
  }

  @Override
  public StepResult step() {
    if (phase == Phase.DONE) {
      return StepResult.DONE;
    }
    stepStartNanos = System.nanoTime();
    time.stepStarted(stepStartNanos);
    outputFull = false;
    Thread thread = Thread.currentThread();
    stepThread = thread;
    // Libraries in a job's jar load classes by name through the context class loader (Kafka's
    // clients do, for their configured classes), as on a Flink task thread. A worker runs the tasks
    // of several jobs, so each step sets the loader of its own job; threads the step starts inherit it.
    ClassLoader workerLoader = thread.getContextClassLoader();
    thread.setContextClassLoader(userClassLoader);
    StepResult result = StepResult.PROGRESS;
    try {
      result = doStep();
      return result;
    } finally {
      time.stepEnded(result == StepResult.PROGRESS, outputFull);
      thread.setContextClassLoader(workerLoader);
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
        case AWAITING_FINAL_CHECKPOINT -> awaitFinalCheckpoint();
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

  private StepResult initialize() throws Exception {
    transition(ExecutionState.INITIALIZING, null);
    chain = new OperatorChain(tdd, shuffle, this::contextFor, metrics, accumulators);
    StreamOperator<?> head = chain.head();
    if (head instanceof SourceOperator<?, ?> source) {
      source.setEventGateway(eventGateway);
    }
    InputGate gate = chain.inputGate();
    Waker wake = waker;
    if (wake != null) {
      gate.registerWaker(wake);
      for (var writer : chain.writers()) {
        writer.registerWaker(wake);
      }
      if (head instanceof PolledSource source) {
        source.setWaker(wake);
      }
    }
    CheckpointStorage storage = CheckpointStorage.forJob(CheckpointSettings.from(tdd.jobGraph().configuration()),
        tdd.jobGraph().jobId());
    List<StreamNode> nodes = tdd.vertex().getChain();
    HeadInput headInput = head instanceof PolledSource ? null : HeadInput.of(chain, nodes.get(0));
    List<StreamOperator<?>> operators = chain.operators();
    boolean finishedOnRestore = tdd.restore() != null && tdd.restore().finished();
    for (int i = operators.size() - 1; i >= 0; i--) {
      StreamOperator<?> operator = operators.get(i);
      if (i > 0 && operator instanceof InFlightOperator) {
        throw new IllegalStateException("Operator '" + operator.getName() + "' keeps records in flight and must"
            + " head its chain, but is chained in task " + name);
      }
      if (finishedOnRestore && i == 0 && head instanceof PolledSource) {
        continue; // a finished source reads nothing, so its reader does not even ask for splits
      }
      OperatorFailure.run(operator.getName(), () -> {
        operator.initializeState();
        operator.open();
      });
    }
    // Made once the operators are open: a sink writer says whether it may backpressure when it opens.
    outputs = new TaskOutputs(chain.writers(), operators);
    checkpoints = new SubtaskCheckpointCoordinator(operators, chain.stateHandlers(),
        nodes.stream().map(StreamNode::getOperatorId).toList(), outputs, storage, checkpointResponder,
        tdd.attemptId(), name, checkpointIo, !(head instanceof PolledSource));
    checkpoints.registerMetrics(metrics);
    if (finishedOnRestore) {
      return endAsFinishedOnRestore();
    }
    input = head instanceof PolledSource source
        ? new SourceInputProcessor(source, outputs, mailbox, checkpoints)
        : new NetworkInputProcessor(gate, headInput, head,
            nodes.get(0).getOperatorId(), outputs, checkpoints, new ChannelStateCodec(chain.channelEdges()),
            inFlightRestore(), recordsIn, headMetrics.numRecordsIn());
    if (head instanceof IterationHeadOperator<?> iterationHead) {
      input = new IterationHeadInputProcessor(iterationHead, input, gate.numberOfChannels() > 0, outputs, waker);
    }
    input.open();
    phase = Phase.RUNNING;
    transition(ExecutionState.RUNNING, null);
    return StepResult.PROGRESS;
  }

  /**
   * This subtask had finished in the checkpoint it restores: its operators got their state back (a
   * sink committed again what it held) but do not run again, so none of them emits anything or sees
   * the end of its input a second time; the task ends its output at once.
   */
  private StepResult endAsFinishedOnRestore() {
    LOG.info("Task {} had finished in checkpoint {}: it restores its operators' state and ends without running"
        + " them", name, tdd.restore().checkpointId());
    phase = Phase.RUNNING;
    transition(ExecutionState.RUNNING, null);
    if (awaitsFinalCheckpoint) {
      outputs.broadcastEvent(StreamElements.END_OF_DATA);
    }
    return endOutput();
  }

  /**
   * The restore whose in-flight records the input replays: none when the job drops those of the
   * checkpoint it recovers from ({@code CheckpointConfig.setCheckpointIdOfIgnoredInFlightData}).
   */
  private io.spate.runtime.checkpoint.TaskRestore inFlightRestore() {
    io.spate.runtime.checkpoint.TaskRestore restore = tdd.restore();
    long ignored = tdd.jobGraph().configuration()
        .get(io.spate.api.configuration.CheckpointingOptions.CHECKPOINT_ID_OF_IGNORED_IN_FLIGHT_DATA);
    if (restore != null && ignored >= 0 && restore.checkpointId() == ignored) {
      LOG.info("Task {} restores checkpoint {} without its in-flight records, as the job asks.", name, ignored);
      return null;
    }
    return restore;
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

  /**
   * One step of a running task, in named phases: mail, due timers, priority events (taken even while
   * the output is full), then, if the output has room, completions of in-flight records and a bounded
   * read of input; a flush when the schedule says so; the end once the input is finished.
   */
  private StepResult run() throws Exception {
    boolean progress = mailbox.runAll();
    progress |= processingTimeService.fireDue(stepStartNanos, wakeBy);
    progress |= input.processPriorityEvents();
    if (!outputs.isAvailable()) {
      outputFull = true;
      return progress ? StepResult.PROGRESS : StepResult.IDLE;
    }
    progress |= input.runCompletions();
    boolean inputProgress = input.processInput();
    if (flushes.flushNow(stepStartNanos, inputProgress, !inputProgress && outputs.anyPartlyFilledBatch(), wakeBy)) {
      outputs.flush();
    }
    if (input.isFinished()) {
      finishOperators();
      if (awaitsFinalCheckpoint) {
        outputs.broadcastEvent(StreamElements.END_OF_DATA);
        checkpoints.operatorsFinished();
        phase = Phase.AWAITING_FINAL_CHECKPOINT;
        checkpointResponder.reportAwaitingFinalCheckpoint(tdd.attemptId());
        return StepResult.PROGRESS;
      }
      return endOutput();
    }
    return progress || inputProgress ? StepResult.PROGRESS : StepResult.IDLE;
  }

  private void finishOperators() {
    for (StreamOperator<?> operator : chain.operators()) {
      if (operator instanceof BoundedOneInput bounded) {
        OperatorFailure.run(operator.getName(), bounded::endInput);
      }
      OperatorFailure.run(operator.getName(), operator::finish);
    }
  }

  /**
   * A step after the operators finished, while the task waits for a checkpoint taken since then to
   * complete (its sinks commit their last transaction on it): it takes part in checkpoints, reading
   * only barriers and ends from its input, and ends its output once that checkpoint completed. Timers
   * no longer fire.
   */
  private StepResult awaitFinalCheckpoint() throws Exception {
    boolean progress = mailbox.runAll();
    if (checkpoints.finalCheckpointCompleted()) {
      return endOutput();
    }
    progress |= input.processPriorityEvents();
    if (outputs.isAvailable()) {
      progress |= input.processInput();
    }
    if (!outputs.drainBacklog()) {
      return progress ? StepResult.PROGRESS : StepResult.IDLE;
    }
    if (outputs.anyPartlyFilledBatch()) {
      outputs.flush();
    }
    return progress ? StepResult.PROGRESS : StepResult.IDLE;
  }

  /** Ends every output channel after what was sent, and drains until the consumers have it all. */
  private StepResult endOutput() {
    outputs.broadcastEvent(StreamElements.END_OF_PARTITION);
    phase = Phase.DRAINING;
    return drain();
  }

  private StepResult drain() {
    mailbox.clear();
    if (!outputs.drainBacklog() || checkpoints.snapshotsRunning(waker)) {
      return StepResult.IDLE;
    }
    terminate(ExecutionState.FINISHED, null);
    return StepResult.DONE;
  }

  // ------------------------------------------------------------------ the end

  private void terminate(ExecutionState finalState, Throwable failure) {
    phase = Phase.DONE;
    if (finalState == ExecutionState.FINISHED) {
      checkpoints.awaitSnapshots();
    }
    Throwable closeFailure = chain == null ? null : chain.closeOperators();
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

  private void transition(ExecutionState newState, Throwable failure) {
    state = newState;
    listener.onStateChange(this, newState, failure);
  }

  @Override
  public String toString() {
    return "StreamTask(" + name + ", " + state + ")";
  }
}
