package io.spate.metrics.jmx;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.api.metrics.Meter;
import io.spate.api.metrics.Metric;
import javax.management.NotCompliantMBeanException;
import javax.management.StandardMBean;

/** Wraps a metric in the standard MBean of its kind. */
final class JmxMetricAdapters {

  private JmxMetricAdapters() {}

  /** The MBean of {@code metric}, or null if it is of no kind JMX reports. */
  static StandardMBean mbeanOf(Metric metric) throws NotCompliantMBeanException {
    if (metric instanceof Counter counter) {
      return new StandardMBean((JmxMetricMBeans.JmxCounterMBean) counter::getCount,
          JmxMetricMBeans.JmxCounterMBean.class);
    } else if (metric instanceof Gauge<?> gauge) {
      return new StandardMBean((JmxMetricMBeans.JmxGaugeMBean) gauge::getValue, JmxMetricMBeans.JmxGaugeMBean.class);
    } else if (metric instanceof Meter meter) {
      return new StandardMBean(new MeterBean(meter), JmxMetricMBeans.JmxMeterMBean.class);
    } else if (metric instanceof Histogram histogram) {
      return new StandardMBean(new HistogramBean(histogram), JmxMetricMBeans.JmxHistogramMBean.class);
    }
    return null;
  }

  private record MeterBean(Meter meter) implements JmxMetricMBeans.JmxMeterMBean {
    @Override
    public double getRate() {
      return meter.getRate();
    }

    @Override
    public long getCount() {
      return meter.getCount();
    }
  }

  private record HistogramBean(Histogram histogram) implements JmxMetricMBeans.JmxHistogramMBean {
    @Override
    public long getCount() {
      return histogram.getCount();
    }

    @Override
    public double getMean() {
      return histogram.getStatistics().getMean();
    }

    @Override
    public double getStdDev() {
      return histogram.getStatistics().getStdDev();
    }

    @Override
    public long getMax() {
      return histogram.getStatistics().getMax();
    }

    @Override
    public long getMin() {
      return histogram.getStatistics().getMin();
    }

    @Override
    public double getMedian() {
      return histogram.getStatistics().getQuantile(0.5);
    }

    @Override
    public double get75thPercentile() {
      return histogram.getStatistics().getQuantile(0.75);
    }

    @Override
    public double get95thPercentile() {
      return histogram.getStatistics().getQuantile(0.95);
    }

    @Override
    public double get98thPercentile() {
      return histogram.getStatistics().getQuantile(0.98);
    }

    @Override
    public double get99thPercentile() {
      return histogram.getStatistics().getQuantile(0.99);
    }

    @Override
    public double get999thPercentile() {
      return histogram.getStatistics().getQuantile(0.999);
    }
  }
}
