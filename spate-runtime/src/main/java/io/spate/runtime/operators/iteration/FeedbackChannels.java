package io.spate.runtime.operators.iteration;

import io.spate.api.common.JobID;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.operators.OperatorContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where the head and the tail of an iteration's subtask meet: each acquires the channel of their
 * key when it opens and releases it when it closes; the channel is made by whichever comes first
 * and disposed of when both let go. The scheduler places the two in one TaskExecutor (they share a
 * co-location group), so that they find the same channel here. The key holds the attempt number,
 * so that a restarted pair never meets a channel of the attempt before.
 */
public final class FeedbackChannels {

  /**
   * The channel of subtask {@code subtask} of iteration {@code iterationId} in attempt {@code attempt}
   * of job {@code jobId}.
   */
  public record Key(JobID jobId, int attempt, int iterationId, int subtask) {}

  private static final class Entry {
    final FeedbackChannel channel;
    int users;

    Entry(FeedbackChannel channel) {
      this.channel = channel;
    }
  }

  /** How many fed-back records a channel keeps in memory before it spills to disk. */
  public static final int MEMORY_RECORDS = 1024;

  // One entry per running head/tail pair; removed when both released it.
  private static final Map<Key, Entry> CHANNELS = new ConcurrentHashMap<>();

  private FeedbackChannels() {}

  /** The channel of {@code key}, made by {@code factory} if neither end holds it yet. */
  public static FeedbackChannel acquire(Key key, Supplier<FeedbackChannel> factory) {
    return CHANNELS.compute(key, (k, entry) -> {
      Entry e = entry != null ? entry : new Entry(factory.get());
      e.users++;
      return e;
    }).channel;
  }

  /**
   * The key of the channel that the operator of {@code context} (a head or a tail of iteration
   * {@code iterationId}) uses.
   */
  public static Key keyOf(OperatorContext context, int iterationId) {
    return new Key(context.jobId(), context.taskInfo().attemptNumber(), iterationId,
        context.taskInfo().indexOfThisSubtask());
  }

  /**
   * Acquires the channel of {@code key} for the operator of {@code context}: a new one keeps {@link
   * #MEMORY_RECORDS} records in memory and spills the rest, serialized as {@code type}, under the
   * TaskExecutor's temporary directory.
   */
  @SuppressWarnings("unchecked")
  public static FeedbackChannel acquire(Key key, OperatorContext context, String iterationName,
      TypeInformation<?> type) {
    Path spillDirectory = Path.of(context.configuration().get(TaskManagerOptions.TMP_DIR));
    return acquire(key, () -> new FeedbackChannel(iterationName, MEMORY_RECORDS, spillDirectory, () -> {
      try {
        return (TypeSerializer<Object>) type.createSerializer();
      } catch (RuntimeException e) {
        throw new IllegalStateException("Iteration " + iterationName + " must spill records of type " + type
            + " to disk, but the type has no serializer: " + e.getMessage(), e);
      }
    }));
  }

  /** Gives up one end's hold on the channel of {@code key}; the last one disposes of it. */
  public static void release(Key key) {
    CHANNELS.computeIfPresent(key, (k, entry) -> {
      entry.users--;
      if (entry.users > 0) {
        return entry;
      }
      entry.channel.dispose();
      return null;
    });
  }
}
