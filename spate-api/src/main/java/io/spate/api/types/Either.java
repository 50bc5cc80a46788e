package io.spate.api.types;

import io.spate.api.annotation.Public;
import java.util.Objects;

/**
 * A value of one of two types: a {@link Left} or a {@link Right}. Neither side holds null.
 *
 * @param <L> the type of a left value
 * @param <R> the type of a right value
 */
@Public
public abstract class Either<L, R> {

  /** A left value. */
  public static <L, R> Either<L, R> Left(L value) {
    return new Left<>(value);
  }

  /** A right value. */
  public static <L, R> Either<L, R> Right(R value) {
    return new Right<>(value);
  }

  /**
   * The left value.
   *
   * @throws IllegalStateException if this is a right value
   */
  public abstract L left() throws IllegalStateException;

  /**
   * The right value.
   *
   * @throws IllegalStateException if this is a left value
   */
  public abstract R right() throws IllegalStateException;

  /** Whether this is a left value. */
  public final boolean isLeft() {
    return this instanceof Left<?, ?>;
  }

  /** Whether this is a right value. */
  public final boolean isRight() {
    return this instanceof Right<?, ?>;
  }

  /**
   * The left side of an {@link Either}.
   *
   * @param <L> the type of the value
   * @param <R> the type a right value would have
   */
  public static class Left<L, R> extends Either<L, R> {

    private L value;

    /**
     * A left value.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Left(L value) {
      this.value = Objects.requireNonNull(value, "the value of an Either.Left");
    }

    @Override
    public L left() {
      return value;
    }

    @Override
    public R right() {
      throw new IllegalStateException("Cannot take the right value of a Left: " + this);
    }

    /**
     * Replaces the value.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public void setValue(L value) {
      this.value = Objects.requireNonNull(value, "the value of an Either.Left");
    }

    /** A left value. */
    public static <L, R> Left<L, R> of(L left) {
      return new Left<>(left);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Left<?, ?> other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }

    @Override
    public String toString() {
      return "Left(" + value + ")";
    }
  }

  /**
   * The right side of an {@link Either}.
   *
   * @param <L> the type a left value would have
   * @param <R> the type of the value
   */
  public static class Right<L, R> extends Either<L, R> {

    private R value;

    /**
     * A right value.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public Right(R value) {
      this.value = Objects.requireNonNull(value, "the value of an Either.Right");
    }

    @Override
    public L left() {
      throw new IllegalStateException("Cannot take the left value of a Right: " + this);
    }

    @Override
    public R right() {
      return value;
    }

    /**
     * Replaces the value.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public void setValue(R value) {
      this.value = Objects.requireNonNull(value, "the value of an Either.Right");
    }

    /** A right value. */
    public static <L, R> Right<L, R> of(R right) {
      return new Right<>(right);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Right<?, ?> other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }

    @Override
    public String toString() {
      return "Right(" + value + ")";
    }
  }
}
