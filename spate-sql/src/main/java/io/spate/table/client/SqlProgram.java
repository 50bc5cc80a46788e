package io.spate.table.client;

import io.spate.api.annotation.Internal;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;

/**
 * The program that the SQL client ({@code ./spate sql -m host:port}) has a session cluster run for
 * an {@code INSERT}: it replays the session's statements (DDL, SET, USE) in a fresh session and
 * then runs the insert, whose job the cluster starts. Each argument is one statement; a first
 * argument {@code --batch} runs the session in batch mode.
 */
@Internal
public final class SqlProgram {

  /** The argument that selects batch mode. */
  public static final String BATCH = "--batch";

  private SqlProgram() {}

  /** Runs {@code args}' statements in order, in one session. */
  public static void main(String[] args) {
    boolean batch = args.length > 0 && args[0].equals(BATCH);
    TableEnvironment session = TableEnvironment.create(batch ? EnvironmentSettings.inBatchMode()
        : EnvironmentSettings.inStreamingMode());
    for (int i = batch ? 1 : 0; i < args.length; i++) {
      session.executeSql(args[i]);
    }
  }
}
