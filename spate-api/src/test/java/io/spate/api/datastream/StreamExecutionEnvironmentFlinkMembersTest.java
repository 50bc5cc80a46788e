package io.spate.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.checkpoint.CheckpointingMode;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.Configuration;
import io.spate.api.execution.JobListener;
import io.spate.api.typeinfo.Types;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The members of Flink's StreamExecutionEnvironment that only need the API to show their effect. */
class StreamExecutionEnvironmentFlinkMembersTest {

  @Test
  void constructorsTakeTheConfigurationAndClassLoader() {
    assertThat(new StreamExecutionEnvironment().getConfiguration().toMap()).isEmpty();
    ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {};
    StreamExecutionEnvironment env =
        new StreamExecutionEnvironment(Configuration.fromMap(Map.of("parallelism.default", "3")), loader);
    assertThat(env.getParallelism()).isEqualTo(3);
    env.fromElements(1).discard();
    assertThat(env.getStreamGraph("job").userClassLoader()).isSameAs(loader);
  }

  @Test
  void jobListenersAreListedAndCleared() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    JobListener listener = (JobClient client, Throwable error) -> { };
    env.registerJobListener(listener);
    assertThat(env.getJobListeners()).containsExactly(listener);
    env.clearJobListeners();
    assertThat(env.getJobListeners()).isEmpty();
  }

  @Test
  @SuppressWarnings("deprecation")
  void checkpointingShortcutsReadAndWriteTheCheckpointConfig() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    assertThat(env.getCheckpointInterval()).isEqualTo(-1);
    env.enableCheckpointing();
    assertThat(env.getCheckpointInterval()).as("Flink's old default").isEqualTo(500);
    env.enableCheckpointing(2_000, CheckpointingMode.AT_LEAST_ONCE, false);
    assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(2_000);
    assertThat(env.getCheckpointingMode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(env.getCheckpointingConsistencyMode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(env.isUnalignedCheckpointsEnabled()).isFalse();
    env.getCheckpointConfig().enableUnalignedCheckpoints();
    assertThat(env.isUnalignedCheckpointsEnabled()).isTrue();
    assertThat(env.isForceCheckpointing()).isFalse();
    assertThat(env.isForceUnalignedCheckpoints()).isFalse();
    assertThat(env.isChainingOfOperatorsWithDifferentMaxParallelismEnabled()).isTrue();
    assertThatThrownBy(() -> env.enableCheckpointing(1_000, CheckpointingMode.EXACTLY_ONCE, true))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("iteration");
    assertThat(env.getCheckpointInterval()).as("a refused call changes nothing").isEqualTo(2_000);
  }

  @Test
  void defaultSavepointDirectoryInEveryForm() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    assertThat(env.getDefaultSavepointDirectory()).isNull();
    env.setDefaultSavepointDirectory("file:///data/savepoints");
    assertThat(env.getDefaultSavepointDirectory().toUri()).isEqualTo(URI.create("file:///data/savepoints"));
    env.setDefaultSavepointDirectory(URI.create("file:///data/other"));
    assertThat(env.getConfiguration().toMap()).containsEntry("state.savepoints.dir", "file:///data/other");
    env.setDefaultSavepointDirectory(new io.spate.api.fs.Path("file:///data/third"));
    assertThat(env.getDefaultSavepointDirectory()).isEqualTo(new io.spate.api.fs.Path("file:///data/third"));
  }

  @Test
  @SuppressWarnings("deprecation")
  void executionRetriesSetAFixedDelayRestartStrategy() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    assertThat(env.getNumberOfExecutionRetries()).isEqualTo(-1);
    env.setNumberOfExecutionRetries(3);
    assertThat(env.getNumberOfExecutionRetries()).isEqualTo(3);
    // Compared by the options they stand for: the environment reads Spate's form back from its configuration.
    assertThat(env.getRestartStrategy().toConfiguration())
        .isEqualTo(RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(10)).toConfiguration());
    env.setNumberOfExecutionRetries(0);
    assertThat(env.getRestartStrategy().toConfiguration()).isEqualTo(RestartStrategies.noRestart().toConfiguration());
    env.setNumberOfExecutionRetries(-1);
    assertThat(env.getRestartStrategy().toConfiguration()).as("-1 leaves the strategy")
        .isEqualTo(RestartStrategies.noRestart().toConfiguration());
    assertThatThrownBy(() -> env.setNumberOfExecutionRetries(-2)).hasMessageContaining("-2");
  }

  /** A POJO Spate serializes without help. */
  public static class Pojo {
    public int count;
  }

  /** A class Spate cannot derive a serializer for: no default constructor and a private final field. */
  static final class Opaque {
    private final Thread owner;

    Opaque(Thread owner) {
      this.owner = owner;
    }
  }

  @Test
  void registeringTypesFollowsSpatesSerializers() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    env.registerType(Pojo.class);
    assertThat(env.getConfig().getSerializerConfig().getRegisteredPojoTypes()).containsExactly(Pojo.class);
    assertThatThrownBy(() -> env.registerType(Opaque.class))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Kryo")
        .hasMessageContaining("Opaque");
    assertThatThrownBy(() -> env.addDefaultKryoSerializer(Pojo.class, Object.class))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Kryo");
    assertThatThrownBy(() -> env.registerTypeWithKryoSerializer(Pojo.class, Object.class))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Kryo");
  }

  @Test
  void configureWithAClassLoader() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {};
    env.configure(Configuration.fromMap(Map.of("execution.checkpointing.interval", "4 s")), loader);
    assertThat(env.getCheckpointInterval()).isEqualTo(4_000);
    env.fromElements(1).discard();
    assertThat(env.getStreamGraph("job").userClassLoader()).isSameAs(loader);
  }

  @Test
  @SuppressWarnings("deprecation")
  void sourcesOfFlinksOtherShapes() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    assertThat(env.fromData(Types.LONG, 1L, 2L).getType()).isEqualTo(Types.LONG);
    assertThat(env.fromData(String.class, "a", "b").getType()).isEqualTo(Types.STRING);
    assertThat(env.generateSequence(1, 5).getType()).isEqualTo(Types.LONG);
    Iterator<Integer> counting = new CountingIterator(3);
    assertThat(env.fromCollection(counting, Integer.class).getType()).isEqualTo(Types.INT);
    assertThat(env.fromCollection(new CountingIterator(3), Types.INT).getParallelism()).isEqualTo(1);
    assertThatThrownBy(() -> env.fromCollection(List.of(1).iterator(), Integer.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Serializable");
  }

  /** A serializable iterator of 0 to n - 1. */
  static final class CountingIterator implements Iterator<Integer>, Serializable {
    private final int n;
    private int next;

    CountingIterator(int n) {
      this.n = n;
    }

    @Override
    public boolean hasNext() {
      return next < n;
    }

    @Override
    public Integer next() {
      return next++;
    }
  }

  @Test
  void executionPlanListsOperatorsAndHowRecordsReachThem() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    env.setParallelism(2);
    DataStream<Long> numbers = env.fromSequence(1, 10);
    numbers.map(x -> x + 1).name("plus \"one\"").keyBy(x -> x % 2).map(x -> x).setParallelism(3).discard();
    String plan = env.getExecutionPlan();
    assertThat(plan).startsWith("{\"nodes\":[").endsWith("]}");
    assertThat(plan).contains("\"type\":\"Source: Sequence Source\",\"pact\":\"Data Source\"");
    assertThat(plan).contains("\"contents\":\"plus \\\"one\\\"\",\"parallelism\":2,\"predecessors\":[{\"id\":"
        + numbers.getTransformation().getId() + ",\"ship_strategy\":\"FORWARD\"}]");
    assertThat(plan).contains("\"parallelism\":3,\"predecessors\":[{\"id\":");
    assertThat(plan).contains("\"ship_strategy\":\"HASH\"");
    assertThat(plan).contains("\"pact\":\"Data Sink\"");
    assertThat(env.getExecutionPlan()).as("the plan leaves the job as it is").isEqualTo(plan);
    env.getStreamGraph("still there");
  }

  @Test
  void remoteEnvironmentsPointToSpateRun() {
    assertThatThrownBy(() -> StreamExecutionEnvironment.createRemoteEnvironment("jm", 8081, "job.jar"))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("spate run -m jm:8081");
    assertThatThrownBy(() -> StreamExecutionEnvironment.createRemoteEnvironment("jm", 8081, 4, "job.jar"))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("spate run -m jm:8081");
    assertThatThrownBy(() -> StreamExecutionEnvironment.createRemoteEnvironment("jm", 8081, new Configuration()))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("spate run -m jm:8081");
  }

  @Test
  void defaultLocalParallelismSizesLocalEnvironments() {
    int before = StreamExecutionEnvironment.getDefaultLocalParallelism();
    assertThat(before).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try {
      StreamExecutionEnvironment.setDefaultLocalParallelism(before + 3);
      assertThat(StreamExecutionEnvironment.createLocalEnvironment().getParallelism()).isEqualTo(before + 3);
      assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getParallelism()).isEqualTo(before + 3);
      assertThat(StreamExecutionEnvironment.createLocalEnvironment(
          Configuration.fromMap(Map.of("parallelism.default", "2"))).getParallelism())
          .as("a configured parallelism wins").isEqualTo(2);
      assertThatThrownBy(() -> StreamExecutionEnvironment.setDefaultLocalParallelism(0)).hasMessageContaining("0");
    } finally {
      StreamExecutionEnvironment.setDefaultLocalParallelism(before);
    }
  }

  @Test
  void closeForgetsTheTransformationsNotExecuted() throws Exception {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    env.fromElements(1, 2).discard();
    env.close();
    assertThat(env.getExecutionPlan()).isEqualTo("{\"nodes\":[]}");
    assertThat(StreamExecutionEnvironment.DEFAULT_JOB_NAME).isEqualTo("Spate Streaming Job");
  }

  @Test
  void jobExecutionResultHasFlinksShape() {
    JobExecutionResult result = new JobExecutionResult(io.spate.api.common.JobID.generate(), 1_500,
        Map.of("count", 7, "names", List.of("a")));
    assertThat(result.getNetRuntime()).isEqualTo(1_500);
    assertThat(result.getNetRuntime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(result.<Integer>getAccumulatorResult("count")).isEqualTo(7);
    assertThat(result.<Object>getAccumulatorResult("missing")).isNull();
    assertThat(result.getAllAccumulatorResults()).containsOnlyKeys("count", "names");
    assertThat(result.isJobExecutionResult()).isTrue();
    assertThat(result.getJobExecutionResult()).isSameAs(result);
    assertThat(result.getIntCounterResult("count")).isEqualTo(7);
    assertThatThrownBy(() -> result.getIntCounterResult("names"))
        .isInstanceOf(ClassCastException.class).hasMessageContaining("names");
  }
}
