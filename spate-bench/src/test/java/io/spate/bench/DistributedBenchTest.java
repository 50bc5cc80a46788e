package io.spate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mode of the distributed harness, with tiny sizes and real TaskManager processes, produces its
 * table with numbers in it and leaves no process behind. Nothing here looks at how fast anything was.
 */
class DistributedBenchTest {

  @TempDir
  Path work;

  @AfterEach
  void noTaskManagerProcessIsLeft() {
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains(BenchTaskManager.class.getName())))
        .as("TaskManager processes still running").isEmpty();
  }

  private String run(String... args) throws Exception {
    String[] common = {"--work-dir", work.toString(), "--taskmanager-jvm-options", "-Xmx256m"};
    return DistributedBench.run(DistributedBench.Options.parse(
        Stream.concat(Arrays.stream(common), Arrays.stream(args)).toArray(String[]::new)));
  }

  /** The cells of the table row of {@code report} that starts with {@code firstCell}. */
  private static List<String> row(String report, String firstCell) {
    String line = report.lines().filter(l -> l.startsWith("| " + firstCell + " |")).findFirst()
        .orElseThrow(() -> new AssertionError("no row '" + firstCell + "' in:\n" + report));
    return Arrays.stream(line.substring(2, line.length() - 2).split(" \\| ")).map(String::trim).toList();
  }

  @Test
  void throughputComparesTheSetUps() throws Exception {
    String report = run("--mode", "throughput", "--setups", "one-process,2tm", "--records", "20K", "--runs", "1", "--retries", "0",
        "--warmup-seconds", "0");

    List<String> oneProcess = row(report, "one process (embedded cluster)");
    List<String> twoProcesses = row(report, "2 TaskManager processes x 1 slot");
    assertThat(oneProcess.get(1)).matches("[0-9.]+ [KM]");
    assertThat(oneProcess.get(4)).isEqualTo("1.00");
    assertThat(twoProcesses.get(1)).matches("[0-9.]+ [KM]");
    assertThat(twoProcesses.get(4)).matches("[0-9]+\\.[0-9]{2}");
    assertThat(twoProcesses.get(5)).matches("[0-9.]+ [KM]");
    assertThat(twoProcesses.get(6)).matches("[0-9]+\\.[0-9]{2}");
    assertThat(twoProcesses.get(7)).matches("[0-9]+\\.[0-9]{2}|NaN");
  }

  @Test
  void latencyReportsPercentilesAcrossProcesses() throws Exception {
    String report = run("--mode", "latency", "--setups", "2tm", "--rates", "2K", "--latency-seconds", "1",
        "--latency-warmup-seconds", "0.5", "--latency-runs", "1");

    List<String> cells = row(report, "2 TaskManager processes x 1 slot");
    assertThat(cells.get(1)).isEqualTo("2 K");
    long counted = Long.parseLong(cells.get(3).replace(",", ""));
    assertThat(counted).isPositive().isLessThanOrEqualTo(3_000);
    double p50 = Double.parseDouble(cells.get(4));
    double p99 = Double.parseDouble(cells.get(5));
    double p999 = Double.parseDouble(cells.get(6));
    assertThat(p50).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(p99);
    assertThat(p99).isLessThanOrEqualTo(p999);
  }

  @Test
  void recoveryMeasuresAKilledTaskManagerAndNamesTheCause() throws Exception {
    // A timeout of a few seconds: on a loaded machine a TaskManager JVM that is still starting can miss
    // a 1 s timeout, and the ResourceManager then drops it before the job starts.
    String report = run("--mode", "recovery", "--kills", "1", "--recovery-rate", "1K", "--heartbeat-interval-ms",
        "200", "--heartbeat-timeout-ms", "3000", "--checkpoint-ms", "200", "--checkpoints-before-kill", "1");

    List<String> kill = row(report, "1");
    assertThat(kill.get(3)).as("first fresh record").matches("[0-9,]+");
    assertThat(kill.get(4)).as("every sink subtask").matches("[0-9,]+");
    assertThat(Integer.parseInt(kill.get(5))).as("failures recorded").isPositive();
    assertThat(kill.get(6)).isNotEqualTo("none recorded");
    assertThat(report).contains("heartbeat.interval 200ms, heartbeat.timeout 3000ms");
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> DistributedBench.Options.parse(new String[] {"--mode", "speed"}))
        .hasMessageContaining("unknown mode 'speed'");
    assertThatThrownBy(() -> DistributedBench.Options.parse(new String[] {"--recovery-taskmanagers", "2"}))
        .hasMessageContaining("at least 3");
    assertThatThrownBy(() -> DistributedBench.Options.parse(new String[] {"--records"}))
        .hasMessageContaining("needs a value");
  }
}
