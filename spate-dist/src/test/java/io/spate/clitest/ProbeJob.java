package io.spate.clitest;

import io.spate.api.configuration.CoreOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A job main that writes what the CLI gave it to the file named by its first argument. */
public final class ProbeJob {

  private ProbeJob() {}

  /** Writes the environment's settings, the class loaders and the arguments. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    List<String> lines = List.of(
        "parallelism=" + env.getParallelism(),
        "mode=" + env.getConfiguration().get(CoreOptions.RUNTIME_MODE),
        "environment=" + env.getClass().getSimpleName(),
        "loader=" + ProbeJob.class.getClassLoader().getClass().getSimpleName(),
        "contextLoader=" + Thread.currentThread().getContextClassLoader().getClass().getSimpleName(),
        "args=" + Arrays.asList(args).subList(1, args.length));
    Files.write(Path.of(args[0]), lines);
  }
}
