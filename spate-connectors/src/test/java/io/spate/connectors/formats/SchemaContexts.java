package io.spate.connectors.formats;

import io.spate.api.metrics.MetricGroup;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.util.UserCodeClassLoader;

/** The contexts a connector gives a schema's {@code open}, with a metric group the test reads. */
public final class SchemaContexts {

  private SchemaContexts() {}

  /** What a deserialization schema is opened with. */
  public static DeserializationSchema.InitializationContext deserialization(MetricGroup metrics) {
    return new DeserializationSchema.InitializationContext() {
      @Override
      public MetricGroup getMetricGroup() {
        return metrics;
      }

      @Override
      public UserCodeClassLoader getUserCodeClassLoader() {
        return null;
      }
    };
  }

  /** What a serialization schema is opened with. */
  public static SerializationSchema.InitializationContext serialization(MetricGroup metrics) {
    return new SerializationSchema.InitializationContext() {
      @Override
      public MetricGroup getMetricGroup() {
        return metrics;
      }

      @Override
      public UserCodeClassLoader getUserCodeClassLoader() {
        return null;
      }
    };
  }
}
