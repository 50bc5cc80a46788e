package io.spate.cli;

/**
 * What the classes of a job jar whose main method runs in a session JobManager call instead of
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} (see {@link ExitCallRewriter}):
 * they throw {@link ExitAttempt}, so that one job's code cannot end the JobManager and every other
 * job in it. Public because the rewritten classes, in another class loader, call it.
 */
public final class BlockedExit {

  private BlockedExit() {}

  /** Stands in for {@code System.exit(status)}. */
  public static void exit(int status) {
    throw new ExitAttempt("System.exit", status);
  }

  /** Stands in for {@code runtime.exit(status)}. */
  public static void exit(Runtime runtime, int status) {
    throw new ExitAttempt("Runtime.exit", status);
  }

  /** Stands in for {@code runtime.halt(status)}. */
  public static void halt(Runtime runtime, int status) {
    throw new ExitAttempt("Runtime.halt", status);
  }

  /** Thrown where a job's code asked the JobManager's JVM to exit. */
  public static final class ExitAttempt extends SecurityException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int status;

    ExitAttempt(String call, int status) {
      super(call + "(" + status + ") was called, which a job's code may not do in a session JobManager: it would"
          + " end the JobManager and every job in it");
      this.call = call;
      this.status = status;
    }

    /** The call made, such as {@code System.exit}. */
    public String call() {
      return call;
    }

    /** The status the code asked to exit with. */
    public int status() {
      return status;
    }
  }
}
