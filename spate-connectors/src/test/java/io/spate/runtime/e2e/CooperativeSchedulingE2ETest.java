package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** More subtasks than worker threads: the cooperative pool runs them all to the end. */
class CooperativeSchedulingE2ETest {

  public record KeyValue(long key, long value) {}

  private static void runKeyedJob(int parallelism, int workerThreads) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfiguration().setString("taskmanager.worker-threads", String.valueOf(workerThreads));
    long n = 40_000;
    List<KeyValue> out = collect(env.fromSequence(1, n)
        .map(i -> new KeyValue(i % 31, i))
        .rebalance()
        .map(kv -> new KeyValue(kv.key(), kv.value() * 2))
        .keyBy(KeyValue::key)
        .reduce((a, b) -> new KeyValue(a.key(), a.value() + b.value())));
    assertThat(out).hasSize((int) n);
    Map<Long, Long> last = new HashMap<>();
    for (KeyValue kv : out) {
      last.merge(kv.key(), kv.value(), Math::max);
    }
    Map<Long, Long> expected = new HashMap<>();
    for (long i = 1; i <= n; i++) {
      expected.merge(i % 31, 2 * i, Long::sum);
    }
    assertThat(last).isEqualTo(expected);
  }

  @Test
  void theConfiguredNumberOfWorkerThreadsRunsAllSubtasks() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    env.getConfiguration().setString("taskmanager.worker-threads", "3");
    E2eSupport.RecordingSink<Long> sink = new E2eSupport.RecordingSink<>();
    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG), WatermarkStrategy.noWatermarks(),
        "endless").keyBy(x -> x % 10).reduce((a, b) -> b).sinkTo(sink);
    JobClient client = env.executeAsync("worker-threads");
    try {
      Await.until(Duration.ofSeconds(30), "more than 1,000 records at the sink", () -> sink.landed().size() > 1_000);
      List<String> newWorkers = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.isAlive() && t.getName().contains("worker")
              && !t.getName().startsWith("ForkJoinPool"))
          .map(Thread::getName).collect(Collectors.toList());
      // 4 source + 4 reduce + 4 sink subtasks, on exactly 3 worker threads
      assertThat(newWorkers).as("worker threads of the job's TaskExecutor").hasSize(3);
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void parallelismFourOnTwoWorkerThreads() throws Exception {
    runKeyedJob(4, 2);
  }

  @Test
  void parallelismSixOnOneWorkerThread() throws Exception {
    runKeyedJob(6, 1);
  }
}
