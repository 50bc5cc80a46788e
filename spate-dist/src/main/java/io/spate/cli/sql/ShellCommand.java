package io.spate.cli.sql;

import java.util.Locale;

/** The commands of the shell itself, which {@code executeSql} does not know: HELP, QUIT and EXIT. */
enum ShellCommand {
  HELP, QUIT, EXIT;

  /** The command {@code statement} is (with or without its {@code ;}), or null when it is SQL. */
  static ShellCommand of(String statement) {
    String word = statement.strip();
    if (word.endsWith(";")) {
      word = word.substring(0, word.length() - 1).strip();
    }
    return switch (word.toUpperCase(Locale.ROOT)) {
      case "HELP" -> HELP;
      case "QUIT" -> QUIT;
      case "EXIT" -> EXIT;
      default -> null;
    };
  }

  /** Whether {@code line} is one of the shell's commands, which need no {@code ;} to end. */
  static boolean isShellCommand(String line) {
    return of(line) != null;
  }

  /** The text {@code HELP;} prints. */
  static String help() {
    return String.join(System.lineSeparator(),
        "The following commands are available:",
        "",
        "HELP                 Prints this help.",
        "QUIT, EXIT           Quits the SQL client (so does Ctrl-D at the prompt).",
        "SET 'key' = 'value'  Sets a session option; SET lists them all.",
        "RESET ['key']        Resets one session option, or all of them.",
        "SHOW JOBS            Lists the jobs of this session's cluster (id, name, status, start time).",
        "STOP JOB '<id>' [WITH SAVEPOINT] [WITH DRAIN]",
        "                     Stops a job; with a savepoint (into 'state.savepoints.dir'), draining first if asked.",
        "INSERT INTO ...      Submits a job that writes into a table and prints its id; the shell goes on.",
        "SELECT ...           Runs a query and shows its result in the mode of 'sql-client.execution.result-mode'",
        "                     (table, changelog or tableau); Q (or Ctrl-C) leaves the result view.",
        "",
        "Every other statement that Spate SQL runs works as well: CREATE/DROP/ALTER TABLE, VIEW and DATABASE,",
        "SHOW, DESCRIBE, EXPLAIN, USE. Statements end with ';' and may span several lines.");
  }
}
