package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.ParameterTool;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.FileSystemCheckpointStorage;
import io.spate.api.state.FsStateBackend;
import io.spate.api.state.HashMapStateBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/datastream-api.md's "Job parameters and environment settings" and of
 * docs/state-and-checkpoints.md's "State backend names of older programs", compiled and run;
 * DocsSnippetsTest checks that each occurs here word for word, so edit both together.
 */
@SuppressWarnings("deprecation")
class FlinkProgramSettingsDocTest {

  /** Prefixes each record with the job's --prefix parameter. */
  static final class Prefix extends RichMapFunction<String, String> {
    private transient String prefix;

    @Override
    public void open(OpenContext ctx) {
      prefix = getRuntimeContext().getGlobalJobParameters().getOrDefault("prefix", "");
    }

    @Override
    public String map(String value) {
      return prefix + value;
    }
  }

  static List<String> run(String[] args) throws Exception {
    ParameterTool params = ParameterTool.fromArgs(args);          // --prefix "> " --parallelism 2
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.getConfig().setGlobalJobParameters(params);               // every function can read them
    env.setParallelism(params.getInt("parallelism", 1));
    return env.fromElements("a", "b").map(new Prefix()).executeAndCollect(10);
  }

  @Test
  void parametersReachTheFunctions() throws Exception {
    assertThat(run(new String[] {"--prefix", "> ", "--parallelism", "2"})).containsExactlyInAnyOrder("> a", "> b");
    assertThat(run(new String[] {})).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aLocalEnvironmentFromAConfiguration() throws Exception {
    Configuration conf = new Configuration();
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 4);          // slots of the embedded cluster
    conf.set(TaskManagerOptions.CPU_CORES, 2.0);             // its worker threads
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
    env.setBufferTimeout(10);                                // hand a partly filled batch over within 10 ms
    env.disableOperatorChaining();                           // every operator a task of its own

    assertThat(env.fromElements(1, 2, 3).map(x -> x * 2).executeAndCollect(10)).containsExactlyInAnyOrder(2, 4, 6);
  }

  @Test
  void olderStateBackendNames() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setStateBackend(new FsStateBackend("file:///data/checkpoints"));       // heap state, checkpoints there
    // the same, in today's words:
    env.setStateBackend(new HashMapStateBackend());
    env.getCheckpointConfig().setCheckpointStorage(new FileSystemCheckpointStorage("file:///data/checkpoints"));

    assertThat(((io.spate.api.state.FileSystemCheckpointStorage) env.getCheckpointConfig().getCheckpointStorage())
        .getCheckpointDirectory()).isEqualTo(java.net.URI.create("file:///data/checkpoints"));
  }
}
