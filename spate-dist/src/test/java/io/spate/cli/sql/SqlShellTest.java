package io.spate.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The interactive SQL shell, driven through a dumb terminal as a pipe drives it. */
class SqlShellTest {

  @Test
  void aStatementSpansLinesUntilItsSemicolon() {
    String out = ShellDriver.runEmbedded("""
        CREATE TABLE numbers (
          n INT
        ) WITH ('connector' = 'datagen',
          'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '3');
        SHOW TABLES;
        """);
    assertThat(out).contains("[INFO] Execute statement succeeded.");
    assertThat(out).contains("""
        +------------+
        | table name |
        +------------+
        |    numbers |
        +------------+
        1 row in set""");
  }

  @Test
  void anErrorIsPrintedAndTheShellGoesOn() {
    String out = ShellDriver.runEmbedded("""
        SELECT nope FROM nowhere;
        CREATE TABLE t (a INT) WITH ('connector' = 'blackhole');
        SHOW TABLES;
        """);
    System.out.println(out);
    assertThat(out).contains("[ERROR] Could not execute SQL statement. Reason:");
    assertThat(out).contains("nowhere");
    assertThat(out).doesNotContain("\tat ");
    assertThat(out).contains("|          t |");
  }
}
