package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointConfig;
import io.spate.api.checkpoint.CheckpointingMode;
import io.spate.api.checkpoint.ExternalizedCheckpointRetention;
import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.EmbeddedRocksDBStateBackend;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/state-and-checkpoints.md, compiled (and run where they run on their own);
 * DocsSnippetsTest checks that each snippet still occurs here word for word, so edit both together.
 */
class StateAndCheckpointsDocTest {

  record Click(String user, String page) {}

  static final class CountPerUser extends KeyedProcessFunction<String, Click, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class, 0L));
    }

    @Override
    public void processElement(Click click, Context ctx, Collector<String> out) throws IOException {
      count.update(count.value() + 1);
      out.collect(click.user() + " has " + count.value() + " clicks");
    }
  }

  @Test
  void keyedStateCountsPerUser() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<String> out = env.fromElements(new Click("ann", "a"), new Click("bob", "b"), new Click("ann", "c"))
        .setParallelism(1)
        .keyBy(Click::user)
        .process(new CountPerUser())
        .executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrder("ann has 1 clicks", "bob has 1 clicks", "ann has 2 clicks");
  }

  @Test
  void aJobChoosesItsStateBackend() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setStateBackend(new EmbeddedRocksDBStateBackend());   // or new HashMapStateBackend(), the default
    assertThat(env.getStateBackend()).isInstanceOf(EmbeddedRocksDBStateBackend.class);
  }

  @Test
  void checkpointingIsConfiguredInCode() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(10_000);                          // execution.checkpointing.interval: 10 s
    CheckpointConfig checkpoints = env.getCheckpointConfig();
    checkpoints.setCheckpointingMode(CheckpointingMode.EXACTLY_ONCE);   // execution.checkpointing.mode (the default)
    checkpoints.setCheckpointStorage("file:///data/checkpoints");      // state.checkpoints.dir
    checkpoints.setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(10)));

    assertThat(checkpoints.getCheckpointInterval()).isEqualTo(10_000);
    assertThat(checkpoints.getCheckpointingMode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    assertThat(checkpoints.getExternalizedCheckpointRetention())
        .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    assertThat(env.getRestartStrategy()).isEqualTo(RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(10)));
  }

  /**
   * The savepoint snippet, compiled but not run here: it names a directory of the reader's machine, and a
   * savepoint can only be taken once every task runs, which CheckpointingE2ETest waits for before it takes one.
   */
  static List<String> savepointsOf(StreamExecutionEnvironment env) throws Exception {
    JobClient client = env.executeAsync("orders");
    String savepoint = client.triggerSavepoint("/data/savepoints").get();        // a new savepoint-<job>-<id> directory
    String last = client.stopWithSavepoint(true, "/data/savepoints").get();      // true: drain (final watermark) first
    return List.of(savepoint, last);
  }
}
