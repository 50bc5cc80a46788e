package io.spate.examples;

/** The body of an example: runs it with its command-line arguments. */
@FunctionalInterface
public interface ExampleProgram {

  /** Runs the example; wrong arguments throw {@link UsageException}. */
  void run(String[] args) throws Exception;

  /**
   * Runs {@code program} as a {@code main} method does: {@code --help} prints the usage; wrong
   * arguments print the reason and the usage to standard error and exit with code 2.
   */
  static void runAsMain(ExampleProgram program, String[] args) throws Exception {
    try {
      program.run(args);
    } catch (UsageException e) {
      if (e.isHelpRequest()) {
        System.out.println(e.usage());
        return;
      }
      System.err.println(e.getMessage());
      System.err.println();
      System.err.println(e.usage());
      System.exit(2);
    }
  }
}
