package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.api.metrics.HistogramStatistics;
import io.spate.api.metrics.Meter;
import io.spate.api.metrics.MeterView;
import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.ReservoirHistogram;
import io.spate.api.metrics.reporter.MetricConfig;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.api.metrics.reporter.MetricReporterFactory;
import io.spate.api.metrics.reporter.Scheduled;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/metrics.md, compiled and run; DocsSnippetsTest checks that each snippet still
 * occurs here word for word, so edit both together.
 */
class MetricsDocTest {

  record Order(String id, long amount) {}

  static final class OrderMetrics extends RichMapFunction<Order, Order> {
    private transient Counter orders;
    private transient Histogram amounts;
    private transient Meter ordersPerSecond;
    private volatile long lastAmount;

    @Override
    public void open(OpenContext openContext) {
      MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("orders");
      orders = group.counter("count");
      amounts = group.histogram("amount", new ReservoirHistogram(500));
      ordersPerSecond = group.meter("perSecond", new MeterView(orders, 60));
      group.gauge("lastAmount", (Gauge<Long>) () -> lastAmount);
    }

    @Override
    public Order map(Order order) {
      orders.inc(); // a plain increment: no lock, no allocation
      amounts.update(order.amount());
      lastAmount = order.amount();
      return order;
    }
  }

  /** Logs every metric it knows at each report. */
  public static final class LogReporter implements MetricReporter, Scheduled {
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
      metrics.put(group.getMetricIdentifier(name), metric);
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
      metrics.remove(group.getMetricIdentifier(name));
    }

    @Override
    public void report() {
      metrics.forEach((id, metric) -> System.out.println(id + " = " + valueOf(metric)));
    }

    private static Object valueOf(Metric metric) {
      if (metric instanceof Counter c) {
        return c.getCount();
      } else if (metric instanceof Gauge<?> g) {
        return g.getValue();
      } else if (metric instanceof Meter m) {
        return m.getRate();
      } else if (metric instanceof Histogram h) {
        HistogramStatistics s = h.getStatistics();
        return "p50 " + s.getQuantile(0.5) + ", p99 " + s.getQuantile(0.99) + ", max " + s.getMax();
      }
      return metric;
    }
  }

  /** Creates {@link LogReporter}s; listed in META-INF/services/io.spate.api.metrics.reporter.MetricReporterFactory. */
  public static final class LogReporterFactory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new LogReporter();
    }
  }

  @Test
  void aFunctionsMetricsAreReportedInItsOperatorsScope() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.fromElements(new Order("a", 10), new Order("b", 30), new Order("c", 20))
        .map(new OrderMetrics()).name("checkout")
        .discard();
    env.execute("shop");

    RecordingReporter reporter = RecordingReporter.withId(id);
    Map<String, Metric> byId = new ConcurrentHashMap<>();
    reporter.added.forEach(s -> byId.put(s.identifier(), s.metric()));
    String scope = byId.keySet().stream().filter(i -> i.endsWith(".checkout.0.orders.count")).findFirst()
        .orElseThrow().replace("orders.count", "");
    assertThat(scope).matches(".+\\.taskmanager\\.taskexecutor-0\\.shop\\.checkout\\.0\\.");
    assertThat(((Counter) byId.get(scope + "orders.count")).getCount()).isEqualTo(3);
    HistogramStatistics amounts = ((Histogram) byId.get(scope + "orders.amount")).getStatistics();
    assertThat(amounts.getQuantile(0.5)).isEqualTo(20.0);
    assertThat(amounts.getMax()).isEqualTo(30);
    assertThat(((Gauge<?>) byId.get(scope + "orders.lastAmount")).getValue()).isEqualTo(20L);
    assertThat(((Meter) byId.get(scope + "orders.perSecond")).getCount()).isEqualTo(3);
  }

  @Test
  void theLogReporterPrintsWhatItWasToldOf() {
    LogReporter reporter = (LogReporter) new LogReporterFactory().createMetricReporter(new Properties());
    reporter.open(new MetricConfig());
    Counter counter = new io.spate.api.metrics.SimpleCounter();
    counter.inc(5);
    MetricGroup group = new io.spate.api.metrics.groups.UnregisteredMetricsGroup();
    reporter.notifyOfAddedMetric(counter, "c", group);
    assertThat(reporter.metrics).containsEntry("c", counter);
    reporter.report();
    reporter.notifyOfRemovedMetric(counter, "c", group);
    assertThat(reporter.metrics).isEmpty();
  }
}
