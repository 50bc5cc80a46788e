package io.spate.cli;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.JobProgress;
import io.spate.api.execution.JobListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows one line on the terminal per running bounded job, rewritten every half second with the
 * records processed and the time elapsed, and erased when the job ends.
 */
final class ProgressDisplay implements AutoCloseable {

  private static final long INTERVAL_MILLIS = 500;
  private static final int MAX_JOB_NAME = 40;

  private final PrintWriter terminal;
  private final List<Line> lines = new ArrayList<>();

  ProgressDisplay(PrintWriter terminal) {
    this.terminal = terminal;
  }

  /** The display on this process's terminal, or null when it has none (output is redirected). */
  static ProgressDisplay forConsole() {
    return System.console() == null ? null : new ProgressDisplay(System.console().writer());
  }

  /** A listener that starts a line for each job of {@code environment} that should show one. */
  JobListener listenerFor(ContextEnvironment environment) {
    return new JobListener() {
      @Override
      public void onJobSubmitted(JobClient client, Throwable error) {
        if (client != null && environment.lastJobShowsProgress()) {
          start(environment.lastJobName(), client);
        }
      }

      @Override
      public void onJobExecuted(JobExecutionResult result, Throwable error) {
        close();
      }
    };
  }

  private synchronized void start(String jobName, JobClient client) {
    Line line = new Line(jobName, client);
    lines.add(line);
    line.start();
  }

  /** Stops and erases every line. */
  @Override
  public synchronized void close() {
    lines.forEach(Line::close);
    lines.clear();
  }

  /** The text of the line, such as {@code WordCount: 1,234 records processed, 2.5 s elapsed}. */
  static String format(String jobName, JobProgress progress) {
    String name = jobName.length() > MAX_JOB_NAME ? jobName.substring(0, MAX_JOB_NAME - 3) + "..." : jobName;
    return String.format(Locale.ROOT, "%s: %,d records processed, %s elapsed",
        name, progress.recordsProcessed(), formatElapsed(progress.elapsed()));
  }

  static String formatElapsed(Duration elapsed) {
    long millis = Math.max(0, elapsed.toMillis());
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d:%02d min", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d:%02d h", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** The line of one job. */
  private final class Line {
    private final String jobName;
    private final JobClient client;
    private final ScheduledExecutorService timer;
    private int shownLength;
    private boolean closed;

    Line(String jobName, JobClient client) {
      this.jobName = jobName;
      this.client = client;
      this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "spate-progress");
        thread.setDaemon(true);
        return thread;
      });
    }

    void start() {
      timer.scheduleAtFixedRate(this::update, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
      client.getJobExecutionResult().whenComplete((result, error) -> close());
    }

    private void update() {
      synchronized (ProgressDisplay.this) {
        if (closed) {
          return;
        }
        String text;
        try {
          text = format(jobName, client.getProgress());
        } catch (RuntimeException unavailable) {
          // A job that cannot report progress simply shows none.
          close();
          return;
        }
        StringBuilder out = new StringBuilder("\r").append(text);
        out.append(" ".repeat(Math.max(0, shownLength - text.length())));
        terminal.print(out);
        terminal.flush();
        shownLength = text.length();
      }
    }

    void close() {
      synchronized (ProgressDisplay.this) {
        if (closed) {
          return;
        }
        closed = true;
        timer.shutdownNow();
        if (shownLength > 0) {
          terminal.print("\r" + " ".repeat(shownLength) + "\r");
          terminal.flush();
        }
      }
    }
  }
}
