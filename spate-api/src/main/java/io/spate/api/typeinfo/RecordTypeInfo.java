package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.RecordHandles;
import io.spate.api.serialization.RecordSerializer;
import io.spate.api.serialization.TypeSerializer;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Type information of a Java record: its components in declaration order. Records are valid keys
 * when all their components are. A field accessor's {@code set} returns a new record built with the
 * canonical constructor.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class RecordTypeInfo<T> extends CompositeTypeInfo<T> {

  private static final long serialVersionUID = 1L;

  private transient RecordHandles handles;

  /**
   * Creates the type information of {@code recordClass} with one type per component, in declaration
   * order. Prefer {@link Types#RECORD} or {@link TypeInformation#of}, which derive the component
   * types; this constructor is for records whose component types must be given by hand.
   */
  public RecordTypeInfo(Class<T> recordClass, List<TypeInformation<?>> componentTypes) {
    this(recordClass, checkComponentTypes(recordClass, componentTypes), null);
  }

  private static TypeInformation<?>[] checkComponentTypes(
      Class<?> recordClass, List<TypeInformation<?>> componentTypes) {
    String[] names = componentNames(recordClass);
    if (componentTypes.size() != names.length) {
      throw new InvalidTypesException(
          recordClass.getName() + " has " + names.length + " components " + List.of(names)
              + ", but " + componentTypes.size() + " types were given");
    }
    RecordHandles handles = RecordHandles.of(recordClass);
    for (int i = 0; i < names.length; i++) {
      Class<?> declared = MethodType.methodType(handles.rawType(i)).wrap().returnType();
      Class<?> given = componentTypes.get(i).getTypeClass();
      if (!declared.isAssignableFrom(given)) {
        throw new InvalidTypesException(
            "The component " + names[i] + " of " + recordClass.getName() + " is a "
                + handles.rawType(i).getName() + ", but the type given for it is "
                + componentTypes.get(i));
      }
    }
    return componentTypes.toArray(new TypeInformation<?>[0]);
  }

  RecordTypeInfo(
      Class<T> recordClass, TypeInformation<?>[] componentTypes, TypeInformation<?>[] typeArguments) {
    super(recordClass, componentNames(recordClass), componentTypes, typeArguments);
  }

  private static String[] componentNames(Class<?> recordClass) {
    if (!recordClass.isRecord()) {
      throw new InvalidTypesException(
          recordClass.getName() + " is not a record; use Types.POJO or TypeInformation.of for it");
    }
    RecordHandles handles = RecordHandles.of(recordClass);
    String[] names = new String[handles.arity()];
    for (int i = 0; i < names.length; i++) {
      names[i] = handles.name(i);
    }
    return names;
  }

  private RecordHandles handles() {
    RecordHandles h = handles;
    if (h == null) {
      h = RecordHandles.of(getTypeClass());
      handles = h;
    }
    return h;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return new RecordSerializer<>(getTypeClass(), createFieldSerializers());
  }

  @Override
  Object getField(T value, int index) {
    return handles().get(value, index);
  }

  /** The accessor of the component at {@code position}, in declaration order. */
  @Override
  public <F> FieldAccessor<T, F> fieldAccessor(int position) {
    if (position < 0 || position >= getArity()) {
      throw new InvalidTypesException(
          "Type " + getTypeClass().getName() + " has no component at position " + position
              + "; its components are " + getFieldNames() + " at positions 0 to " + (getArity() - 1));
    }
    return fieldAccessorAt(position);
  }

  @Override
  <F> FieldAccessor<T, F> fieldAccessorAt(int index) {
    return new ComponentAccessor<>(this, index);
  }

  @Override
  String kind() {
    return "Record";
  }

  /** Reads a component and rebuilds the record with one component replaced. */
  private static final class ComponentAccessor<T, F> implements FieldAccessor<T, F> {

    private static final long serialVersionUID = 1L;

    private final RecordTypeInfo<T> type;
    private final int index;

    ComponentAccessor(RecordTypeInfo<T> type, int index) {
      this.type = type;
      this.index = index;
    }

    @Override
    @SuppressWarnings("unchecked")
    public F get(T record) {
      return (F) type.handles().get(record, index);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T set(T record, F fieldValue) {
      RecordHandles handles = type.handles();
      if (fieldValue == null && handles.rawType(index).isPrimitive()) {
        throw new NullPointerException(
            "The component " + handles.name(index) + " of " + type.getTypeClass().getName()
                + " is a primitive " + handles.rawType(index) + " and cannot be set to null");
      }
      Object[] args = new Object[handles.arity()];
      for (int i = 0; i < args.length; i++) {
        args[i] = i == index ? fieldValue : handles.get(record, i);
      }
      return (T) handles.construct(args);
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<F> getFieldType() {
      return (TypeInformation<F>) type.getFieldType(index);
    }
  }
}
