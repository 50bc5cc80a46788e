package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.PipelineOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The snippet of docs/datastream-api.md's "Configuration, ExecutionConfig and restart strategies",
 * compiled and run; DocsSnippetsTest checks that it occurs here word for word, so edit both together.
 */
class FlinkConfigurationDocTest {

  @Test
  void aConfigurationWrittenWithFlinksMethodsConfiguresTheJob() throws Exception {
    ConfigOption<Integer> retries = ConfigOptions.key("my.job.retries").intType().defaultValue(3);
    Configuration conf = new Configuration();
    conf.setInteger("parallelism.default", 2);                 // by key, as Flink's setters do
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);       // every operator needs a uid
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.getConfig().setRestartStrategy(
        RestartStrategies.fixedDelayRestart(conf.get(retries), Duration.ofSeconds(1)));
    env.getConfig().setGlobalJobParameters(conf);              // functions can read it back

    assertThat(env.getParallelism()).isEqualTo(2);
    assertThat(env.getRestartStrategy()).isEqualTo(RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(1)));
    env.fromElements(1, 2, 3).uid("numbers").map(x -> x * 2).uid("double").discard().uid("out");
    assertThat(env.execute("configured").getJobID()).isNotNull();
  }
}
