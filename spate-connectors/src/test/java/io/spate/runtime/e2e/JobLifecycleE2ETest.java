package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.JobStatus;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.connectors.file.FileSource;
import io.spate.runtime.e2e.E2eSupport.RecordingSink;
import io.spate.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How jobs end: failures name the job, operator, subtask and cause; cancellation; and nothing (no
 * thread, no file handle) is left behind whichever way a job ends.
 */
class JobLifecycleE2ETest {

  private static final Duration LEAK_WAIT = Duration.ofSeconds(10);

  // ------------------------------------------------------------------ failures

  static final class BadRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRecordException(String message) {
      super(message);
    }
  }

  @Test
  void aThrowingMapFailsTheJobNamingJobOperatorSubtaskAndCause() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 1_000).map(x -> {
      if (x == 777) {
        throw new BadRecordException("record 777 is bad");
      }
      return x;
    }).name("Exploder").discard();
    Throwable thrown = catchThrowableOf(() -> env.execute("failing-job"));
    assertThat(thrown).isInstanceOf(JobExecutionException.class);
    assertThat(thrown.getMessage())
        .contains("failing-job")
        .contains("Exploder")
        .containsPattern("subtask [12]/2");
    assertThat(thrown.getCause()).isInstanceOf(BadRecordException.class).hasMessage("record 777 is bad");
  }

  @Test
  void aFailureReachesTheCollectIteratorWithTheSameContext() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    Throwable thrown = catchThrowableOf(() -> {
      try (CloseableIterator<Long> it = env.fromSequence(1, 1_000).map(x -> {
        if (x == 500) {
          throw new BadRecordException("record 500 is bad");
        }
        return x;
      }).name("Exploder").executeAndCollect("failing-collect")) {
        while (it.hasNext()) {
          it.next();
        }
      }
    });
    assertThat(thrown).isNotNull();
    JobExecutionException failure = findCause(thrown, JobExecutionException.class);
    assertThat(failure).as("a JobExecutionException in the cause chain of %s", thrown).isNotNull();
    assertThat(failure.getMessage()).contains("failing-collect").contains("Exploder").containsPattern("subtask [12]/2");
    assertThat(failure.getCause()).isInstanceOf(BadRecordException.class);
  }

  static final class FailingOpen extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void open(OpenContext openContext) {
      throw new IllegalStateException("cannot open connection");
    }

    @Override
    public Long map(Long value) {
      return value;
    }
  }

  @Test
  void aFailingOpenFailsTheJobWithContext() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 10).map(new FailingOpen()).name("Connector").discard();
    Throwable thrown = catchThrowableOf(() -> env.execute("open-failure"));
    assertThat(thrown).isInstanceOf(JobExecutionException.class);
    assertThat(thrown.getMessage()).contains("open-failure").contains("Connector").contains("subtask 1/1");
    assertThat(thrown.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("cannot open connection");
  }

  static final CyclicBarrier ALL_FAIL = new CyclicBarrier(2);

  @Test
  void aJobWhoseSubtasksAllFailAtOnceStillEndsFailed() throws Exception {
    // Both subtasks throw in the same moment, so the second failure reaches the JobMaster while it is
    // already failing the job. The job must still end (FAILED), not hang.
    ALL_FAIL.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().setString("taskmanager.worker-threads", "2");
    env.fromSequence(1, 1_000).map((Long x) -> {
      try {
        ALL_FAIL.await(10, TimeUnit.SECONDS);
      } catch (BrokenBarrierException | TimeoutException e) {
        // fail anyway
      }
      if (x > 0) {
        throw new BadRecordException("all fail " + x);
      }
      return x;
    }).name("AllFail").discard();
    JobClient client = env.executeAsync("all-fail");
    Throwable thrown = catchThrowableOf(() -> E2eSupport.awaitResult(client));
    assertThat(thrown).isInstanceOf(JobExecutionException.class);
    assertThat(thrown.getMessage()).contains("all-fail").contains("AllFail");
    assertThat(thrown.getCause()).isInstanceOf(BadRecordException.class);
  }

  // ------------------------------------------------------------------ client and cancellation

  @Test
  void jobClientFollowsABoundedJobToFinished() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    RecordingSink<Long> sink = new RecordingSink<>();
    env.fromSequence(1, 10_000).sinkTo(sink);
    JobClient client = env.executeAsync("bounded");
    JobExecutionResult result = E2eSupport.awaitResult(client);
    assertThat(result.getJobID()).isEqualTo(client.getJobID());
    assertThat(result.getNetRuntime()).isGreaterThanOrEqualTo(0);
    assertThat(sink.landed()).hasSize(10_000);
  }

  @Test
  void jobClientReportsTheFinalStatusAfterTheJobEnded() throws Exception {
    // Flink's JobClient of a job on a per-job mini cluster answers getJobStatus() with the final
    // status after the job ended, although that cluster has shut down.
    Set<Thread> before = liveThreads();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 1_000).discard();
    JobClient finished = env.executeAsync("ends-finished");
    E2eSupport.awaitResult(finished);
    StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(1);
    env2.fromSequence(1, 1_000).map(x -> {
      if (x == 10) {
        throw new BadRecordException("bad");
      }
      return x;
    }).discard();
    JobClient failed = env2.executeAsync("ends-failed");
    assertThat(catchThrowableOf(() -> E2eSupport.awaitResult(failed))).isInstanceOf(JobExecutionException.class);
    // let the per-job clusters shut down, as they do after a job ends
    Await.until(LEAK_WAIT, () -> "the per-job clusters to shut down; threads left: " + newThreads(before),
        () -> newThreads(before).isEmpty());
    assertThat(finished.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
    assertThat(failed.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.FAILED);
  }

  @Test
  void jobClientReportsTheFinalProgressAfterTheJobEnded() throws Exception {
    Set<Thread> before = liveThreads();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 1_000).discard();
    JobClient client = env.executeAsync("progress");
    E2eSupport.awaitResult(client);
    Await.until(LEAK_WAIT, () -> "the per-job cluster to shut down; threads left: " + newThreads(before),
        () -> newThreads(before).isEmpty());
    assertThat(client.getProgress().status()).isEqualTo(JobStatus.FINISHED);
    assertThat(client.getProgress().recordsProcessed()).isEqualTo(1_000);
  }

  @Test
  void cancellingAnUnboundedGeneratorJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    RecordingSink<Long> sink = new RecordingSink<>();
    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
        WatermarkStrategy.noWatermarks(), "endless").map(x -> x * 2).sinkTo(sink);
    JobClient client = env.executeAsync("endless-job");
    Await.until(Duration.ofSeconds(30), "job reaches RUNNING", () -> statusOf(client) == JobStatus.RUNNING);
    Await.until(Duration.ofSeconds(30), "records flow", () -> !sink.landed().isEmpty());
    assertThat(client.getJobExecutionResult()).isNotDone();
    client.cancel().get(30, TimeUnit.SECONDS);
    assertThat(client.getJobExecutionResult()).isCompletedExceptionally();
    assertThatThrownBy(() -> client.getJobExecutionResult().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(JobExecutionException.class)
        .hasMessageContaining("cancelled");
  }

  private static JobStatus statusOf(JobClient client) {
    try {
      return client.getJobStatus().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ leaks: threads

  private static Set<Thread> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
  }

  /** Threads started since {@code before} that are still alive, except the JVM's and JUnit's own pools. */
  private static List<String> newThreads(Set<Thread> before) {
    List<String> names = new ArrayList<>();
    for (Thread t : liveThreads()) {
      String name = t.getName();
      if (before.contains(t) || name.startsWith("ForkJoinPool.commonPool") || name.startsWith("junit")
          || name.equals("Attach Listener") || name.equals("process reaper")) {
        continue;
      }
      names.add(name);
    }
    return names;
  }

  private static List<String> spateThreads() {
    return liveThreads().stream().map(Thread::getName).filter(n -> n.startsWith("spate-")).collect(Collectors.toList());
  }

  private static void assertNoThreadsLeft(Set<Thread> before, String how) throws InterruptedException {
    Await.until(LEAK_WAIT, () -> "no threads left after a " + how + " job; left: " + newThreads(before),
        () -> newThreads(before).isEmpty());
  }

  @Test
  void noThreadsRemainAfterAFinishedJob() throws Exception {
    Set<Thread> before = liveThreads();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10_000).keyBy(x -> x % 7).reduce(Long::sum).discard();
    E2eSupport.run(env, "finished");
    assertNoThreadsLeft(before, "finished");
  }

  @Test
  void noThreadsRemainAfterACollectJob() throws Exception {
    Set<Thread> before = liveThreads();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    assertThat(E2eSupport.executeAndCollect(env.fromSequence(1, 1_000).map(x -> x + 1))).hasSize(1_000);
    assertNoThreadsLeft(before, "collected");
  }

  @Test
  void noThreadsRemainAfterAFailedJob() throws Exception {
    Set<Thread> before = liveThreads();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10_000).map(x -> {
      if (x == 5_000) {
        throw new BadRecordException("bad");
      }
      return x;
    }).keyBy(x -> x % 3).reduce(Long::sum).discard();
    assertThat(catchThrowableOf(() -> E2eSupport.run(env, "failed"))).isInstanceOf(JobExecutionException.class);
    assertNoThreadsLeft(before, "failed");
  }

  @Test
  void noThreadsRemainAfterACancelledJob() throws Exception {
    Set<Thread> before = liveThreads();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    RecordingSink<Long> sink = new RecordingSink<>();
    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
        WatermarkStrategy.noWatermarks(), "endless").keyBy(x -> x % 5).reduce((a, b) -> b).sinkTo(sink);
    JobClient client = env.executeAsync("cancelled");
    Await.until(Duration.ofSeconds(30), "records at the sink", () -> !sink.landed().isEmpty());
    client.cancel().get(30, TimeUnit.SECONDS);
    assertNoThreadsLeft(before, "cancelled");
  }

  @Test
  void noSpateThreadsRemainAfterARateLimitedGeneratorJob() throws Exception {
    // the only test of this module that rate-limits a generator: its reader waits for the task's
    // own timers (SourceReaderContext.availableAfter); were they never fired, the job would not end
    Set<Thread> before = liveThreads();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    RecordingSink<Long> sink = new RecordingSink<>();
    env.fromSource(new DataGeneratorSource<>(i -> i, 200, RateLimiterStrategy.perSecond(2_000), Types.LONG),
        WatermarkStrategy.noWatermarks(), "rate-limited").sinkTo(sink);
    E2eSupport.run(env, "rate-limited");
    assertThat(sink.landed()).hasSize(200);
    assertNoThreadsLeft(before, "rate-limited");
  }

  // ------------------------------------------------------------------ leaks: file handles

  private static long openFileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  private static Path writeFiles(Path dir, int files, int lines) throws IOException {
    for (int f = 0; f < files; f++) {
      List<String> content = new ArrayList<>();
      for (int l = 0; l < lines; l++) {
        content.add("file" + f + " line" + l);
      }
      Files.write(dir.resolve("part-" + f + ".txt"), content);
    }
    return dir;
  }

  private static void assertNoFileHandlesLeft(long before, String how) throws Exception {
    Supplier<Long> now = () -> {
      try {
        return openFileDescriptors();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
    Await.until(LEAK_WAIT, () -> String.format("open file descriptors after a %s file job (%d) to drop to before (%d)",
        how, now.get(), before), () -> now.get() <= before);
  }

  /** Runs the file job once (class loading, lazily opened JDK resources) and lets its cluster stop. */
  private static void warmUp(Path dir, int expectedLines) throws Exception {
    Set<Thread> before = liveThreads();
    runFileJob(dir, expectedLines);
    assertNoThreadsLeft(before, "warm-up");
  }

  private static void runFileJob(Path dir, int expectedLines) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    RecordingSink<String> sink = new RecordingSink<>();
    env.readTextFile(dir.toString()).map(String::toUpperCase).sinkTo(sink);
    E2eSupport.run(env, "file-job");
    assertThat(sink.landed()).hasSize(expectedLines);
  }

  @Test
  void noFileHandlesRemainAfterAFinishedFileJob(@TempDir Path dir) throws Exception {
    assertThat(Path.of("/proc/self/fd")).exists();
    writeFiles(dir, 6, 2_000);
    warmUp(dir, 12_000);
    long before = openFileDescriptors();
    runFileJob(dir, 12_000);
    assertNoFileHandlesLeft(before, "finished");
  }

  @Test
  void noFileHandlesRemainAfterAFailedFileJob(@TempDir Path dir) throws Exception {
    writeFiles(dir, 6, 2_000);
    warmUp(dir, 12_000);
    long before = openFileDescriptors();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.readTextFile(dir.toString()).map(line -> {
      if (line.equals("file0 line1000")) { // one failing subtask
        throw new BadRecordException("bad line " + line);
      }
      return line;
    }).discard();
    assertThat(catchThrowableOf(() -> E2eSupport.run(env, "failing-file-job"))).isInstanceOf(JobExecutionException.class);
    assertNoFileHandlesLeft(before, "failed");
  }

  @Test
  void noFileHandlesRemainAfterACancelledMonitoringFileJob(@TempDir Path dir) throws Exception {
    writeFiles(dir, 3, 2_000);
    warmUp(dir, 6_000);
    long before = openFileDescriptors();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    RecordingSink<String> sink = new RecordingSink<>();
    env.fromSource(FileSource.forTextLines(dir.toString()).monitorContinuously(Duration.ofMillis(20)).build(),
        WatermarkStrategy.noWatermarks(), "monitoring").sinkTo(sink);
    JobClient client = env.executeAsync("monitoring-file-job");
    Await.until(Duration.ofSeconds(30), "all lines read", () -> sink.landed().size() == 6_000);
    client.cancel().get(30, TimeUnit.SECONDS);
    assertThat(client.getJobExecutionResult()).isCompletedExceptionally();
    assertNoFileHandlesLeft(before, "cancelled");
  }

  // ------------------------------------------------------------------ helpers

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static Throwable catchThrowableOf(ThrowingRunnable action) {
    try {
      action.run();
    } catch (Throwable t) {
      return t;
    }
    return fail("expected a failure");
  }

  private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
