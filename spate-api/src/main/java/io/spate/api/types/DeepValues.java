package io.spate.api.types;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Equality, hash codes and text of the values a {@link Row} holds, looking into arrays, lists, maps
 * and nested rows, whose own {@code equals} would compare arrays by identity.
 */
final class DeepValues {

  private DeepValues() {}

  static boolean deepEquals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Object[] left) {
      return b instanceof Object[] right && arraysEqual(left, right);
    }
    if (a.getClass().isArray()) {
      // Primitive arrays: deepEquals on one-element wrappers compares them by content and type.
      return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }
    if (a instanceof List<?> left) {
      return b instanceof List<?> right && listsEqual(left, right);
    }
    if (a instanceof Map<?, ?> left) {
      return b instanceof Map<?, ?> right && mapsEqual(left, right);
    }
    return a.equals(b);
  }

  private static boolean arraysEqual(Object[] left, Object[] right) {
    if (left.length != right.length) {
      return false;
    }
    for (int i = 0; i < left.length; i++) {
      if (!deepEquals(left[i], right[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean listsEqual(List<?> left, List<?> right) {
    if (left.size() != right.size()) {
      return false;
    }
    Iterator<?> l = left.iterator();
    Iterator<?> r = right.iterator();
    while (l.hasNext()) {
      if (!deepEquals(l.next(), r.next())) {
        return false;
      }
    }
    return true;
  }

  static boolean mapsEqual(Map<?, ?> left, Map<?, ?> right) {
    if (left.size() != right.size()) {
      return false;
    }
    for (Map.Entry<?, ?> entry : left.entrySet()) {
      if (!containsDeepEntry(right, entry.getKey(), entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsDeepEntry(Map<?, ?> map, Object key, Object value) {
    if (map.containsKey(key)) {
      return deepEquals(value, map.get(key));
    }
    // Keys such as arrays are found only by content.
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (deepEquals(key, entry.getKey()) && deepEquals(value, entry.getValue())) {
        return true;
      }
    }
    return false;
  }

  static int deepHashCode(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Object[] array) {
      int hash = 1;
      for (Object element : array) {
        hash = 31 * hash + deepHashCode(element);
      }
      return hash;
    }
    if (value.getClass().isArray()) {
      return Arrays.deepHashCode(new Object[] {value});
    }
    if (value instanceof List<?> list) {
      int hash = 1;
      for (Object element : list) {
        hash = 31 * hash + deepHashCode(element);
      }
      return hash;
    }
    if (value instanceof Map<?, ?> map) {
      int hash = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        hash += deepHashCode(entry.getKey()) ^ deepHashCode(entry.getValue());
      }
      return hash;
    }
    return value.hashCode();
  }

  static void appendDeep(StringBuilder text, Object value) {
    if (value == null) {
      text.append("null");
    } else if (value instanceof Object[] array) {
      appendAll(text, Arrays.asList(array));
    } else if (value.getClass().isArray()) {
      String wrapped = Arrays.deepToString(new Object[] {value});
      text.append(wrapped, 1, wrapped.length() - 1);
    } else if (value instanceof List<?> list) {
      appendAll(text, list);
    } else if (value instanceof Map<?, ?> map) {
      text.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          text.append(", ");
        }
        first = false;
        appendDeep(text, entry.getKey());
        text.append('=');
        appendDeep(text, entry.getValue());
      }
      text.append('}');
    } else {
      text.append(value);
    }
  }

  private static void appendAll(StringBuilder text, Iterable<?> elements) {
    text.append('[');
    boolean first = true;
    for (Object element : elements) {
      if (!first) {
        text.append(", ");
      }
      first = false;
      appendDeep(text, element);
    }
    text.append(']');
  }
}
