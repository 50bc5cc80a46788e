package io.spate.clitest;

import java.io.FileNotFoundException;

/** A job main that fails the way a job with a missing input does. */
public final class FailingJob {

  private FailingJob() {}

  /** Throws an exception with a root cause. */
  public static void main(String[] args) {
    throw new IllegalStateException("The job could not start",
        new FileNotFoundException("/nope/input.txt (No such file or directory)"));
  }
}
