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
}
