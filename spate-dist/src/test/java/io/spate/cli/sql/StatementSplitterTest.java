package io.spate.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where typed statements end: a semicolon outside literals, quoted names and comments. */
class StatementSplitterTest {

  @Test
  void aStatementIsCompleteAtItsSemicolon() {
    assertThat(StatementSplitter.isComplete("SELECT 1")).isFalse();
    assertThat(StatementSplitter.isComplete("SELECT 1;")).isTrue();
    assertThat(StatementSplitter.isComplete("SELECT 1;  \n")).isTrue();
    assertThat(StatementSplitter.isComplete("SELECT 1; -- done")).isTrue();
    assertThat(StatementSplitter.isComplete("SELECT 1; /* done */")).isTrue();
    assertThat(StatementSplitter.isComplete("SELECT 1; SELECT")).isFalse();
  }

  @Test
  void semicolonsInLiteralsNamesAndCommentsDoNotEndIt() {
    assertThat(StatementSplitter.isComplete("SELECT ';")).isFalse();
    assertThat(StatementSplitter.isComplete("SELECT 'it''s;'")).isFalse();
    assertThat(StatementSplitter.isComplete("SELECT `a;b")).isFalse();
    assertThat(StatementSplitter.isComplete("SELECT \"a;b")).isFalse();
    assertThat(StatementSplitter.isComplete("SELECT 1 -- ;")).isFalse();
    assertThat(StatementSplitter.isComplete("SELECT 1 /* ; */")).isFalse();
    assertThat(StatementSplitter.isComplete("SELECT 1 /* ; */;")).isTrue();
    assertThat(StatementSplitter.isComplete("SELECT 'it''s;';")).isTrue();
  }

  @Test
  void splitGivesEachStatementWithoutItsSemicolon() {
    assertThat(StatementSplitter.split("SELECT ';'; -- one\nSHOW TABLES ;\n  ; SET"))
        .containsExactly("SELECT ';'", "-- one\nSHOW TABLES", "SET");
    assertThat(StatementSplitter.split("  -- nothing\n")).isEmpty();
  }

  @Test
  void statementsJoinedBySemicolonsSplitBackIntoThemselves() {
    qt().forAll(lists().of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8))
            .ofSizeBetween(1, 5))
        .checkAssert(words -> {
          List<String> statements = words.stream().map(w -> "SELECT '" + w + ";' AS `" + w + "`").toList();
          String text = String.join(";\n", statements) + ";";
          assertThat(StatementSplitter.isComplete(text)).isTrue();
          assertThat(StatementSplitter.split(text)).isEqualTo(statements);
        });
  }
}
