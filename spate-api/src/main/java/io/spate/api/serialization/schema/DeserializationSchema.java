package io.spate.api.serialization.schema;

import io.spate.api.annotation.Public;
import io.spate.api.functions.Collector;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.util.UserCodeClassLoader;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns the bytes of one message into records of type {@code T}, for a connector that reads bytes.
 *
 * @param <T> the type of the produced records
 */
@Public
public interface DeserializationSchema<T> extends Serializable, ResultTypeQueryable<T> {

  /**
   * Prepares the schema before the first {@link #deserialize} call, once per parallel instance: the
   * place to create what cannot be serialized with the schema (a parser, a registry client).
   */
  default void open(InitializationContext context) throws Exception {}

  /**
   * The record in {@code message}, or null if the message holds none, which the caller skips.
   *
   * @throws IOException if the message cannot be read
   */
  T deserialize(byte[] message) throws IOException;

  /**
   * Emits the records in {@code message} to {@code out}: by default the one that {@link
   * #deserialize(byte[])} returns, unless it is null. Schemas that find several records (or none) in
   * a message override this.
   */
  default void deserialize(byte[] message, Collector<T> out) throws IOException {
    T record = deserialize(message);
    if (record != null) {
      out.collect(record);
    }
  }

  /** Whether {@code nextElement} marks the end of the stream, so that the source stops before it. */
  boolean isEndOfStream(T nextElement);

  /** What {@link #open} gets: the schema's metric group and the job's class loader. */
  @Public
  interface InitializationContext {

    /** The metric group of the operator that uses the schema, for the schema's own metrics. */
    MetricGroup getMetricGroup();

    /** The class loader of the job's code. */
    UserCodeClassLoader getUserCodeClassLoader();
  }
}
