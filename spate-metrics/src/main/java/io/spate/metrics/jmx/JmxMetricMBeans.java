package io.spate.metrics.jmx;

import io.spate.api.annotation.PublicEvolving;

/** The management interfaces of the MBeans a {@link JMXReporter} registers, one per kind of metric. */
@PublicEvolving
public final class JmxMetricMBeans {

  private JmxMetricMBeans() {}

  /** A counter's MBean: attribute {@code Count}. */
  public interface JmxCounterMBean {
    /** The counter's count. */
    long getCount();
  }

  /** A gauge's MBean: attribute {@code Value}, the gauge's value as it is (JMX clients show any object). */
  public interface JmxGaugeMBean {
    /** The gauge's value. */
    Object getValue();
  }

  /** A meter's MBean: attributes {@code Rate} (per second) and {@code Count}. */
  public interface JmxMeterMBean {
    /** Events per second. */
    double getRate();

    /** Events marked in all. */
    long getCount();
  }

  /** A histogram's MBean: the count and the statistics of the values it keeps. */
  public interface JmxHistogramMBean {
    /** Values recorded in all. */
    long getCount();

    /** The mean of the kept values. */
    double getMean();

    /** Their standard deviation. */
    double getStdDev();

    /** The largest kept value. */
    long getMax();

    /** The smallest kept value. */
    long getMin();

    /** The median. */
    double getMedian();

    /** The 75th percentile. */
    double get75thPercentile();

    /** The 95th percentile. */
    double get95thPercentile();

    /** The 98th percentile. */
    double get98thPercentile();

    /** The 99th percentile. */
    double get99thPercentile();

    /** The 99.9th percentile. */
    double get999thPercentile();
  }
}
