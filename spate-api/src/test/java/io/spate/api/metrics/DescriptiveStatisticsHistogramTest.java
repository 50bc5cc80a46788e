package io.spate.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptiveStatisticsHistogramTest {

  @Test
  void theStatisticsAreThoseOfTheLastWindowSizeValues() {
    qt().withExamples(300)
        .forAll(integers().between(1, 20), lists().of(longs().between(-1_000_000, 1_000_000)).ofSizeBetween(0, 60))
        .checkAssert((windowSize, values) -> {
          DescriptiveStatisticsHistogram histogram = new DescriptiveStatisticsHistogram(windowSize);
          values.forEach(histogram::update);
          List<Long> window = values.subList(Math.max(0, values.size() - windowSize), values.size());
          HistogramStatistics stats = histogram.getStatistics();
          assertThat(histogram.getCount()).isEqualTo(values.size());
          assertThat(stats.size()).isEqualTo(window.size());
          assertThat(stats.getValues()).containsExactly(window.stream().mapToLong(Long::longValue).toArray());
          if (window.isEmpty()) {
            assertThat(stats.getMean()).isNaN();
            assertThat(stats.getQuantile(0.5)).isNaN();
            return;
          }
          assertThat(stats.getMin()).isEqualTo(window.stream().mapToLong(Long::longValue).min().orElseThrow());
          assertThat(stats.getMax()).isEqualTo(window.stream().mapToLong(Long::longValue).max().orElseThrow());
          assertThat(stats.getMean()).isCloseTo(window.stream().mapToLong(Long::longValue).average().orElseThrow(),
              within(1e-6));
          assertThat(stats.getQuantile(0)).isEqualTo(stats.getMin());
          assertThat(stats.getQuantile(1)).isEqualTo(stats.getMax());
          double previous = Double.NEGATIVE_INFINITY;
          for (int i = 0; i <= 10; i++) {
            double q = stats.getQuantile(i / 10.0);
            assertThat(q).isBetween((double) stats.getMin(), (double) stats.getMax()).isGreaterThanOrEqualTo(previous);
            previous = q;
          }
        });
  }

  @Test
  void quantilesAreEstimatedAtPositionQTimesNPlusOne() {
    DescriptiveStatisticsHistogram histogram = new DescriptiveStatisticsHistogram(10);
    for (long v = 10; v >= 1; v--) {
      histogram.update(v);
    }
    HistogramStatistics stats = histogram.getStatistics();
    assertThat(stats.getQuantile(0.5)).isEqualTo(5.5);
    assertThat(stats.getQuantile(0.75)).isCloseTo(8.25, within(1e-9));
    assertThat(stats.getQuantile(0.05)).isEqualTo(1.0);
    assertThat(stats.getQuantile(0.99)).isEqualTo(10.0);
    assertThat(stats.getStdDev()).isCloseTo(Math.sqrt(82.5 / 9), within(1e-9));
    assertThatThrownBy(() -> stats.getQuantile(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DescriptiveStatisticsHistogram(0)).hasMessageContaining("window size 0");
  }

  @Test
  void aSerializedHistogramKeepsItsWindowAndCount() throws Exception {
    DescriptiveStatisticsHistogram histogram = new DescriptiveStatisticsHistogram(3);
    for (long v = 1; v <= 5; v++) {
      histogram.update(v);
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(histogram);
    }
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      DescriptiveStatisticsHistogram copy = (DescriptiveStatisticsHistogram) in.readObject();
      assertThat(copy.getCount()).isEqualTo(5);
      assertThat(copy.getStatistics().getValues()).containsExactly(3, 4, 5);
    }
  }
}
