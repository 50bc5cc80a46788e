package io.spate.api.typeinfo;

/** Base of the types without fields, whose only "field" is the value itself. */
abstract class AtomicTypeInfo<T> extends TypeInformation<T> {

  private static final long serialVersionUID = 1L;

  @Override
  public <F> FieldAccessor<T, F> fieldAccessor(String fieldExpression) {
    if ("*".equals(fieldExpression)) {
      return identity();
    }
    throw new InvalidTypesException(
        "Type " + this + " has no fields, so it has no field '" + fieldExpression
            + "'; use \"*\" or position 0 for the value itself");
  }

  @Override
  public <F> FieldAccessor<T, F> fieldAccessor(int position) {
    if (position == 0) {
      return identity();
    }
    throw new InvalidTypesException(
        "Type " + this + " has no fields, so it has no position " + position
            + "; use position 0 for the value itself");
  }

  @SuppressWarnings("unchecked")
  private <F> FieldAccessor<T, F> identity() {
    return (FieldAccessor<T, F>) new IdentityAccessor<>(this);
  }

  /** The value itself as its own field. */
  private static final class IdentityAccessor<T> implements FieldAccessor<T, T> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> type;

    IdentityAccessor(TypeInformation<T> type) {
      this.type = type;
    }

    @Override
    public T get(T record) {
      return record;
    }

    @Override
    public T set(T record, T fieldValue) {
      return fieldValue;
    }

    @Override
    public TypeInformation<T> getFieldType() {
      return type;
    }
  }
}
