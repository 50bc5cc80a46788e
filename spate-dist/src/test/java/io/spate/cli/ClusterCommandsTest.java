package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.cli.SpateCliTest.Result;
import io.spate.clitest.EndlessJob;
import io.spate.testing.Await;
import io.spate.testing.TestJars;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spate list / savepoint / stop / cancel} against a job that {@code spate run} runs in this JVM. */
class ClusterCommandsTest {

  private static final Pattern ANNOUNCEMENT =
      Pattern.compile("Job '(.+)' \\(([0-9a-f]{32})\\) is running; REST API at http://([^ ]+) ");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** A {@code spate run} of the endless job on another thread, with the address it announced. */
  private record RunningJob(CompletableFuture<Integer> exitCode, String jobId, String address, StringWriter err) {}

  private RunningJob run(String name, String... options) throws Exception {
    Path jar = TestJars.jar(dir.resolve(name + ".jar"), EndlessJob.class.getName(), EndlessJob.class);
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> {
      CommandLine commandLine = SpateCli.newCommandLine();
      commandLine.setOut(new PrintWriter(new StringWriter(), true));
      commandLine.setErr(new PrintWriter(err, true));
      List<String> args = new ArrayList<>(List.of("run"));
      args.addAll(List.of(options));
      args.addAll(List.of(jar.toString(), "--parallelism", "2", name));
      return commandLine.execute(args.toArray(String[]::new));
    });
    Matcher announced = ANNOUNCEMENT.matcher(Await.untilMatches(Duration.ofSeconds(30),
        "spate run to announce its REST API (or to end)", err::toString,
        text -> exitCode.isDone() || ANNOUNCEMENT.matcher(text).find()));
    if (!announced.find()) {
      throw new AssertionError("spate run ended without announcing a REST API: " + err);
    }
    assertThat(announced.group(1)).isEqualTo(name);
    assertThat(err.toString()).contains("Web UI: http://" + announced.group(3) + "/");
    return new RunningJob(exitCode, announced.group(2), announced.group(3), err);
  }

  /** The path a savepoint command printed; a failure shows what the job's {@code spate run} said too. */
  private static Path savepointPath(Result result, RunningJob job) {
    assertThat(result.exitCode()).as("%s%nspate run %s: %s", result.err(),
        job.exitCode().isDone() ? "ended with " + job.exitCode().getNow(null) : "still runs", job.err()).isZero();
    assertThat(result.out()).startsWith("Savepoint completed. Path: ");
    return Path.of(result.out().trim().substring("Savepoint completed. Path: ".length()));
  }

  @Test
  void listsSavepointsAndStopsARunningJob() throws Exception {
    RunningJob job = run("endless-one");

    Result list = SpateCliTest.spate("list", "-m", job.address());
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains(job.jobId() + " : endless-one (RUNNING)");

    // EndlessJob: a sequence source, then a keyed reduce chained with its sink, over a hash edge.
    Result info = SpateCliTest.spate("info", "-m", job.address(), job.jobId());
    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out()).contains(job.jobId() + " : endless-one (RUNNING)").contains("(HASH)").contains("Sequence");
    Result infoJson = SpateCliTest.spate("info", "--output", "json", "-m", job.address(), job.jobId());
    JsonNode graph = JSON.readTree(infoJson.out());
    assertThat(graph.get("vertices")).hasSize(2);
    assertThat(graph.get("edges").get(0).get("partitioning").asText()).isEqualTo("HASH");

    Path first = savepointPath(SpateCliTest.spate("savepoint", "-m", job.address(), job.jobId(),
        dir.resolve("savepoints").toString()), job);
    assertThat(first).startsWith(dir.resolve("savepoints"));
    assertThat(first.resolve("_metadata")).exists();

    Result json = SpateCliTest.spate("savepoint", "--output", "json", "-m", job.address(), job.jobId(),
        dir.resolve("savepoints").toString());
    assertThat(json.exitCode()).as("%s%nspate run: %s", json.err(), job.err()).isZero();
    JsonNode answer = JSON.readTree(json.out());
    assertThat(answer.get("jobId").asText()).isEqualTo(job.jobId());
    assertThat(Path.of(answer.get("savepointPath").asText()).resolve("_metadata")).exists();

    Path last = savepointPath(SpateCliTest.spate("stop", "-m", job.address(), "--savepointPath",
        dir.resolve("final").toString(), job.jobId()), job);
    assertThat(last.resolve("_metadata")).exists();
    assertThat(job.exitCode().get(30, TimeUnit.SECONDS)).as(job.err().toString()).isZero();
  }

  @Test
  void cancelEndsTheRunAndBadArgumentsAreNamed() throws Exception {
    RunningJob job = run("endless-two");

    Result badId = SpateCliTest.spate("savepoint", "-m", job.address(), "12345");
    assertThat(badId.exitCode()).isEqualTo(2);
    assertThat(badId.firstErrorLine()).contains("'12345' is not a job id");

    Result badAddress = SpateCliTest.spate("cancel", "-m", "localhost", job.jobId());
    assertThat(badAddress.exitCode()).isEqualTo(2);
    assertThat(badAddress.firstErrorLine()).contains("--jobmanager must be <host:port>");

    // Without -m, a highly available cluster's leader is looked up in ZooKeeper; none answers on port 9 here.
    Result noZooKeeper = SpateCliTest.spate("list", "-D", "high-availability.type=zookeeper",
        "-D", "high-availability.zookeeper.quorum=127.0.0.1:9",
        "-D", "high-availability.zookeeper.client.connection-timeout=500 ms");
    assertThat(noZooKeeper.exitCode()).isEqualTo(2);
    assertThat(noZooKeeper.firstErrorLine()).contains("Cannot connect to ZooKeeper at 127.0.0.1:9");
    Result noStorage = SpateCliTest.spate("list", "-D", "high-availability.type=zookeeper");
    assertThat(noStorage.exitCode()).isEqualTo(2);
    assertThat(noStorage.firstErrorLine()).contains("high-availability.zookeeper.quorum");

    Result unknownJob = SpateCliTest.spate("savepoint", "-m", job.address(), "0123456789abcdef0123456789abcdef");
    assertThat(unknownJob.exitCode()).isEqualTo(1);
    assertThat(unknownJob.err().trim()).isEqualTo(
        "Error: No job with id 0123456789abcdef0123456789abcdef is known to this cluster.");

    Result badOutput = SpateCliTest.spate("list", "-m", job.address(), "--output", "yaml");
    assertThat(badOutput.exitCode()).isEqualTo(2);
    assertThat(badOutput.firstErrorLine()).contains("'yaml' is not an output format");

    Result cancel = SpateCliTest.spate("cancel", "-m", job.address(), job.jobId());
    assertThat(cancel.exitCode()).as(cancel.err()).isZero();
    assertThat(cancel.out().trim()).isEqualTo("Cancelled job " + job.jobId() + ".");
    assertThat(job.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(job.err().toString()).contains("was cancelled");

    Result gone = SpateCliTest.spate("list", "-m", job.address());
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err()).startsWith("Error: No Spate REST API answers at http://" + job.address());
  }

  @Test
  void runWithATokenGuardsItsRestApiAndTheCommandsSendIt() throws Exception {
    RunningJob job = run("endless-guarded", "-D", "rest.authentication.type=bearer",
        "-D", "rest.authentication.token=run-token");

    Result refused = SpateCliTest.spate("cancel", "-m", job.address(), job.jobId());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("requires authentication", "--token");
    assertThat(job.exitCode()).isNotDone();

    Result list = SpateCliTest.spate("list", "-m", job.address(), "--token", "run-token");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains(job.jobId() + " : endless-guarded (RUNNING)");

    Result cancel = SpateCliTest.spate("cancel", "-m", job.address(), "--token", "run-token", job.jobId());
    assertThat(cancel.exitCode()).as(cancel.err()).isZero();
    assertThat(job.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(1);
  }
}
