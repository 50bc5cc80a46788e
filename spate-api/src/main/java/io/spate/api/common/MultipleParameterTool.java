package io.spate.api.common;

import io.spate.api.annotation.Public;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Like {@link ParameterTool}, for arguments that give a key several times ({@code --input a --input
 * b}): {@link #getMultiParameter} returns all its values, the single-value getters refuse a key that
 * has more than one.
 */
@Public
public class MultipleParameterTool extends AbstractParameterTool {

  private static final long serialVersionUID = 1L;

  /** Every key with its values, in the order they were given. */
  protected final Map<String, Collection<String>> data;

  private MultipleParameterTool(Map<String, ? extends Collection<String>> data) {
    Map<String, Collection<String>> copy = new LinkedHashMap<>();
    data.forEach((key, values) -> copy.put(key, List.copyOf(values)));
    this.data = Collections.unmodifiableMap(copy);
    this.unrequestedParameters.addAll(data.keySet());
  }

  /**
   * The parameters of {@code args}, read as {@link ParameterTool#fromArgs} reads them, except that a
   * key given several times keeps all its values.
   */
  public static MultipleParameterTool fromArgs(String[] args) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    ArgumentsParser.parse(args, (key, value) -> map.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
    return new MultipleParameterTool(map);
  }

  /** The parameters of {@code multiMap}. */
  public static MultipleParameterTool fromMultiMap(Map<String, Collection<String>> multiMap) {
    Objects.requireNonNull(multiMap, "The map must not be null.");
    multiMap.forEach((key, values) -> {
      if (key == null || values == null || values.contains(null)) {
        throw new IllegalArgumentException(
            "fromMultiMap: a key and its values must not be null; got " + key + " = " + values);
      }
    });
    return new MultipleParameterTool(multiMap);
  }

  @Override
  public int getNumberOfParameters() {
    return data.size();
  }

  /**
   * The only value of {@code key}, or null if it is absent.
   *
   * @throws IllegalStateException naming the key if it has several values
   */
  @Override
  public String get(String key) {
    Collection<String> values = getMultiParameter(key);
    if (values == null) {
      return null;
    }
    if (values.size() != 1) {
      throw new IllegalStateException("Key '" + key + "' has " + values.size() + " values " + values
          + ": read it with getMultiParameter.");
    }
    return values.iterator().next();
  }

  @Override
  public boolean has(String key) {
    markRequested(key);
    return data.containsKey(key);
  }

  /** Every value of {@code key} in the order given, or null if it is absent. */
  public Collection<String> getMultiParameter(String key) {
    addToDefaults(key, null);
    markRequested(key);
    return data.get(key);
  }

  /**
   * Every value of {@code key} in the order given.
   *
   * @throws RuntimeException naming the key if it is absent
   */
  public Collection<String> getMultiParameterRequired(String key) {
    Collection<String> values = getMultiParameter(key);
    if (values == null) {
      throw new RuntimeException("No data for required key '" + key + "'");
    }
    return values;
  }

  /** Each key with all its values, in the order given. */
  public Map<String, Collection<String>> toMultiMap() {
    return data;
  }

  /** Each key with its last value. */
  @Override
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    data.forEach((key, values) -> map.put(key, values.isEmpty() ? NO_VALUE_KEY : last(values)));
    return Collections.unmodifiableMap(map);
  }

  private static String last(Collection<String> values) {
    String last = null;
    for (String value : values) {
      last = value;
    }
    return last;
  }

  /** The parameters of this tool and of {@code other}; a key both have gets this tool's values, then {@code other}'s. */
  public MultipleParameterTool mergeWith(MultipleParameterTool other) {
    Map<String, List<String>> merged = new LinkedHashMap<>();
    data.forEach((key, values) -> merged.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values));
    other.data.forEach((key, values) -> merged.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values));
    MultipleParameterTool result = new MultipleParameterTool(merged);
    result.takeRequestsFrom(this, data.keySet());
    result.takeRequestsFrom(other, other.data.keySet());
    return result;
  }

  @Override
  protected Object clone() {
    return new MultipleParameterTool(data);
  }

  /** Equal when both hold the same keys with the same values in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof MultipleParameterTool other && o.getClass() == getClass() && data.equals(other.data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  @Override
  public String toString() {
    return "MultipleParameterTool" + data;
  }
}
