package io.spate.table.runtime.functions;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code CROSS JOIN UNNEST(...)} and {@code LEFT JOIN UNNEST(...) ON TRUE}: each input row joined with
 * the elements of the collections its expressions give. An array or multiset gives one row per
 * element (an element that is a row gives its fields as columns), a map one row per entry (key,
 * value); several collections are zipped, the shorter ones padded with NULLs. The output rows keep
 * the input row's change kind, so an updating input stays one.
 */
@Internal
public final class UnnestJoin implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  /** How a collection's elements become columns. */
  public enum Shape {
    /** An array or multiset of scalars: one column. */
    SCALARS,
    /** An array or multiset of rows: the row's fields. */
    ROWS,
    /** A map: its key and its value. */
    ENTRIES,
    /** A multiset of scalars (a map from each element to how often it occurs): one column. */
    MULTISET_SCALARS,
    /** A multiset of rows: the row's fields. */
    MULTISET_ROWS
  }

  private final Expr[] collections;
  private final Shape[] shapes;
  private final int[] widths;
  private final int width;
  private final boolean leftOuter;

  /**
   * Unnests {@code collections} (over the input row) of {@code shapes}, each giving {@code widths}
   * columns; {@code leftOuter} keeps an input row with no elements, its element columns NULL.
   */
  public UnnestJoin(List<Expr> collections, List<Shape> shapes, int[] widths, boolean leftOuter) {
    this.collections = collections.toArray(new Expr[0]);
    this.shapes = shapes.toArray(new Shape[0]);
    this.widths = widths.clone();
    int total = 0;
    for (int w : widths) {
      total += w;
    }
    this.width = total;
    this.leftOuter = leftOuter;
  }

  @Override
  public void flatMap(Row input, Collector<Row> out) {
    List<List<Object>> elements = new ArrayList<>(collections.length);
    int rows = 0;
    for (Expr collection : collections) {
      List<Object> items = elements(collection.eval(input), shapes[elements.size()]);
      elements.add(items);
      rows = Math.max(rows, items.size());
    }
    for (int r = 0; r < rows; r++) {
      Row row = joined(input);
      int column = input.getArity();
      for (int c = 0; c < collections.length; c++) {
        List<Object> items = elements.get(c);
        if (r < items.size()) {
          setColumns(row, column, shapes[c], widths[c], items.get(r));
        }
        column += widths[c];
      }
      out.collect(row);
    }
    if (rows == 0 && leftOuter) {
      out.collect(joined(input));
    }
  }

  /** The elements of {@code value}: an array's, each multiset element as often as it occurs, a map's entries. */
  private static List<Object> elements(Object value, Shape shape) {
    List<Object> items = new ArrayList<>();
    if (value instanceof Map<?, ?> multiset && (shape == Shape.MULTISET_SCALARS || shape == Shape.MULTISET_ROWS)) {
      for (Map.Entry<?, ?> entry : multiset.entrySet()) {
        for (int i = 0; i < ((Number) entry.getValue()).intValue(); i++) {
          items.add(entry.getKey());
        }
      }
    } else if (value instanceof Object[] array) {
      items.addAll(java.util.Arrays.asList(array));
    } else if (value instanceof List<?> list) {
      items.addAll(list);
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        items.add(entry);
      }
    } else if (value != null && value.getClass().isArray()) {
      for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
        items.add(java.lang.reflect.Array.get(value, i));
      }
    }
    return items;
  }

  private static void setColumns(Row row, int column, Shape shape, int width, Object element) {
    switch (shape) {
      case SCALARS, MULTISET_SCALARS -> row.setField(column, element);
      case ROWS, MULTISET_ROWS -> {
        if (element != null) {
          Row fields = (Row) element;
          for (int i = 0; i < width; i++) {
            row.setField(column + i, fields.getField(i));
          }
        }
      }
      case ENTRIES -> {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) element;
        row.setField(column, entry.getKey());
        row.setField(column + 1, entry.getValue());
      }
    }
  }

  private Row joined(Row input) {
    Row row = new Row(input.getKind(), input.getArity() + width);
    for (int i = 0; i < input.getArity(); i++) {
      row.setField(i, input.getField(i));
    }
    return row;
  }
}
