package io.spate.table.api.internal;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.functions.MapFunction;
import io.spate.api.types.Row;
import io.spate.api.types.RowUtils;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.RowType;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the rows a program receives from a query (by {@code toDataStream}, {@code toChangelogStream} or
 * {@code TableResult.collect()}) the names of their columns, as Flink does, in the same step that turns their
 * intervals into Java classes: each row, and each row nested in
 * it, is then read by position and by name. Done at that boundary only: inside a job rows are read by
 * position. A row costs no new object: the job's row itself is named, with one name map per row type,
 * made once (or, if it is named already, a new row over its field array).
 */
@Internal
final class NamedRows {

  private NamedRows() {}

  /**
   * {@code rows}, of columns {@code rowType}, as the program receives them, in one step: with named positions and
   * their intervals in their Java classes ({@link IntervalConversions}).
   */
  static DataStream<Row> toExternal(DataStream<Row> rows, RowType rowType) {
    boolean intervals = IntervalConversions.containsInterval(rowType);
    return rows.map(new ToExternal(new RowNamer(rowType), intervals ? rowType : null),
        intervals ? IntervalConversions.externalRowInfo(rowType) : rows.getType()).name("Rows for the program");
  }

  /** {@code rows}, of columns {@code names} and {@code types}, as the program receives them; see the stream form. */
  static CloseableIterator<Row> toExternal(CloseableIterator<Row> rows, List<String> names, List<LogicalType> types) {
    RowType intervals = types.stream().anyMatch(IntervalConversions::containsInterval)
        ? IntervalConversions.rowType(types) : null;
    ToExternal external = new ToExternal(new RowNamer(names, types), intervals);
    Iterator<Row> converted = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return external.map(rows.next());
      }
    };
    return CloseableIterator.adapterForIterator(converted, rows::close);
  }

  /** Names the values of one type, or those nested in them; null where a type holds no row. */
  private interface Namer extends Serializable {
    Object name(Object value);
  }

  private static Namer namerOf(LogicalType type) {
    switch (type.getTypeRoot()) {
      case ROW:
        return new RowNamer((RowType) type);
      case ARRAY: {
        Namer element = namerOf(((ArrayType) type).getElementType());
        return element == null ? null : value -> {
          Object[] array = (Object[]) value;
          for (int i = 0; i < array.length; i++) {
            array[i] = array[i] == null ? null : element.name(array[i]);
          }
          return array;
        };
      }
      case MAP:
        return mapNamer(namerOf(((MapType) type).getKeyType()), namerOf(((MapType) type).getValueType()));
      case MULTISET:
        return mapNamer(namerOf(((MultisetType) type).getElementType()), null);
      default:
        return null;
    }
  }

  private static Namer mapNamer(Namer key, Namer value) {
    if (key == null && value == null) {
      return null;
    }
    return map -> {
      Map<Object, Object> named = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
        Object k = entry.getKey();
        Object v = entry.getValue();
        named.put(key == null || k == null ? k : key.name(k), value == null || v == null ? v : value.name(v));
      }
      return named;
    };
  }

  /** Names a row's positions after a row type's fields, and the rows nested in its fields. */
  private static final class RowNamer implements Namer {
    private static final long serialVersionUID = 1L;
    /** Shared by every row this names; never modified. */
    private final LinkedHashMap<String, Integer> positionByName = new LinkedHashMap<>();
    /** Per field, the namer of the rows inside it; null where it holds none. */
    private final Namer[] fieldNamers;
    private final boolean nested;

    RowNamer(RowType type) {
      this(type.getFieldNames(), type.getChildren());
    }

    RowNamer(List<String> names, List<LogicalType> types) {
      fieldNamers = new Namer[types.size()];
      boolean anyNested = false;
      for (int i = 0; i < fieldNamers.length; i++) {
        // A field name given twice answers with its first position; positions read them all.
        positionByName.putIfAbsent(names.get(i), i);
        fieldNamers[i] = namerOf(types.get(i));
        anyNested |= fieldNamers[i] != null;
      }
      nested = anyNested;
    }

    @Override
    public Row name(Object value) {
      Row row = RowUtils.withNamedPositions((Row) value, positionByName);
      if (nested) {
        for (int i = 0; i < fieldNamers.length && i < row.getArity(); i++) {
          Object field = row.getField(i);
          if (fieldNamers[i] != null && field != null) {
            row.setField(i, fieldNamers[i].name(field));
          }
        }
      }
      return row;
    }
  }

  /** Names a row and, for a type that holds intervals ({@code intervalType} not null), converts them. */
  private static final class ToExternal implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final RowNamer namer;
    private final RowType intervalType;

    ToExternal(RowNamer namer, RowType intervalType) {
      this.namer = namer;
      this.intervalType = intervalType;
    }

    @Override
    public Row map(Row row) {
      Row named = namer.name(row);
      // The conversion copies rows with Row.copy, which keeps their names.
      return intervalType == null ? named : (Row) IntervalConversions.toExternal(named, intervalType);
    }
  }
}
