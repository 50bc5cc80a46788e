package io.spate.bench.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The harness's handle on a {@link KafkaBenchBroker} child JVM: starts it, waits until it has written
 * its bootstrap address, and stops it by closing its standard input (forcibly if it does not exit).
 */
final class BrokerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final Process process;
  private final String bootstrapServers;

  private BrokerProcess(Process process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker with its data and log under {@code dir}, on {@code classpath}, and waits until it is ready. */
  static BrokerProcess start(Path dir, String classpath, List<String> jvmOptions) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path bootstrapFile = dir.resolve("bootstrap-servers.txt");
    Files.deleteIfExists(bootstrapFile);
    Path log = dir.resolve("broker.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Djava.io.tmpdir=" + dir.toAbsolutePath());
    command.add("-cp");
    command.add(classpath);
    command.add(KafkaBenchBroker.class.getName());
    command.add(bootstrapFile.toAbsolutePath().toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Files.exists(bootstrapFile)) {
      if (!process.isAlive()) {
        throw new IOException("The Kafka broker exited with " + process.exitValue() + " before it was ready; see " + log);
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException("The Kafka broker was not ready after " + START_TIMEOUT.toSeconds() + " s; see " + log);
      }
      Thread.sleep(100);
    }
    return new BrokerProcess(process, Files.readString(bootstrapFile).trim());
  }

  /** The broker's {@code host:port}. */
  String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
