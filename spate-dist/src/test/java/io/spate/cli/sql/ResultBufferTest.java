package io.spate.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows behind the table and changelog views. */
class ResultBufferTest {

  private static Row row(RowKind kind, Object... fields) {
    Row row = Row.of(fields);
    row.setKind(kind);
    return row;
  }

  private static List<List<Object>> rows(ResultBuffer buffer) {
    return buffer.rows().stream().map(List::of).toList();
  }

  @Test
  void tableModeMaterializesRetractionsAndUpdates() {
    ResultBuffer table = new ResultBuffer(false);
    table.add(row(RowKind.INSERT, "a", 1L));
    table.add(row(RowKind.INSERT, "b", 1L));
    table.add(row(RowKind.UPDATE_BEFORE, "a", 1L));
    table.add(row(RowKind.UPDATE_AFTER, "a", 2L));
    table.add(row(RowKind.DELETE, "b", 1L));
    assertThat(rows(table)).containsExactly(List.of("a", 2L));
    assertThat(table.kinds()).isEmpty();
  }

  @Test
  void aRetractionRemovesOneEqualRowOnly() {
    ResultBuffer table = new ResultBuffer(false);
    table.add(row(RowKind.INSERT, "a"));
    table.add(row(RowKind.INSERT, "a"));
    table.add(row(RowKind.DELETE, "a"));
    table.add(row(RowKind.DELETE, "missing"));
    assertThat(rows(table)).containsExactly(List.of("a"));
  }

  @Test
  void changelogModeKeepsEveryChangeWithItsKind() {
    ResultBuffer changelog = new ResultBuffer(true);
    changelog.add(row(RowKind.INSERT, "a", 1L));
    changelog.add(row(RowKind.UPDATE_BEFORE, "a", 1L));
    changelog.add(row(RowKind.UPDATE_AFTER, "a", 2L));
    assertThat(rows(changelog)).containsExactly(List.of("a", 1L), List.of("a", 1L), List.of("a", 2L));
    assertThat(changelog.kinds()).containsExactly(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
  }

  @Test
  void theOldestRowsGoWhenTheBufferIsFull() {
    ResultBuffer changelog = new ResultBuffer(true, 2);
    for (int i = 0; i < 5; i++) {
      changelog.add(row(i % 2 == 0 ? RowKind.INSERT : RowKind.DELETE, i));
    }
    assertThat(rows(changelog)).containsExactly(List.of(3), List.of(4));
    assertThat(changelog.kinds()).containsExactly(RowKind.DELETE, RowKind.INSERT);
  }

  @Test
  void theVersionChangesWithEveryRowAndTheEnd() {
    ResultBuffer table = new ResultBuffer(false);
    long before = table.version();
    table.add(row(RowKind.INSERT, 1));
    long afterRow = table.version();
    table.end("boom");
    assertThat(afterRow).isNotEqualTo(before);
    assertThat(table.version()).isNotEqualTo(afterRow);
    assertThat(table.ended()).isTrue();
    assertThat(table.failure()).isEqualTo("boom");
  }
}
