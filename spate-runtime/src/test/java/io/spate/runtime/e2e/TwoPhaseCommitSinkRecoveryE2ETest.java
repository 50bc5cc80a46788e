package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.sink.TwoPhaseCommitSinkFunction;
import io.spate.api.serialization.StringSerializer;
import io.spate.api.serialization.VoidSerializer;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job writes through a legacy {@link TwoPhaseCommitSinkFunction} of files that appear under their
 * final name only when committed, and fails once after checkpoints completed: it recovers from a
 * checkpoint, and the committed lines are those of a run without failure, each once.
 */
@Tag("fault-injection")
class TwoPhaseCommitSinkRecoveryE2ETest {

  private static final long RECORDS = 20_000;

  /** Each transaction is a file "<name>.inprogress", renamed to "<name>.committed" on commit. */
  static final class RenamingFileSink extends TwoPhaseCommitSinkFunction<Long, String, Void> {
    private static final long serialVersionUID = 1L;
    private final String directory;
    private transient Map<String, BufferedWriter> writers;

    RenamingFileSink(Path directory) {
      super(StringSerializer.INSTANCE, VoidSerializer.INSTANCE);
      this.directory = directory.toString();
    }

    private Path inProgress(String transaction) {
      return Path.of(directory, transaction + ".inprogress");
    }

    private Path committed(String transaction) {
      return Path.of(directory, transaction + ".committed");
    }

    private Map<String, BufferedWriter> writers() {
      if (writers == null) {
        writers = new HashMap<>();
      }
      return writers;
    }

    @Override
    protected String beginTransaction() throws IOException {
      String transaction = "part-" + UUID.randomUUID();
      writers().put(transaction, Files.newBufferedWriter(inProgress(transaction), StandardCharsets.UTF_8));
      return transaction;
    }

    @Override
    protected void invoke(String transaction, Long value, Context context) throws IOException {
      BufferedWriter writer = writers().get(transaction);
      writer.write(Long.toString(value));
      writer.newLine();
    }

    @Override
    protected void preCommit(String transaction) throws IOException {
      BufferedWriter writer = writers().remove(transaction);
      if (writer != null) {
        writer.close();
      }
    }

    @Override
    protected void commit(String transaction) {
      try {
        if (Files.exists(inProgress(transaction))) {
          Files.move(inProgress(transaction), committed(transaction), StandardCopyOption.ATOMIC_MOVE);
        } else if (!Files.exists(committed(transaction))) {
          throw new IllegalStateException("Transaction " + transaction + " is neither in progress nor committed");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected void abort(String transaction) {
      try {
        BufferedWriter writer = writers().remove(transaction);
        if (writer != null) {
          writer.close();
        }
        Files.deleteIfExists(inProgress(transaction));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static ClusterJobClient run(String runId, Path directory, boolean fail) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(30);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    env.addSource(new LegacyFunctionsE2ETest.Counter(RECORDS), "Counter").uid("counter")
        .map(new LegacySourceRecoveryE2ETest.FailAfterCheckpoint(runId, fail)).uid("fail")
        .addSink(new RenamingFileSink(directory)).uid("files");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(120, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  private static List<Long> committedLines(Path directory) throws IOException {
    List<Long> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".committed")).toList()) {
        Files.readAllLines(file, StandardCharsets.UTF_8).forEach(line -> lines.add(Long.parseLong(line)));
      }
    }
    return lines;
  }

  private static Map<Long, Long> multiset(List<Long> values) {
    return values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
  }

  @Test
  void aFailureAfterACheckpointCommitsEveryRecordExactlyOnce(@TempDir Path temp) throws Exception {
    Path clean = Files.createDirectory(temp.resolve("clean"));
    Path faulty = Files.createDirectory(temp.resolve("faulty"));
    run("tpc-clean", clean, false);
    ClusterJobClient faultyRun = run("tpc-faulty", faulty, true);

    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        faultyRun.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        faultyRun.getLatestRestore().get(10, TimeUnit.SECONDS),
        LegacySourceRecoveryE2ETest.failedAfter("tpc-faulty"));
    List<Long> expected = LongStream.range(0, RECORDS).boxed().toList();
    assertThat(multiset(committedLines(clean))).isEqualTo(multiset(expected));
    assertThat(multiset(committedLines(faulty))).isEqualTo(multiset(committedLines(clean)));
  }
}
