package io.spate.runtime.jobmaster;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.eventtime.WatermarkAlignmentParams;
import io.spate.runtime.source.OperatorEvent;
import io.spate.runtime.source.SourceEvents;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs the {@link SplitEnumerator} of one source in the JobMaster, on the JobMaster's main thread,
 * and relays its split assignments to the source's subtasks. For a source in a watermark alignment
 * group it also collects its subtasks' watermarks and announces, every update interval, the highest
 * watermark they may read up to: the group's minimum plus the allowed drift.
 */
final class SourceCoordinator<S extends SourceSplit> implements AutoCloseable {

  /** Sends an event to a subtask of the source. */
  interface SubtaskSender {
    void send(int subtask, OperatorEvent event);
  }

  private final String sourceName;
  private final Source<?, S, ?> source;
  private final int parallelism;
  private final Executor coordinatorThread;
  private final SubtaskSender sender;
  private final Consumer<Throwable> failJob;
  private final int operatorId;
  private final WatermarkAlignmentParams alignment;
  private final WatermarkAlignmentGroups alignmentGroups;
  private final Set<Integer> registeredReaders = new TreeSet<>();
  private ScheduledExecutorService asyncWorker;
  private SplitEnumerator<S, ?> enumerator;

  /** A coordinator whose source is aligned ({@code alignment} not null) within {@code alignmentGroups}. */
  @SuppressWarnings("unchecked")
  SourceCoordinator(String sourceName, Source<?, ?, ?> source, int parallelism, Executor coordinatorThread,
      SubtaskSender sender, Consumer<Throwable> failJob, int operatorId, WatermarkAlignmentParams alignment,
      WatermarkAlignmentGroups alignmentGroups) {
    this.sourceName = sourceName;
    this.source = (Source<?, S, ?>) source;
    this.parallelism = parallelism;
    this.coordinatorThread = coordinatorThread;
    this.sender = sender;
    this.failJob = failJob;
    this.operatorId = operatorId;
    this.alignment = alignment;
    this.alignmentGroups = alignmentGroups;
  }

  /**
   * Creates and starts the enumerator, from {@code restoredState} (what {@link #snapshotState} wrote)
   * if not null; must run on the coordinator thread.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void start(byte[] restoredState) throws Exception {
    if (restoredState == null) {
      enumerator = source.createEnumerator(new Context());
    } else {
      SimpleVersionedSerializer serializer = source.getEnumeratorCheckpointSerializer();
      java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(restoredState));
      int version = in.readInt();
      byte[] bytes = in.readAllBytes();
      Object checkpoint;
      try {
        checkpoint = serializer.deserialize(version, bytes);
      } catch (java.io.IOException e) {
        throw new java.io.IOException("Cannot restore the split enumerator of source '" + sourceName + "': "
            + e.getMessage(), e);
      }
      enumerator = ((Source) source).restoreEnumerator(new Context(), checkpoint);
    }
    enumerator.start();
    if (alignment != null) {
      alignmentGroups.register(alignment.groupName(), operatorId, parallelism);
      long period = alignment.updateInterval().toMillis();
      asyncWorker().scheduleWithFixedDelay(() -> coordinatorThread.execute(this::announceWatermarkLimit),
          period, period, TimeUnit.MILLISECONDS);
    }
  }

  private void announceWatermarkLimit() {
    long min = alignmentGroups.minimum(alignment.groupName());
    long drift = alignment.maxAllowedDrift().toMillis();
    long limit = min > Long.MAX_VALUE - drift ? Long.MAX_VALUE : min + drift;
    SourceEvents.WatermarkAlignment event = new SourceEvents.WatermarkAlignment(limit);
    for (int subtask : registeredReaders) {
      sender.send(subtask, event);
    }
  }

  /** Handles an event from subtask {@code subtask}; must run on the coordinator thread. */
  void handleEvent(int subtask, OperatorEvent event) {
    try {
      if (event instanceof SourceEvents.ReaderRegistered) {
        registeredReaders.add(subtask);
        enumerator.addReader(subtask);
      } else if (event instanceof SourceEvents.SplitRequest) {
        enumerator.handleSplitRequest(subtask);
      } else if (event instanceof SourceEvents.ReportedWatermark reported && alignment != null) {
        alignmentGroups.report(alignment.groupName(), operatorId, subtask, reported.watermark());
      } else if (event instanceof SourceEvents.Custom custom) {
        // The source's own loader is the job's code in this process.
        enumerator.handleSourceEvent(subtask, custom.read(source.getClass().getClassLoader()));
      } else {
        throw new IllegalArgumentException("Unexpected event from a source reader: " + event);
      }
    } catch (Throwable t) {
      failJob.accept(new IllegalStateException(
          "The split enumerator of source '" + sourceName + "' failed: " + t, t));
    }
  }

  /** The enumerator's state for checkpoint {@code checkpointId}: format version, then the serialized state. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  byte[] snapshotState(long checkpointId) throws Exception {
    Object checkpoint = enumerator.snapshotState(checkpointId);
    SimpleVersionedSerializer serializer = source.getEnumeratorCheckpointSerializer();
    byte[] bytes = serializer.serialize(checkpoint);
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 + bytes.length);
    buffer.putInt(serializer.getVersion()).put(bytes);
    return buffer.array();
  }

  /** Checkpoint {@code checkpointId} completed. */
  void notifyCheckpointComplete(long checkpointId) {
    try {
      enumerator.notifyCheckpointComplete(checkpointId);
    } catch (Throwable t) {
      failJob.accept(new IllegalStateException(
          "The split enumerator of source '" + sourceName + "' failed: " + t, t));
    }
  }

  @Override
  public void close() throws Exception {
    if (asyncWorker != null) {
      asyncWorker.shutdownNow();
    }
    if (enumerator != null) {
      enumerator.close();
    }
  }

  private synchronized ScheduledExecutorService asyncWorker() {
    if (asyncWorker == null) {
      ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "spate-source-coordinator-" + sourceName);
        t.setDaemon(true);
        // The enumerator's calls may load classes of its job's jar by name through the context class
        // loader (Kafka's admin client does); the thread that happens to create this one may serve another job.
        t.setContextClassLoader(source.getClass().getClassLoader());
        return t;
      });
      pool.setRemoveOnCancelPolicy(true);
      asyncWorker = pool;
    }
    return asyncWorker;
  }

  private final class Context implements SplitEnumeratorContext<S> {
    @Override
    public int currentParallelism() {
      return parallelism;
    }

    @Override
    public Set<Integer> registeredReaders() {
      return Collections.unmodifiableSet(registeredReaders);
    }

    @Override
    public void assignSplit(S split, int subtaskId) {
      checkSubtask(subtaskId);
      sender.send(subtaskId, new SourceEvents.AddSplits(List.of(split), source::getSplitSerializer));
    }

    @Override
    public void signalNoMoreSplits(int subtaskId) {
      checkSubtask(subtaskId);
      sender.send(subtaskId, new SourceEvents.NoMoreSplits());
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
      checkSubtask(subtaskId);
      sender.send(subtaskId, new SourceEvents.Custom(subtaskId, event));
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler,
        long initialDelayMillis, long periodMillis) {
      Runnable call = () -> {
        T result = null;
        Throwable error = null;
        try {
          result = callable.call();
        } catch (Throwable t) {
          error = t;
        }
        T r = result;
        Throwable e = error;
        coordinatorThread.execute(() -> {
          try {
            handler.accept(r, e);
          } catch (Throwable t) {
            failJob.accept(new IllegalStateException(
                "The split enumerator of source '" + sourceName + "' failed: " + t, t));
          }
        });
      };
      if (periodMillis > 0) {
        asyncWorker().scheduleWithFixedDelay(call, initialDelayMillis, periodMillis, TimeUnit.MILLISECONDS);
      } else {
        asyncWorker().schedule(call, initialDelayMillis, TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public void runInCoordinatorThread(Runnable action) {
      coordinatorThread.execute(action);
    }

    private void checkSubtask(int subtaskId) {
      if (subtaskId < 0 || subtaskId >= parallelism) {
        throw new IllegalArgumentException("Source '" + sourceName + "' has subtasks 0.." + (parallelism - 1)
            + "; the enumerator addressed subtask " + subtaskId);
      }
    }
  }
}
