package io.spate.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import io.spate.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RocksDB's native properties, reported per state (column family) of a running job when asked for. */
class RocksDBNativeMetricsE2ETest {

  /** Counts the records of each key in a value state named "count". */
  static final class CountPerKey extends RichMapFunction<Long, Long> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public Long map(Long value) throws Exception {
      Long seen = count.value();
      count.update(seen == null ? 1 : seen + 1);
      return value;
    }
  }

  @Test
  void theStatesColumnFamilyReportsItsKeysMemtablesAndCompactions(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.getConfiguration().set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    env.getConfiguration().set(RocksDBOptions.LOCAL_DIRECTORY, dir.toString());
    env.getConfiguration().set(RocksDBOptions.MONITOR_ESTIMATE_NUM_KEYS, true);
    env.getConfiguration().set(RocksDBOptions.MONITOR_CUR_SIZE_ALL_MEM_TABLE, true);
    env.getConfiguration().set(RocksDBOptions.BLOCK_CACHE_CAPACITY, true);
    env.getConfiguration().set(RocksDBOptions.MONITOR_NUM_RUNNING_COMPACTIONS, true);
    env.fromSequence(1, Long.MAX_VALUE).keyBy(x -> x % 1000).map(new CountPerKey()).name("counter").discard();
    JobClient client = env.executeAsync("rocksdb metrics");
    RecordingReporter reporter = RecordingReporter.withId(id);
    try {
      Await.until(Duration.ofSeconds(60), "about 1000 keys estimated",
          () -> gauge(reporter, "rocksdb.estimate-num-keys") >= 900);
      assertThat(gauge(reporter, "rocksdb.cur-size-all-mem-tables")).isPositive();
      assertThat(gauge(reporter, "rocksdb.block-cache-capacity")).isPositive();
      assertThat(gauge(reporter, "rocksdb.num-running-compactions")).isNotNegative();
      assertThat(reporter.added).filteredOn(s -> s.name().equals("rocksdb.estimate-num-keys"))
          .allSatisfy(s -> assertThat(s.identifier()).contains(".counter.0.count."));
      assertThat(reporter.added).noneMatch(s -> s.name().equals("rocksdb.estimate-live-data-size"));
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
    // Once the backend is gone, the gauges read nothing from the closed database.
    Await.until(Duration.ofSeconds(30), "the gauges to read 0 after the job",
        () -> gauge(reporter, "rocksdb.estimate-num-keys") == 0);
  }

  @Test
  void noNativeMetricIsReportedUnlessAskedFor() {
    assertThat(RocksDBNativeMetrics.of(new Configuration(), new UnregisteredMetricsGroup(), (state, p) -> 1)).isNull();
  }

  private static long gauge(RecordingReporter reporter, String name) {
    return reporter.added.stream()
        .filter(s -> s.name().equals(name))
        .mapToLong(s -> ((Number) ((Gauge<?>) s.metric()).getValue()).longValue())
        .findFirst().orElse(-1);
  }
}
