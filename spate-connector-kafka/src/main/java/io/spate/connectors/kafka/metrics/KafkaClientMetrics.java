package io.spate.connectors.kafka.metrics;

import io.spate.api.annotation.Internal;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Mirrors the metrics of a Kafka client (a consumer or a producer) as gauges in one metric group,
 * such as {@code KafkaSourceReader.KafkaConsumer} or {@code KafkaProducer}. A client metric named
 * {@code n} with the tags {@code topic=t} and {@code partition=p} becomes the gauge {@code
 * topic.t.partition.p.n}; tags {@code node-id} give a group the same way, and the client id, the
 * same for every metric of one client, is left out.
 *
 * <p>Each gauge is registered once and reads the client's metric when it is reported. {@link #update}
 * may be called again as the client adds metrics (a consumer adds per-partition ones after its
 * first fetch of the partition) or when the client is replaced by another (a transactional sink's
 * next producer): gauges then follow the metrics of the latest map they were found in. Only numeric
 * metrics are mirrored. Not thread-safe: call {@link #update} from one thread at a time.
 */
@Internal
public final class KafkaClientMetrics {

  /** The tags that become nested metric groups, in this order; the rest but the client id is ignored. */
  private static final String[] GROUP_TAGS = {"topic", "partition", "node-id"};

  private final MetricGroup group;
  /** By the client's metric group and the gauge's identifier. */
  private final Map<String, ClientMetricGauge> gauges = new HashMap<>();
  /** The identifiers registered; a second client metric group with the same name and tags is left out. */
  private final Set<String> registered = new HashSet<>();
  private int sizeAtLastUpdate = -1;

  /** Mirrors client metrics into {@code group}. */
  public KafkaClientMetrics(MetricGroup group) {
    this.group = Objects.requireNonNull(group, "group");
  }

  /**
   * Registers a gauge for each numeric metric of {@code metrics} not registered yet and points the
   * existing gauges at the metrics of this map.
   */
  public void update(Map<MetricName, ? extends Metric> metrics) {
    sizeAtLastUpdate = metrics.size();
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      MetricName name = entry.getKey();
      Metric metric = entry.getValue();
      if (!(metric.metricValue() instanceof Number)) {
        continue;
      }
      String id = identifier(name);
      String key = name.group() + ':' + id;
      ClientMetricGauge gauge = gauges.get(key);
      if (gauge != null) {
        gauge.metric = metric;
        continue;
      }
      if (!registered.add(id)) {
        continue;
      }
      gauge = new ClientMetricGauge(metric);
      gauges.put(key, gauge);
      groupOf(name).gauge(name.name(), gauge);
    }
  }

  /**
   * Like {@link #update} but only when the number of metrics changed since the last update, which
   * is cheap enough to call after every poll of a consumer.
   */
  public void updateIfChanged(Map<MetricName, ? extends Metric> metrics) {
    if (metrics.size() != sizeAtLastUpdate) {
      update(metrics);
    }
  }

  /** The number of gauges registered. */
  public int registeredGauges() {
    return registered.size();
  }

  private MetricGroup groupOf(MetricName name) {
    MetricGroup target = group;
    for (String tag : GROUP_TAGS) {
      String value = name.tags().get(tag);
      if (value != null) {
        target = target.addGroup(tag, value);
      }
    }
    return target;
  }

  private static String identifier(MetricName name) {
    StringBuilder id = new StringBuilder();
    for (String tag : GROUP_TAGS) {
      String value = name.tags().get(tag);
      if (value != null) {
        id.append(tag).append('.').append(value).append('.');
      }
    }
    return id.append(name.name()).toString();
  }

  /** Reads a client metric as a double; a metric that cannot be read now reports NaN. */
  private static final class ClientMetricGauge implements Gauge<Double> {
    volatile Metric metric;

    ClientMetricGauge(Metric metric) {
      this.metric = metric;
    }

    @Override
    public Double getValue() {
      Object value = metric.metricValue();
      return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
  }
}
