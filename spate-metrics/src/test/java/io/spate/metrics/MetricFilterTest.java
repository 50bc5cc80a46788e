package io.spate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Flink's reporter filters: {@code <scope>[:<name>[,<name>][:<type>[,<type>]]]}, separated by semicolons. */
class MetricFilterTest {

  @Test
  void withoutOptionsEverythingIsReported() {
    MetricFilter filter = MetricFilter.parse(null, null);
    assertThat(filter.accepts("taskmanager.job.task.operator", "numRecordsIn", MetricType.COUNTER)).isTrue();
    assertThat(filter.accepts("jobmanager", "x", MetricType.HISTOGRAM)).isTrue();
  }

  @Test
  void scopeNamesAndTypesMatchWithWildcards() {
    MetricFilter filter = MetricFilter.parse("*.job:*Checkpoint*:gauge;taskmanager.job.task.operator:numRecords*", null);
    assertThat(filter.accepts("jobmanager.job", "lastCheckpointDuration", MetricType.GAUGE)).isTrue();
    assertThat(filter.accepts("jobmanager.job", "lastCheckpointDuration", MetricType.COUNTER)).isFalse();
    assertThat(filter.accepts("jobmanager.job.extra", "lastCheckpointDuration", MetricType.GAUGE)).isFalse();
    assertThat(filter.accepts("taskmanager.job.task.operator", "numRecordsOut", MetricType.COUNTER)).isTrue();
    assertThat(filter.accepts("taskmanager.job.task.operator", "numRecordsOutPerSecond", MetricType.METER)).isTrue();
    assertThat(filter.accepts("taskmanager.job.task", "numRecordsOut", MetricType.COUNTER)).isFalse();
  }

  @Test
  void anExcludeWinsOverAnInclude() {
    MetricFilter filter = MetricFilter.parse("*", "*:*PerSecond:meter; jobmanager:a,b");
    assertThat(filter.accepts("taskmanager.job.task", "numRecordsInPerSecond", MetricType.METER)).isFalse();
    assertThat(filter.accepts("taskmanager.job.task", "numRecordsInPerSecond", MetricType.GAUGE)).isTrue();
    assertThat(filter.accepts("jobmanager", "b", MetricType.COUNTER)).isFalse();
    assertThat(filter.accepts("jobmanager", "c", MetricType.COUNTER)).isTrue();
  }

  @Test
  void malformedFiltersAreErrorsNamingTheOptionAndTheFilter() {
    assertThatThrownBy(() -> MetricFilter.parse("*:numRecordsIn:timer", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'filter.includes'").hasMessageContaining("'timer'")
        .hasMessageContaining("counter, meter, gauge, histogram");
    assertThatThrownBy(() -> MetricFilter.parse(null, "a:b:c:d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'filter.excludes'").hasMessageContaining("'a:b:c:d'");
    assertThatThrownBy(() -> MetricFilter.parse(":x", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty scope");
  }
}
