package io.spate.connectors.kafka.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link KafkaTestBroker} with the default settings for every test class of a JVM (a surefire
 * fork) that extends with this and asks for a {@code KafkaTestBroker} parameter, typically of its
 * {@code @BeforeAll} method: the first such class starts it, the end of the JVM stops it. Starting a
 * broker takes seconds; sharing it costs each class only distinct names: its own topics, transactional
 * id prefixes and consumer groups, and checks of the broker's transactions limited to its own prefixes.
 * A class that needs other broker settings starts a broker of its own.
 */
public final class SharedKafkaTestBroker implements ParameterResolver {

  // Kept per JVM, not in JUnit's root store: with more than one fork, surefire runs each class in a
  // launcher request of its own, and the root store would close at the end of every class.
  private static KafkaTestBroker started;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaTestBroker.class;
  }

  @Override
  public KafkaTestBroker resolveParameter(ParameterContext parameter, ExtensionContext context) {
    synchronized (SharedKafkaTestBroker.class) {
      if (started == null) {
        KafkaTestBroker broker = KafkaTestBroker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            broker.close();
          } catch (Exception e) {
            System.err.println("Could not stop the shared Kafka test broker: " + e);
          }
        }, "stop the shared Kafka test broker"));
        started = broker;
      }
      return started;
    }
  }
}
