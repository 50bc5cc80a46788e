package io.spate.api.types;

import io.spate.api.annotation.Internal;
import java.util.LinkedHashMap;
import java.util.Objects;

/** Creates rows in the mode users cannot ask for directly: named positions, for serializers and converters. */
@Internal
public final class RowUtils {

  private RowUtils() {}

  /**
   * A row of the given kind over {@code fieldByPosition} (taken, not copied) whose positions also
   * answer to the names of {@code positionByName}, which must map each name to a distinct position
   * and is not modified afterwards (several rows may share it); with a null map, a position-based row.
   */
  public static Row createRowWithNamedPositions(
      RowKind kind, Object[] fieldByPosition, LinkedHashMap<String, Integer> positionByName) {
    return new Row(kind, Objects.requireNonNull(fieldByPosition, "fieldByPosition"), null, positionByName);
  }

  /**
   * {@code row} with its positions answering to the names of {@code positionByName} (the map is as for
   * {@link #createRowWithNamedPositions}): {@code row} itself, named in place, if it had no names, else a
   * row of its kind over its very field array (shared, so one new object and no copy). {@code row}
   * should not be used afterwards by anything that reads it by other names.
   *
   * @throws IllegalArgumentException if {@code row} is name-based
   */
  public static Row withNamedPositions(Row row, LinkedHashMap<String, Integer> positionByName) {
    return row.withPositionNames(Objects.requireNonNull(positionByName, "positionByName"));
  }
}
