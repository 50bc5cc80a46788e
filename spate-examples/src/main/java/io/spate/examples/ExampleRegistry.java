package io.spate.examples;

import io.spate.examples.fraud.FraudDetection;
import java.util.List;
import java.util.Optional;

/** The examples bundled with Spate, by the name that {@code spate example <name>} takes. */
public final class ExampleRegistry {

  /**
   * One bundled example.
   *
   * @param name the name on the command line
   * @param mainClass the class whose {@code main} runs the example
   * @param description one line saying what the example does
   * @param program the example's body, which reports wrong arguments as {@link UsageException}
   */
  public record Example(String name, Class<?> mainClass, String description, ExampleProgram program) {}

  private static final List<Example> EXAMPLES = List.of(
      new Example("wordcount", WordCount.class,
          "Counts the words of a text file, in batch or streaming mode.",
          WordCount::run),
      new Example("demo", AuctionDemo.class,
          "Aggregates generated auction bids per auction, live until Ctrl-C.",
          AuctionDemo::run),
      new Example("fraud-detection", FraudDetection.class,
          "Flags suspicious card transactions read from Kafka; alerts to Kafka (exactly once) and PostgreSQL.",
          FraudDetection::run));

  private ExampleRegistry() {}

  /** Every example, in the order they are listed. */
  public static List<Example> all() {
    return EXAMPLES;
  }

  /** The example called {@code name}, if there is one. */
  public static Optional<Example> find(String name) {
    return EXAMPLES.stream().filter(example -> example.name().equals(name)).findFirst();
  }
}
