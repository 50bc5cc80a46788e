package io.spate.api.typeinfo;

/** Base of the types without fields, whose only "field" is the value itself. */
abstract class AtomicTypeInfo<T> extends TypeInformation<T> {

  private static final long serialVersionUID = 1L;

  /** The accessor of the value itself if {@code fieldExpression} is {@code "*"}, for a type without fields. */
  static <T, F> FieldAccessor<T, F> valueItself(TypeInformation<T> type, String fieldExpression) {
    if ("*".equals(fieldExpression)) {
      return identity(type);
    }
    throw new InvalidTypesException(
        "Type " + type + " has no fields, so it has no field '" + fieldExpression
            + "'; use \"*\" or position 0 for the value itself");
  }

  /** The accessor of the value itself if {@code position} is 0, for a type without fields. */
  static <T, F> FieldAccessor<T, F> valueItself(TypeInformation<T> type, int position) {
    if (position == 0) {
      return identity(type);
    }
    throw new InvalidTypesException(
        "Type " + type + " has no fields, so it has no position " + position
            + "; use position 0 for the value itself");
  }

  @SuppressWarnings("unchecked")
  private static <T, F> FieldAccessor<T, F> identity(TypeInformation<T> type) {
    return (FieldAccessor<T, F>) new IdentityAccessor<>(type);
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
