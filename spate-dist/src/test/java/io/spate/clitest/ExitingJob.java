package io.spate.clitest;

import java.util.function.IntConsumer;

/**
 * A main method that ends its JVM instead of submitting a job, as some job jars' main methods do on bad
 * arguments: with "system" (the default) through {@code System.exit}, with "runtime-halt" through
 * {@code Runtime.halt}, with "reference" through a method reference to {@code System.exit}; the
 * status is the second argument (3 if none).
 */
public final class ExitingJob {

  private ExitingJob() {}

  /** Exits the way the first argument names. */
  public static void main(String[] args) {
    String how = args.length > 0 ? args[0] : "system";
    int status = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    switch (how) {
      case "runtime-halt" -> Runtime.getRuntime().halt(status);
      case "reference" -> {
        IntConsumer exit = System::exit;
        exit.accept(status);
      }
      default -> System.exit(status);
    }
  }
}
