package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.JobExecutionException;
import io.spate.api.dag.PartitionSpec;
import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Runs a stream's job and reads the stream's records back into the program, mostly for tests. */
@PublicEvolving
public final class DataStreamUtils {

  private DataStreamUtils() {}

  /**
   * Runs the job with {@code stream} as a sink and returns an iterator over its records; the same
   * as {@link DataStream#executeAndCollect()}.
   *
   * @throws RuntimeException naming the job if it cannot be submitted
   */
  public static <OUT> CloseableIterator<OUT> collect(DataStream<OUT> stream) {
    return collect(stream, "Data Stream Collect");
  }

  /** Like {@link #collect(DataStream)}, naming the job {@code executionJobName}. */
  public static <OUT> CloseableIterator<OUT> collect(DataStream<OUT> stream, String executionJobName) {
    try {
      return collectWithClient(stream, executionJobName).iterator;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new RuntimeException("Could not run the job '" + executionJobName + "' to collect its records: " + e, e);
    }
  }

  /** Like {@link #collect(DataStream, String)}, also returning the client of the job it starts. */
  public static <OUT> ClientAndIterator<OUT> collectWithClient(DataStream<OUT> stream, String jobExecutionName)
      throws Exception {
    Objects.requireNonNull(stream, "stream");
    return stream.executeAndCollectWithClient(jobExecutionName);
  }

  /** Runs the job of the bounded {@code stream} to its end and returns all its records. */
  public static <E> List<E> collectBoundedStream(DataStream<E> stream, String jobName) throws Exception {
    List<E> records = new ArrayList<>();
    try (CloseableIterator<E> iterator = collect(stream, jobName)) {
      iterator.forEachRemaining(records::add);
    } catch (CollectIterator.JobFailedException e) {
      throw (JobExecutionException) e.getCause();
    }
    return records;
  }

  /** Runs the job of {@code stream}, returns its first {@code numElements} records and cancels it. */
  public static <E> List<E> collectUnboundedStream(DataStream<E> stream, int numElements, String jobName)
      throws Exception {
    try (ClientAndIterator<E> job = collectWithClient(stream, jobName)) {
      return collectRecordsFromUnboundedStream(job, numElements);
    }
  }

  /**
   * Reads the next {@code numElements} records of {@code client}'s iterator.
   *
   * @throws IllegalStateException naming both counts if the job ends before it produced that many
   */
  public static <E> List<E> collectRecordsFromUnboundedStream(ClientAndIterator<E> client, int numElements) {
    Objects.requireNonNull(client, "client");
    if (numElements < 0) {
      throw new IllegalArgumentException("numElements must not be negative: " + numElements);
    }
    List<E> records = new ArrayList<>(numElements);
    while (records.size() < numElements && client.iterator.hasNext()) {
      records.add(client.iterator.next());
    }
    if (records.size() < numElements) {
      throw new IllegalStateException("The job " + client.client.getJobID() + " ended after " + records.size()
          + " records, before the " + numElements + " asked for.");
    }
    return records;
  }

  /**
   * {@code stream} as a keyed stream by {@code keySelector}, without repartitioning it: each record
   * stays on its subtask. The stream must already be partitioned exactly as {@code keyBy} would
   * partition it (same key, same parallelism and max parallelism), such as the output of a map right
   * after a {@code keyBy}; otherwise records reach subtasks that do not own their keys' key groups,
   * and their keyed state is not where a restore or a rescale looks for it.
   */
  public static <T, K> KeyedStream<T, K> reinterpretAsKeyedStream(DataStream<T> stream, KeySelector<T, K> keySelector) {
    Objects.requireNonNull(keySelector, "keySelector");
    TypeInformation<K> keyType = TypeExtractor.getUnaryReturnType(
        keySelector, KeySelector.class, 0, 1, stream.getType(), "Key Selector");
    return reinterpretAsKeyedStream(stream, keySelector, keyType);
  }

  /** Like {@link #reinterpretAsKeyedStream(DataStream, KeySelector)}, with the key type given. */
  public static <T, K> KeyedStream<T, K> reinterpretAsKeyedStream(
      DataStream<T> stream, KeySelector<T, K> keySelector, TypeInformation<K> typeInfo) {
    Objects.requireNonNull(stream, "stream");
    return new KeyedStream<>(stream, new PartitionSpec.Forward(), Objects.requireNonNull(keySelector, "keySelector"),
        Objects.requireNonNull(typeInfo, "typeInfo"));
  }
}
