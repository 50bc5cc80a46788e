package io.spate.bench.nexmark.run;

import io.spate.bench.nexmark.BeforeTheClock;
import java.nio.file.Path;

/** The shared {@code main} of the runners: parse, run, write the JSON result, exit 0 or 1. */
public final class RunnerMain {

  /** One engine's measurement of one query. */
  interface Runner {
    RunResult run(RunnerOptions options) throws Exception;
  }

  private RunnerMain() {}

  static void main(String engine, String[] args, Runner runner) {
    Path out = null;
    String query = null;
    RunResult result;
    try {
      out = outOf(args);
      RunnerOptions options = RunnerOptions.parse(args);
      query = options.query();
      BeforeTheClock.prepare(options.configuration());
      result = runner.run(options);
    } catch (Throwable e) {
      e.printStackTrace();
      result = RunResult.failed(engine, query != null ? query : queryOf(args), describe(e));
    }
    if (out == null) {
      System.err.println(result.toJson());
      System.exit(2);
    }
    try {
      result.writeTo(out);
    } catch (Exception e) {
      System.err.println("Cannot write " + out + ": " + e);
      System.exit(2);
    }
    // exit explicitly: an engine may leave non-daemon threads behind
    System.exit(result.isError() ? 1 : 0);
  }

  /** The message of {@code e} and its causes, so that the orchestrator can show the root cause. */
  public static String describe(Throwable e) {
    StringBuilder s = new StringBuilder();
    for (Throwable t = e; t != null && s.length() < 2000; t = t.getCause()) {
      if (!s.isEmpty()) {
        s.append(" <- ");
      }
      s.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
      if (t.getCause() == t) {
        break;
      }
    }
    return s.toString();
  }

  private static Path outOf(String[] args) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--out")) {
        return Path.of(args[i + 1]);
      }
    }
    return null;
  }

  private static String queryOf(String[] args) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--query")) {
        return args[i + 1];
      }
    }
    return null;
  }
}
