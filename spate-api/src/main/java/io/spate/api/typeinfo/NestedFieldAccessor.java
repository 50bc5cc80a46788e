package io.spate.api.typeinfo;

/** Reaches a field of a field, as in the expression {@code bid.price}. */
final class NestedFieldAccessor<T, M, F> implements FieldAccessor<T, F> {

  private static final long serialVersionUID = 1L;

  private final String outerName;
  private final FieldAccessor<T, M> outer;
  private final FieldAccessor<M, F> inner;

  NestedFieldAccessor(String outerName, FieldAccessor<T, M> outer, FieldAccessor<M, F> inner) {
    this.outerName = outerName;
    this.outer = outer;
    this.inner = inner;
  }

  /** Null if the intermediate field is null, as with a null-safe navigation. */
  @Override
  public F get(T record) {
    M middle = outer.get(record);
    return middle == null ? null : inner.get(middle);
  }

  @Override
  public T set(T record, F fieldValue) {
    M middle = outer.get(record);
    if (middle == null) {
      throw new NullPointerException(
          "Cannot set a field inside '" + outerName + "': '" + outerName + "' is null");
    }
    return outer.set(record, inner.set(middle, fieldValue));
  }

  @Override
  public TypeInformation<F> getFieldType() {
    return inner.getFieldType();
  }
}
