package io.spate.clitest;

/** A class without a main method, named by mistake as a job's main class. */
public final class NoMainJob {

  private NoMainJob() {}

  /** Not a main method: it takes no arguments. */
  public static void main() {}
}
