package io.spate.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The expansion of grouping sets: a row per set, with the row's fields unchanged (an aggregate of a group
 * column still sees its value), the copies of the group columns NULL where the set leaves them out, the
 * set's id last, and the input's change kind.
 */
class GroupingSetsExpandFunctionTest {

  @Test
  void eachSetGetsTheRowWithItsLeftOutColumnsCopiedAsNullAndItsId() {
    // ROLLUP (field 0, field 1): the sets (0, 1), (0) and ().
    GroupingSetsExpandFunction expand = new GroupingSetsExpandFunction(new int[] {0, 1},
        new boolean[][] {{true, true}, {true, false}, {false, false}}, new long[] {0, 1, 3});
    Row input = Row.ofKind(RowKind.UPDATE_BEFORE, "a", 7, 10L);
    List<Row> out = new ArrayList<>();
    expand.flatMap(input, out::add);

    assertThat(out).containsExactly(
        Row.ofKind(RowKind.UPDATE_BEFORE, "a", 7, 10L, "a", 7, 0L),
        Row.ofKind(RowKind.UPDATE_BEFORE, "a", 7, 10L, "a", null, 1L),
        Row.ofKind(RowKind.UPDATE_BEFORE, "a", 7, 10L, null, null, 3L));
  }

  @Test
  void setsAndIdsMustAgree() {
    assertThatThrownBy(() -> new GroupingSetsExpandFunction(new int[] {0}, new boolean[][] {{true}, {false}},
        new long[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 grouping sets but 1 ids");
    assertThatThrownBy(() -> new GroupingSetsExpandFunction(new int[] {0, 1}, new boolean[][] {{true}},
        new long[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("of 1 fields");
  }
}
