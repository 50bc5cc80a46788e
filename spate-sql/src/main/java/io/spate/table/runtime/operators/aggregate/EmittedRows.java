package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.tuple.Tuple;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Turns what a table aggregate function emits (a {@code Row}, a tuple, a POJO, or one value) into the
 * SQL value of its result column: a {@code Row} of the emitted row type's fields, or the value itself
 * for a single column. It copies, so that a function may reuse the object it emits.
 */
@Internal
public final class EmittedRows implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<String> fieldNames;

  /** A conversion into rows of the fields {@code fieldNames}, or of single values if null. */
  public EmittedRows(List<String> fieldNames) {
    this.fieldNames = fieldNames == null ? null : List.copyOf(fieldNames);
  }

  /** The SQL value of {@code emitted}. */
  public Object convert(Object emitted) {
    if (fieldNames == null || emitted == null) {
      return emitted;
    }
    Row row = new Row(fieldNames.size());
    if (emitted instanceof Row given) {
      checkArity(given.getArity(), emitted);
      for (int i = 0; i < fieldNames.size(); i++) {
        row.setField(i, given.getField(i));
      }
    } else if (emitted instanceof Tuple tuple) {
      checkArity(tuple.getArity(), emitted);
      for (int i = 0; i < fieldNames.size(); i++) {
        row.setField(i, tuple.getField(i));
      }
    } else {
      for (int i = 0; i < fieldNames.size(); i++) {
        row.setField(i, property(emitted, fieldNames.get(i)));
      }
    }
    return row;
  }

  private void checkArity(int arity, Object emitted) {
    if (arity != fieldNames.size()) {
      throw new TableException("A table aggregate function emitted " + emitted + " with " + arity + " fields, but its"
          + " rows have " + fieldNames.size() + ": " + fieldNames);
    }
  }

  private static Object property(Object value, String name) {
    try {
      Field field = value.getClass().getField(name);
      return field.get(value);
    } catch (NoSuchFieldException e) {
      try {
        Method getter = value.getClass().getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
        return getter.invoke(value);
      } catch (ReflectiveOperationException missing) {
        throw new TableException("A table aggregate function emitted a " + value.getClass().getName()
            + " without a public field or getter for its column " + name, missing);
      }
    } catch (IllegalAccessException e) {
      throw new TableException("Cannot read field " + name + " of " + value.getClass().getName(), e);
    }
  }
}
