package io.spate.bench.kafka;

import io.spate.bench.nexmark.run.RunnerMain;
import java.nio.file.Path;

/** The shared {@code main} of the Kafka runners: parse, run, write the JSON result, exit 0 or 1. */
public final class KafkaRunnerMain {

  /** One engine's run of one workload. */
  public interface Runner {
    /** Runs the workload of {@code options} and returns its measurement. */
    KafkaRunResult run(KafkaRunnerOptions options) throws Exception;
  }

  private KafkaRunnerMain() {}

  /** Runs {@code runner} on the options in {@code args} and writes its result to the {@code --out} file. */
  public static void main(String engine, String[] args, Runner runner) {
    Path out = null;
    String workload = "?";
    KafkaRunResult result;
    try {
      KafkaRunnerOptions options = KafkaRunnerOptions.parse(args);
      out = options.out();
      workload = options.workload().id();
      result = runner.run(options);
    } catch (Throwable e) {
      e.printStackTrace();
      result = KafkaRunResult.failed(engine, workload, RunnerMain.describe(e));
    }
    if (out == null) {
      System.err.println(result.toJson());
      System.exit(2);
    }
    try {
      result.writeTo(out);
    } catch (Exception e) {
      System.err.println("Cannot write " + out + ": " + e);
      System.exit(2);
    }
    // exit explicitly: an engine or a Kafka client may leave non-daemon threads behind
    System.exit(result.isError() ? 1 : 0);
  }
}
