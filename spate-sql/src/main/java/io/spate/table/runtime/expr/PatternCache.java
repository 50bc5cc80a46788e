package io.spate.table.runtime.expr;

import io.spate.api.annotation.Internal;
import java.io.Serializable;

/**
 * What a pattern (a date-time pattern, a regular expression) compiles to, kept for the last pattern
 * seen: a function's pattern is nearly always the same in every row. The compiled value is not sent
 * with the job (a formatter is not serializable); each task compiles it again.
 */
@Internal
public final class PatternCache<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Compiles a pattern; travels with the job. */
  @FunctionalInterface
  public interface Maker<T> extends Serializable {
    /** The compiled {@code pattern}. */
    T make(Object pattern);
  }

  private final Maker<T> maker;
  private transient Object lastPattern;
  private transient T last;

  /** A cache of what {@code maker} makes. */
  public PatternCache(Maker<T> maker) {
    this.maker = maker;
  }

  /** The compiled {@code pattern}. */
  public T apply(Object pattern) {
    if (last == null || !pattern.equals(lastPattern)) {
      last = maker.make(pattern);
      lastPattern = pattern;
    }
    return last;
  }
}
