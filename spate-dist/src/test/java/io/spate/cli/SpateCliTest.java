package io.spate.cli;

import io.spate.runtime.classloading.ChildFirstClassLoader;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.clitest.FailingJob;
import io.spate.clitest.NoMainJob;
import io.spate.clitest.ProbeJob;
import io.spate.testing.TestJars;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SpateCliTest {

  @TempDir
  Path dir;

  record Result(int exitCode, String out, String err) {
    String firstErrorLine() {
      return err.lines().findFirst().orElse("");
    }
  }

  static Result spate(String... args) {
    CommandLine commandLine = SpateCli.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  // ------------------------------------------------------------ top level

  @Test
  void versionComesFromTheBuild() {
    Result result = spate("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).containsPattern("^spate \\d+\\.\\d+\\.\\d+");
    assertThat(result.out()).doesNotContain("${");
  }

  @Test
  void helpListsTheCommands() {
    Result result = spate("--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: spate", "demo", "run", "example");
  }

  @Test
  void noCommandIsAUsageError() {
    Result result = spate();
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).isEqualTo("Missing command: choose one of demo, run, run-application, example, sql, list, info, savepoint, stop, cancel,"
        + " taskmanagers, jobmanager, taskmanager, cluster, port.");
    assertThat(result.err()).contains("Usage: spate");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Result result = spate("deploy");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).contains("'deploy'");
    assertThat(result.err()).contains("Usage: spate");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Result result = spate("--frobnicate");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).contains("--frobnicate");
    assertThat(result.err()).contains("Usage: spate");
  }

  // ------------------------------------------------------------ run

  @Test
  void runWithoutJarIsAUsageError() {
    Result result = spate("run");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).isEqualTo("Missing required parameter: '<jar>'");
    assertThat(result.err()).contains("Usage: spate run <jar>");
  }

  @Test
  void runWithMissingJarSaysSo() {
    Path missing = dir.resolve("missing.jar");
    Result result = spate("run", missing.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).isEqualTo("Job jar not found: " + missing);
    assertThat(result.err()).contains("Usage: spate run");
  }

  @Test
  void runWithAJarWithoutMainClassAsksForClass() throws IOException {
    Path jar = TestJars.jar(dir.resolve("job.jar"), ProbeJob.class);
    Result result = spate("run", jar.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine())
        .isEqualTo("The jar " + jar + " names no Main-Class in its manifest: "
            + "give the job's main class with --class <class>.");
  }

  @Test
  void runWithAClassNotInTheJarSaysSo() throws IOException {
    Path jar = TestJars.jar(dir.resolve("job.jar"), ProbeJob.class);
    Result result = spate("run", jar.toString(), "--class", "com.example.Missing");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine())
        .isEqualTo("Class com.example.Missing was not found in " + jar + " (nor on Spate's class path).");
  }

  @Test
  void runWithAClassWithoutMainSaysSo() throws IOException {
    Path jar = TestJars.jar(dir.resolve("job.jar"), NoMainJob.class.getName(), NoMainJob.class);
    Result result = spate("run", jar.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine())
        .isEqualTo("Class io.spate.clitest.NoMainJob has no 'public static void main(String[])' method.");
  }

  @Test
  void runRejectsAParallelismBelowOne() throws IOException {
    Path jar = TestJars.jar(dir.resolve("job.jar"), ProbeJob.class.getName(), ProbeJob.class);
    Result result = spate("run", jar.toString(), "--parallelism", "0");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).isEqualTo("--parallelism must be at least 1, but was 0.");
  }

  @Test
  void runRejectsAnUnknownMode() throws IOException {
    Path jar = TestJars.jar(dir.resolve("job.jar"), ProbeJob.class.getName(), ProbeJob.class);
    Result result = spate("run", jar.toString(), "--mode", "sideways");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine())
        .contains("--mode", "expected streaming, batch or automatic but was 'sideways'");
  }

  @Test
  void runRejectsAnUnknownRestoreModeAndOneWithoutASavepoint() throws IOException {
    Path jar = TestJars.jar(dir.resolve("job.jar"), ProbeJob.class.getName(), ProbeJob.class);
    Result unknown = spate("run", jar.toString(), "--from-savepoint", dir.toString(), "--restore-mode", "steal");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.firstErrorLine()).contains("--restore-mode", "expected claim or no_claim but was 'steal'");
    Result alone = spate("run", jar.toString(), "--restore-mode", "claim");
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.firstErrorLine()).isEqualTo("--restore-mode only applies with --from-savepoint <path>.");
  }

  @Test
  void runGivesTheJobTheSettingsAClassLoaderAndItsArguments() throws IOException {
    Path jar = TestJars.jar(dir.resolve("job.jar"), ProbeJob.class.getName(), ProbeJob.class);
    Path probe = dir.resolve("probe.txt");
    Result result = spate("run", jar.toString(), "--parallelism", "3", "--mode", "BATCH",
        probe.toString(), "--input", "in.txt", "--parallelism", "7");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.readAllLines(probe)).containsExactly(
        "parallelism=3",
        "mode=BATCH",
        "environment=ContextEnvironment",
        "loader=ChildFirstClassLoader",
        "contextLoader=ChildFirstClassLoader",
        "args=[--input, in.txt, --parallelism, 7]");
  }

  @Test
  void runPassesEverythingAfterTheDoubleDashToTheJob() throws IOException {
    Path jar = TestJars.jar(dir.resolve("job.jar"), ProbeJob.class);
    Path probe = dir.resolve("probe.txt");
    Result result = spate("run", jar.toString(), "-c", ProbeJob.class.getName(), "--mode", "streaming",
        "--", probe.toString(), "--class", "x", "--mode", "batch");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.readAllLines(probe))
        .contains("mode=STREAMING", "args=[--class, x, --mode, batch]");
  }

  @Test
  void runLeavesNoContextBehind() throws IOException {
    Path jar = TestJars.jar(dir.resolve("job.jar"), ProbeJob.class.getName(), ProbeJob.class);
    spate("run", jar.toString(), dir.resolve("probe.txt").toString());
    assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getClass())
        .isEqualTo(StreamExecutionEnvironment.class);
    assertThat(Thread.currentThread().getContextClassLoader())
        .isNotInstanceOf(ChildFirstClassLoader.class);
  }

  @Test
  void aFailingJobExitsWithOneAndNamesTheRootCause() throws IOException {
    Path jar = TestJars.jar(dir.resolve("job.jar"), FailingJob.class.getName(), FailingJob.class);
    Result result = spate("run", jar.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    List<String> lines = result.err().lines().filter(line -> !line.startsWith("Job '")).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("Error: The job could not start");
    assertThat(lines.get(1)).startsWith(
        "Root cause: java.io.FileNotFoundException: /nope/input.txt (No such file or directory) (at "
            + FailingJob.class.getName() + ".main(");
    assertThat(result.err()).doesNotContain("Usage:");
  }

  // ------------------------------------------------------------ example and demo

  @Test
  void exampleListNamesEveryExample() {
    Result result = spate("example", "--list");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("wordcount", "demo");
  }

  @Test
  void unknownExampleListsTheAvailableOnes() {
    Result result = spate("example", "wordcont");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).isEqualTo("Unknown example 'wordcont'; available: wordcount, demo, fraud-detection.");
    assertThat(result.err()).contains("Usage: spate example <name>", "Examples:")
        .containsPattern("  wordcount +Counts the words");
  }

  @Test
  void exampleWithoutNameIsAUsageError() {
    Result result = spate("example");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).isEqualTo("Missing the name of the example; available: wordcount, demo, fraud-detection.");
  }

  @Test
  void exampleArgumentsGoToTheExample() {
    Result result = spate("example", "wordcount", "--input", "in.txt", "--colour", "blue");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).isEqualTo("Unknown option '--colour'.");
    assertThat(result.err()).contains("Usage: wordcount --input <file> --output <file>");
  }

  @Test
  void exampleHelpShowsTheExamplesUsage() {
    Result result = spate("example", "wordcount", "--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: wordcount");
  }

  @Test
  void wordCountWithAMissingInputIsAUsageError() {
    Path missing = dir.resolve("nothing.txt");
    Result result = spate("example", "wordcount", "--input", missing.toString(),
        "--output", dir.resolve("out.csv").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).isEqualTo("Input not found: " + missing);
  }

  @Test
  void demoHelpShowsTheDemosOptions() {
    Result result = spate("demo", "--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: demo").contains("--rate", "--max-events");
  }

  @Test
  void demoRejectsABadRate() {
    Result result = spate("demo", "--rate", "fast");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.firstErrorLine()).isEqualTo("Option '--rate' needs a whole number, but was 'fast'.");
    assertThat(result.err()).contains("Usage: demo");
  }

  @Test
  void everyCommandAndSubcommandAnswersHelp() {
    List<List<String>> commands = new ArrayList<>();
    collectCommands(SpateCli.newCommandLine(), new ArrayList<>(), commands);
    assertThat(commands).contains(List.of("run"), List.of("cluster"), List.of("cluster", "start"),
        List.of("cluster", "stop"), List.of("cluster", "status"));
    for (List<String> command : commands) {
      for (String flag : List.of("--help", "-h")) {
        List<String> args = new ArrayList<>(command);
        args.add(flag);
        Result result = spate(args.toArray(new String[0]));
        assertThat(result.exitCode()).as("spate %s: %s", String.join(" ", args), result.err()).isZero();
        assertThat(result.out()).as("spate %s", String.join(" ", args)).contains("Usage:");
      }
    }
  }

  /** Adds the path of every command under {@code commandLine} (not the root) to {@code into}. */
  private static void collectCommands(CommandLine commandLine, List<String> path, List<List<String>> into) {
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      List<String> subPath = new ArrayList<>(path);
      subPath.add(sub.getCommandName());
      if (!into.contains(subPath)) {
        into.add(subPath);
        collectCommands(sub, subPath, into);
      }
    }
  }

  @Test
  void helpCommandShowsTheUsageOfACommand() {
    Result result = spate("help", "run");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("spate run <jar>", "--parallelism", "--class", "--mode");
  }

  @Test
  void clusterStartRefusesAnHttpsRestApiItCannotCheckYet() {
    Result result = spate("cluster", "start", "-D", "security.ssl.rest.enabled=true");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("cannot check a cluster whose REST API serves HTTPS yet",
        "security.ssl.rest.enabled");
  }

  @Test
  void runWithAJobManagerTakesTlsOptionsButNotJobOptions() throws Exception {
    Path jar = java.nio.file.Files.createTempFile("not-uploaded", ".jar");
    try {
      Result jobOption = spate("run", "-m", "127.0.0.1:1", "-D", "parallelism.default=3", jar.toString());
      assertThat(jobOption.exitCode()).isEqualTo(2);
      assertThat(jobOption.err()).contains("security.ssl.rest.*", "'parallelism.default'");
    } finally {
      java.nio.file.Files.deleteIfExists(jar);
    }
  }
}
