package io.spate.runtime.source;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.eventtime.StrategyContext;
import io.spate.api.eventtime.WatermarkAlignmentParams;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;
import io.spate.api.operators.WatermarkStatus;
import io.spate.runtime.operators.OperatorContext;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.api.operators.Output;
import io.spate.api.operators.StreamOperator;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.OperatorStateBackend;
import io.spate.runtime.worker.Waker;
import io.spate.api.operators.StateSnapshotContext;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.runtime.operators.TaskOperatorParameters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The head of a source task: drives the {@link SourceReader} of its subtask, relays split
 * assignments from the enumerator, and generates watermarks. In a watermark alignment group it
 * reports its watermark to the coordinator and stops polling the reader while its watermark is
 * above the limit the coordinator announced. The reader's unfinished splits, with their positions, are
 * its operator state: a restored reader gets them back before it starts reading.
 */
public final class SourceOperator<T, S extends SourceSplit> implements StreamOperator<T>, PolledSource {

  /** The reader's splits, each as the split serializer's version followed by its bytes. */
  @SuppressWarnings("unchecked")
  static final ListStateDescriptor<byte[]> SPLITS_STATE = new ListStateDescriptor<>("SourceReaderState",
      (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE));

  private final Source<T, S, ?> source;
  private OperatorStateBackend operatorStateBackend;
  private ListState<byte[]> splitsState;
  private List<S> restoredSplits = List.of();
  private final WatermarkStrategy<T> watermarkStrategy;
  private OperatorEventGateway eventGateway;
  private OperatorContext context;
  private Output<T> output;
  private SourceReader<T, S> reader;
  private WatermarkingReaderOutput<T> readerOutput;
  private CompletableFuture<Void> availability;
  private final ReaderTimers timers = new ReaderTimers();
  private Waker waker;
  private long interval;
  // Whether periodic watermarks run, and the processing time (ms) of the last one emitted on catching up.
  private boolean periodicWatermarks;
  private long lastCatchUpEmit = Long.MIN_VALUE;
  // From a split request until the enumerator answers: a reader that waits for splits has not caught up.
  private boolean awaitingSplits;
  private PausableClock inputActivityClock;
  private WatermarkAlignmentParams alignment;
  // Until the coordinator's first announcement a reader may only emit up to its first watermark.
  private long maxAllowedWatermark = Long.MIN_VALUE;
  private boolean pausedForAlignment;

  /** Creates the operator. */
  @SuppressWarnings("unchecked")
  public SourceOperator(Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy) {
    this.source = (Source<T, S, ?>) source;
    this.watermarkStrategy = watermarkStrategy;
  }

  /** Sets where events for the enumerator go; called before {@link #open}. */
  public void setEventGateway(OperatorEventGateway eventGateway) {
    this.eventGateway = eventGateway;
  }

  @Override
  public void setup(StreamOperatorParameters<T> parameters) {
    TaskOperatorParameters<T> p = TaskOperatorParameters.of(parameters);
    this.context = p.context();
    this.output = p.output();
    operatorStateBackend = p.stateHandler().getOperatorStateBackend();
  }

  @Override
  public void initializeState() throws Exception {
    splitsState = operatorStateBackend.getListState(SPLITS_STATE);
    List<S> splits = new ArrayList<>();
    int index = 0;
    for (byte[] bytes : splitsState.get()) {
      splits.add(deserializeSplit(source.getSplitSerializer(), bytes, index++));
    }
    restoredSplits = splits;
  }

  private S deserializeSplit(SimpleVersionedSerializer<S> serializer, byte[] bytes, int index) throws IOException {
    try {
      return SplitBytes.deserialize(serializer, bytes);
    } catch (IOException | RuntimeException e) {
      throw new IOException("Cannot restore split " + index + " of the reader of source '" + getName() + "': "
          + e.getMessage(), e);
    }
  }

  @Override
  public void snapshotState(StateSnapshotContext snapshotContext) throws Exception {
    List<S> unfinished = reader.snapshotState(snapshotContext.getCheckpointId());
    List<byte[]> splits = new ArrayList<>(unfinished.size());
    for (S split : unfinished) {
      splits.add(SplitBytes.serialize(source.getSplitSerializer(), split));
    }
    splitsState.update(splits);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    reader.notifyCheckpointComplete(checkpointId);
  }

  /**
   * The watermark alignment a source runs with: its strategy's, in STREAMING with watermarks, else
   * none. The JobMaster's coordinator and the readers must agree on it, so both ask here.
   */
  public static WatermarkAlignmentParams alignmentOf(WatermarkStrategy<?> strategy, RuntimeExecutionMode mode) {
    WatermarkAlignmentParams params = mode == RuntimeExecutionMode.STREAMING && !strategy.isNoWatermarks()
        ? strategy.getAlignmentParameters() : null;
    return params != null && params.isEnabled() ? params : null;
  }

  @Override
  public void open() throws Exception {
    boolean streaming = context.runtimeMode() == RuntimeExecutionMode.STREAMING;
    // Without a generator there is nothing to track per record; the end of input still emits
    // the final watermark (see finish()).
    boolean watermarks = streaming && !watermarkStrategy.isNoWatermarks();
    inputActivityClock = new PausableClock(context.processingTimeService()::getCurrentProcessingTime);
    readerOutput = new WatermarkingReaderOutput<>(output, watermarkStrategy, watermarks,
        new StrategyContext(context.metricGroup(), inputActivityClock));
    SourceReaderMetrics readerMetrics = new SourceReaderMetrics(context.metricGroup(),
        context.processingTimeService()::getCurrentProcessingTime, readerOutput.lastTimestamp::get,
        readerOutput::currentWatermark, readerOutput.recordsEmitted::get);
    reader = source.createReader(new SourceReaderContext() {
      @Override
      public int getIndexOfSubtask() {
        return context.taskInfo().indexOfThisSubtask();
      }

      @Override
      public int currentParallelism() {
        return context.taskInfo().numberOfParallelSubtasks();
      }

      @Override
      public void sendSplitRequest() {
        awaitingSplits = true;
        eventGateway.sendEventToCoordinator(new SourceEvents.SplitRequest(getIndexOfSubtask()));
      }

      @Override
      public void sendSourceEventToCoordinator(SourceEvent event) {
        eventGateway.sendEventToCoordinator(new SourceEvents.Custom(getIndexOfSubtask(), event));
      }

      @Override
      public SourceReaderMetricGroup metricGroup() {
        return readerMetrics;
      }

      @Override
      public CompletableFuture<Void> availableAfter(long delayNanos) {
        return timers.after(delayNanos);
      }
    });
    // The enumerator must know the reader before the reader's first split request arrives.
    if (!restoredSplits.isEmpty()) {
      reader.addSplits(restoredSplits);
      restoredSplits = List.of();
    }
    eventGateway.sendEventToCoordinator(new SourceEvents.ReaderRegistered(context.taskInfo().indexOfThisSubtask()));
    reader.start();
    interval = context.executionConfig().getAutoWatermarkInterval();
    periodicWatermarks = watermarks && interval > 0;
    if (periodicWatermarks) {
      context.processingTimeService().registerTimer(
          context.processingTimeService().getCurrentProcessingTime() + interval, this::onPeriodicEmit);
    }
    alignment = alignmentOf(watermarkStrategy, context.runtimeMode());
    if (alignment != null) {
      reportWatermark(context.processingTimeService().getCurrentProcessingTime());
    }
  }

  private void onPeriodicEmit(long time) {
    try {
      readerOutput.emitPeriodicWatermark();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(getName(), e);
    }
    context.processingTimeService().registerTimer(time + interval, this::onPeriodicEmit);
  }

  private void reportWatermark(long time) {
    long watermark = readerOutput.isIdle() ? Long.MAX_VALUE : readerOutput.currentWatermark();
    eventGateway.sendEventToCoordinator(
        new SourceEvents.ReportedWatermark(context.taskInfo().indexOfThisSubtask(), watermark));
    context.processingTimeService().registerTimer(time + alignment.updateInterval().toMillis(), this::reportWatermark);
  }

  /** Polls the reader once; returns its status. Never blocks. */
  @Override
  public InputStatus emitNext() throws Exception {
    if (alignment != null && !mayPollUnderAlignment()) {
      return InputStatus.NOTHING_AVAILABLE;
    }
    if (availability != null) {
      if (!availability.isDone() && !(timers.fireDue() && availability.isDone())) {
        askWakeUpByNextTimer();
        return InputStatus.NOTHING_AVAILABLE;
      }
      availability = null;
    }
    InputStatus status = reader.pollNext(readerOutput);
    if (status == InputStatus.NOTHING_AVAILABLE) {
      emitWatermarkOnCatchingUp();
      availability = reader.isAvailable();
      Waker wake = waker;
      if (wake != null && !availability.isDone()) {
        availability.thenRun(wake);
        askWakeUpByNextTimer();
      }
    }
    return status;
  }

  /**
   * A reader that has caught up with its input asks its generators for their periodic watermark now,
   * at most once per millisecond, rather than at the next auto-watermark interval (200 ms by
   * default): event-time windows then close as soon as the input that closes them has been read.
   * A reader that never runs dry (a backlog) sees no extra calls, and neither does one that waits for
   * the answer to a split request: the next split may hold older events (files read one by one), which
   * a watermark taken at the end of the last split would make late.
   */
  private void emitWatermarkOnCatchingUp() {
    if (!periodicWatermarks || awaitingSplits) {
      return;
    }
    long now = context.processingTimeService().getCurrentProcessingTime();
    if (now != lastCatchUpEmit) {
      lastCatchUpEmit = now;
      readerOutput.emitPeriodicWatermark();
    }
  }

  private void askWakeUpByNextTimer() {
    long deadline = timers.nextDeadline();
    if (deadline != Long.MAX_VALUE && waker != null) {
      waker.wakeBy(deadline);
    }
  }

  /**
   * Has {@code waker} run when a reader that had nothing to emit has data again, and asks it to
   * look again when the reader's next {@link SourceReaderContext#availableAfter} timer is due.
   */
  @Override
  public void setWaker(Waker waker) {
    this.waker = waker;
  }

  private boolean mayPollUnderAlignment() {
    boolean ahead = readerOutput.currentWatermark() > maxAllowedWatermark;
    if (ahead != pausedForAlignment) {
      pausedForAlignment = ahead;
      if (ahead) {
        inputActivityClock.pause();
      } else {
        inputActivityClock.resume();
      }
    }
    return !ahead;
  }

  /** The number of records the reader has emitted. */
  @Override
  public long recordsEmitted() {
    return readerOutput == null ? 0 : readerOutput.recordsEmitted.get();
  }

  /** Handles an event from the enumerator. */
  @SuppressWarnings("unchecked")
  public void handleOperatorEvent(OperatorEvent event) {
    if (event instanceof SourceEvents.AddSplits add) {
      awaitingSplits = false;
      List<S> splits;
      try {
        splits = add.splits(source::getSplitSerializer);
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("The reader of source '" + getName() + "' cannot read a split its "
            + "enumerator assigned: " + e.getMessage(), e);
      }
      reader.addSplits(splits);
    } else if (event instanceof SourceEvents.NoMoreSplits) {
      awaitingSplits = false;
      reader.notifyNoMoreSplits();
    } else if (event instanceof SourceEvents.WatermarkAlignment limit) {
      maxAllowedWatermark = limit.maxAllowedWatermark();
    } else if (event instanceof SourceEvents.Custom custom) {
      try {
        reader.handleSourceEvents(custom.read(context.userClassLoader()));
      } catch (IOException e) {
        throw new IllegalStateException("The reader of source '" + getName() + "' cannot read an event of its "
            + "enumerator: " + e.getMessage(), e);
      }
    } else {
      throw new IllegalArgumentException("Unexpected event for a source reader: " + event);
    }
    availability = null;
  }

  @Override
  public void processWatermark(long watermark) {
    throw new IllegalStateException("A source has no input watermarks");
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) {
    throw new IllegalStateException("A source has no input watermark statuses");
  }

  /** Emits the final watermark now (a draining stop-with-savepoint), so that every window fires. */
  @Override
  public void emitFinalWatermark() {
    readerOutput.emitFinalWatermark();
  }

  @Override
  public void finish() {
    readerOutput.emitFinalWatermark();
    if (alignment != null) {
      eventGateway.sendEventToCoordinator(
          new SourceEvents.ReportedWatermark(context.taskInfo().indexOfThisSubtask(), Long.MAX_VALUE));
    }
  }

  @Override
  public void close() throws Exception {
    timers.clear();
    if (reader != null) {
      reader.close();
    }
  }

  @Override
  public String getName() {
    return context != null ? context.operatorName() : "Source";
  }
}
