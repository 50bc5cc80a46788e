package io.spate.api.serialization.schema;

import io.spate.api.annotation.Public;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.util.UserCodeClassLoader;
import java.io.Serializable;

/**
 * Turns a record of type {@code T} into the bytes of one message, for a connector that writes bytes.
 *
 * @param <T> the type of the serialized records
 */
@Public
public interface SerializationSchema<T> extends Serializable {

  /**
   * Prepares the schema before the first {@link #serialize} call, once per parallel instance: the
   * place to create what cannot be serialized with the schema.
   */
  default void open(InitializationContext context) throws Exception {}

  /** The bytes of {@code element}. */
  byte[] serialize(T element);

  /** What {@link #open} gets: the schema's metric group and the job's class loader. */
  @Public
  interface InitializationContext {

    /** The metric group of the operator that uses the schema, for the schema's own metrics. */
    MetricGroup getMetricGroup();

    /** The class loader of the job's code. */
    UserCodeClassLoader getUserCodeClassLoader();
  }
}
