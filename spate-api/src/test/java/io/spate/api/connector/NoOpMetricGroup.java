package io.spate.api.connector;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import java.util.List;

/** A metric group that keeps counters but reports nothing, for connector tests. */
public final class NoOpMetricGroup implements MetricGroup {

  @Override
  public Counter counter(String name) {
    return new Counter() {
      private long count;

      @Override
      public void inc() {
        count++;
      }

      @Override
      public void inc(long n) {
        count += n;
      }

      @Override
      public void dec() {
        count--;
      }

      @Override
      public long getCount() {
        return count;
      }
    };
  }

  @Override
  public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
    return gauge;
  }

  @Override
  public MetricGroup addGroup(String name) {
    return this;
  }

  @Override
  public List<String> getScopeComponents() {
    return List.of("test");
  }
}
