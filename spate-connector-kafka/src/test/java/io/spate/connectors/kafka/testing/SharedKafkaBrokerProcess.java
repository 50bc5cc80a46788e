package io.spate.connectors.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link KafkaBrokerProcess} for every test class of a JVM that extends with this and asks for a
 * {@code KafkaBrokerProcess} parameter (typically of its {@code @BeforeAll} method): the first such class
 * starts it, the end of the JVM (the surefire fork) kills it and deletes its directory. Classes that kill and restart
 * the broker take turns through {@link #LOCK}. A class that ended while the broker was down (a failure
 * between a kill and a restart) leaves it stopped: the next class gets it started again, with its topics.
 */
public final class SharedKafkaBrokerProcess implements ParameterResolver {

  /** The {@code @ResourceLock} of the classes that use the shared broker, so that no two run at once. */
  public static final String LOCK = "io.spate.connectors.kafka.testing.SharedKafkaBrokerProcess";

  // Kept per JVM, not in JUnit's root store: with more than one fork, surefire runs each class in a
  // launcher request of its own, and the root store would close at the end of every class.
  private static Started started;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaBrokerProcess.class;
  }

  @Override
  public KafkaBrokerProcess resolveParameter(ParameterContext parameter, ExtensionContext context) {
    synchronized (SharedKafkaBrokerProcess.class) {
      if (started == null) {
        Started broker = Started.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            broker.close();
          } catch (IOException e) {
            System.err.println("Could not delete the shared Kafka broker's directory: " + e);
          }
        }, "stop the shared Kafka broker"));
        started = broker;
      }
      if (!started.broker.isRunning()) {
        started.broker.restart();
      }
      return started.broker;
    }
  }

  /** The broker and its directory under {@code java.io.tmpdir} ({@code target/} in this build). */
  private record Started(KafkaBrokerProcess broker, Path dir) implements AutoCloseable {

    static Started start() {
      try {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kafka-broker-process-");
        return new Started(KafkaBrokerProcess.start(dir), dir);
      } catch (IOException e) {
        throw new UncheckedIOException("No directory for the shared Kafka broker", e);
      }
    }

    @Override
    public void close() throws IOException {
      broker.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }
}
