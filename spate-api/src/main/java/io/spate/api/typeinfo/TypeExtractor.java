package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.CoGroupFunction;
import io.spate.api.functions.FlatJoinFunction;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.functions.Function;
import io.spate.api.functions.JoinFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.MapFunction;
import io.spate.api.functions.Partitioner;
import io.spate.api.serialization.PojoProperty;
import io.spate.api.serialization.RecordHandles;
import io.spate.api.tuple.Tuple;
import io.spate.api.types.Either;
import io.spate.api.types.Row;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives {@link TypeInformation} by reflection: from classes and generic types, from values, and
 * from the type arguments of user functions (including lambdas and method references).
 *
 * <p>Supported are primitives and their boxes, String, BigDecimal, BigInteger, the java.time types
 * Instant, LocalDate, LocalTime, LocalDateTime, Duration and Period, enums, Java records, POJOs (a public class with
 * a public no-arg constructor whose non-static, non-transient fields are public or have a public
 * getter and setter), arrays, {@link List}, {@link Map} and {@link Optional}, tuples ({@code Tuple0}
 * to {@code Tuple25} and their subclasses) and {@link Either}, nested in any way. A {@link TypeInfo}
 * annotation on a class, POJO field or record component names a {@link TypeInfoFactory} that takes
 * precedence over all of this.
 * There is no generic fallback: anything else is rejected with an {@link InvalidTypesException}
 * that names the field path, the reason and the fix. Recursive types are rejected too.
 */
@Public
public final class TypeExtractor {

  private static final int MAX_NESTING = 64;
  private static final String ROW_RETURNS_EXAMPLE =
      "`.returns(Types.ROW(Types.STRING, Types.LONG))`, or with names"
          + " `.returns(Types.ROW_NAMED(new String[] {\"user\", \"amount\"}, Types.STRING, Types.LONG))`";
  private static final Set<Class<?>> LIST_CLASSES = Set.of(List.class, ArrayList.class);
  private static final Set<Class<?>> MAP_CLASSES =
      Set.of(Map.class, HashMap.class, LinkedHashMap.class);

  private TypeExtractor() {}

  /**
   * The type information of {@code type}.
   *
   * @throws InvalidTypesException if the type, or a type nested in it, is not supported
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeInformation<T> createTypeInfo(Class<T> type) {
    return (TypeInformation<T>) createTypeInfo((Type) type);
  }

  /** Flink's name for {@link #createTypeInfo(Class)}. */
  public static <T> TypeInformation<T> getForClass(Class<T> type) {
    return createTypeInfo(type);
  }

  /**
   * The type information of a possibly generic {@code type}, such as {@code List<Map<String,
   * Bid>>}; every type variable in it must be bound.
   *
   * @throws InvalidTypesException if the type, or a type nested in it, is not supported
   */
  public static TypeInformation<?> createTypeInfo(Type type) {
    Objects.requireNonNull(type, "type");
    return new Extraction().extract(type, Map.of(), "");
  }

  /** Extraction with type variables bound to known type information. */
  static TypeInformation<?> createTypeInfo(
      Type type, Map<TypeVariable<?>, TypeInformation<?>> bindings) {
    return new Extraction().extract(type, bindings, "");
  }

  /** The type information of {@code pojoClass} as a POJO, for {@link Types#POJO}. */
  @SuppressWarnings("unchecked")
  static <T> TypeInformation<T> createPojoTypeInfo(Class<T> pojoClass) {
    checkPojoClass(pojoClass);
    return (TypeInformation<T>) new Extraction().pojo(pojoClass, null, "");
  }

  private static void checkPojoClass(Class<?> pojoClass) {
    Objects.requireNonNull(pojoClass, "pojoClass");
    if (pojoClass.isRecord()) {
      throw new InvalidTypesException(
          pojoClass.getName() + " is a record, not a POJO: use Types.RECORD("
              + pojoClass.getSimpleName() + ".class) or TypeInformation.of");
    }
    if (!Extraction.isStructured(pojoClass)) {
      throw new InvalidTypesException(
          pojoClass.getName() + " is not a POJO class: use TypeInformation.of or the matching"
              + " Types factory for it");
    }
  }

  /**
   * The type information of {@code pojoClass} as a POJO whose fields named in {@code givenFieldTypes}
   * have the given types instead of derived ones, for {@link Types#POJO(Class, Map)}.
   */
  @SuppressWarnings("unchecked")
  static <T> TypeInformation<T> createPojoTypeInfo(
      Class<T> pojoClass, Map<String, TypeInformation<?>> givenFieldTypes) {
    Objects.requireNonNull(givenFieldTypes, "fields");
    checkPojoClass(pojoClass);
    Set<String> names = new TreeSet<>();
    for (Class<?> level = pojoClass; level != null && level != Object.class; level = level.getSuperclass()) {
      for (Field field : level.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
          names.add(field.getName());
        }
      }
    }
    for (String given : givenFieldTypes.keySet()) {
      if (!names.contains(given)) {
        throw new InvalidTypesException(
            "Types.POJO(" + pojoClass.getSimpleName() + ".class, fields) names the field '" + given
                + "', which " + pojoClass.getName() + " does not have; its fields are: "
                + (names.isEmpty() ? "none" : String.join(", ", names)));
      }
    }
    Extraction extraction = new Extraction();
    extraction.givenTopLevelFieldTypes = givenFieldTypes;
    return (TypeInformation<T>) extraction.pojo(pojoClass, null, "");
  }

  /** The type information of {@code recordClass}, for {@link Types#RECORD}. */
  @SuppressWarnings("unchecked")
  static <T> TypeInformation<T> createRecordTypeInfo(Class<T> recordClass) {
    Objects.requireNonNull(recordClass, "recordClass");
    if (!recordClass.isRecord()) {
      throw new InvalidTypesException(
          recordClass.getName() + " is not a record: use Types.POJO or TypeInformation.of for it");
    }
    return (TypeInformation<T>) new Extraction().record(recordClass, null, "");
  }

  /**
   * The type information of {@code value}'s runtime class. The element types of lists, maps and
   * optionals, which the runtime class does not carry, are taken from their contents.
   *
   * @throws InvalidTypesException if the value is null, the type is not supported, or a container
   *     is empty or holds values of different types
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeInformation<T> getForObject(T value) {
    if (value == null) {
      throw new InvalidTypesException(
          "Cannot derive a type from a null value. Give the type explicitly with `Types` or a"
              + " `TypeHint`.");
    }
    return (TypeInformation<T>) forValue(value, "", new HashMap<>());
  }

  /**
   * The output type of a one-input function, read from the type argument {@code
   * outputTypeArgIndex} of {@code functionBaseType} (such as {@code MapFunction.class} with index 1
   * for OUT). Type variables that stand for the input type resolve to {@code inputType}.
   *
   * @param function the user function: a class, anonymous class, lambda or method reference
   * @param functionBaseType the function interface or abstract class that declares the type
   *     parameters
   * @param inputTypeArgIndex the index of the input type parameter, or -1 if there is none
   * @param outputTypeArgIndex the index of the output type parameter
   * @param inputType the type of the input, or null if unknown
   * @param operatorName names the operator in the message of a {@link MissingTypeInfo}
   * @return the output type, or a {@link MissingTypeInfo} saying why it could not be determined
   */
  public static <OUT> TypeInformation<OUT> getUnaryReturnType(
      Object function,
      Class<?> functionBaseType,
      int inputTypeArgIndex,
      int outputTypeArgIndex,
      TypeInformation<?> inputType,
      String operatorName) {
    return ReturnTypeResolver.resolve(
        function,
        functionBaseType,
        new int[] {inputTypeArgIndex},
        new TypeInformation<?>[] {inputType},
        outputTypeArgIndex,
        operatorName);
  }

  /**
   * The output type of a two-input function, such as a {@code CoMapFunction<IN1, IN2, OUT>}; see
   * {@link #getUnaryReturnType}.
   *
   * @return the output type, or a {@link MissingTypeInfo} saying why it could not be determined
   */
  public static <OUT> TypeInformation<OUT> getBinaryReturnType(
      Object function,
      Class<?> functionBaseType,
      int input1TypeArgIndex,
      int input2TypeArgIndex,
      int outputTypeArgIndex,
      TypeInformation<?> input1Type,
      TypeInformation<?> input2Type,
      String operatorName) {
    return ReturnTypeResolver.resolve(
        function,
        functionBaseType,
        new int[] {input1TypeArgIndex, input2TypeArgIndex},
        new TypeInformation<?>[] {input1Type, input2Type},
        outputTypeArgIndex,
        operatorName);
  }

  private static TypeInformation<?> forValue(
      Object value, String path, Map<Class<?>, TypeInformation<?>> byClass) {
    if (value instanceof List<?> list) {
      return new ListTypeInfo<>(
          commonType(list, FieldPaths.element(path), path, "List", byClass));
    }
    if (value instanceof Map<?, ?> map) {
      return new MapTypeInfo<>(
          commonType(map.keySet(), FieldPaths.mapKey(path), path, "Map", byClass),
          commonType(map.values(), FieldPaths.mapValue(path), path, "Map", byClass));
    }
    if (value instanceof Optional<?> optional) {
      if (optional.isEmpty()) {
        throw new ExtractionFailure(
            describeValue(path, "Optional") + " is empty, so the type of its value cannot be seen",
            "Give the type explicitly, for example `Types.OPTIONAL(Types.STRING)`");
      }
      return new OptionalTypeInfo<>(forValue(optional.get(), FieldPaths.element(path), byClass));
    }
    if (value instanceof Tuple tuple && isPlainTuple(tuple.getClass())) {
      return tupleForValue(tuple, path, byClass);
    }
    if (value instanceof Row row) {
      return rowForValue(row, path, byClass);
    }
    if (value instanceof Either<?, ?>) {
      throw new ExtractionFailure(
          describeValue(path, "Either") + " shows only one of its two sides, so the type of the"
              + " other cannot be seen",
          "Give the type explicitly, for example `Types.EITHER(Types.STRING, Types.INT)`");
    }
    TypeInformation<?> known = byClass.get(value.getClass());
    if (known == null) {
      known = new Extraction().extract(value.getClass(), Map.of(), path);
      byClass.put(value.getClass(), known);
    }
    return known;
  }

  /** The type of a tuple value from its fields' values, which must not be null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeInformation<?> tupleForValue(
      Tuple tuple, String path, Map<Class<?>, TypeInformation<?>> byClass) {
    TypeInformation<?>[] fieldTypes = new TypeInformation<?>[tuple.getArity()];
    for (int i = 0; i < fieldTypes.length; i++) {
      Object field = tuple.getField(i);
      String fieldPath = FieldPaths.field(path, "f" + i);
      if (field == null) {
        throw new ExtractionFailure(
            describeValue(fieldPath, "tuple field") + " is null, so its type cannot be seen (and"
                + " tuple fields must not be null)",
            "Give the type explicitly, for example `Types.TUPLE(Types.STRING, Types.INT)`");
      }
      fieldTypes[i] = forValue(field, fieldPath, byClass);
    }
    return new TupleTypeInfo(tuple.getClass(), fieldTypes);
  }

  /** The type of a row value from its fields' values, which must not be null, and its names if it has them. */
  private static TypeInformation<?> rowForValue(
      Row row, String path, Map<Class<?>, TypeInformation<?>> byClass) {
    Set<String> names = row.getFieldNames(true);
    String[] fieldNames = names == null ? null : names.toArray(new String[0]);
    TypeInformation<?>[] fieldTypes = new TypeInformation<?>[row.getArity()];
    for (int i = 0; i < fieldTypes.length; i++) {
      String name = fieldNames == null ? "f" + i : fieldNames[i];
      Object field = fieldNames == null ? row.getField(i) : row.getField(name);
      String fieldPath = FieldPaths.field(path, name);
      if (field == null) {
        throw new ExtractionFailure(
            describeValue(fieldPath, "row field") + " is null, so its type cannot be seen",
            "Give the type explicitly, for example `Types.ROW(Types.STRING, Types.LONG)`");
      }
      fieldTypes[i] = forValue(field, fieldPath, byClass);
    }
    return fieldNames == null ? new RowTypeInfo(fieldTypes) : new RowTypeInfo(fieldTypes, fieldNames);
  }

  /**
   * Whether {@code type} is one of Tuple0 to Tuple25 or a subclass of one that declares no fields of
   * its own; a subclass with fields of its own is a POJO.
   */
  static boolean isPlainTuple(Class<?> type) {
    if (!Tuple.class.isAssignableFrom(type) || type == Tuple.class) {
      return false;
    }
    for (Class<?> level = type; level.getSuperclass() != Tuple.class; level = level.getSuperclass()) {
      for (Field field : level.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
          return false;
        }
      }
    }
    return true;
  }

  private static TypeInformation<?> commonType(
      Collection<?> values,
      String elementPath,
      String containerPath,
      String containerKind,
      Map<Class<?>, TypeInformation<?>> byClass) {
    TypeInformation<?> common = null;
    for (Object element : values) {
      if (element == null) {
        continue;
      }
      TypeInformation<?> type = forValue(element, elementPath, byClass);
      if (common == null) {
        common = type;
      } else if (!common.equals(type)) {
        throw new ExtractionFailure(
            describeValue(containerPath, containerKind) + " holds values of different types, "
                + common + " and " + type,
            "Give the type explicitly with `Types` or a `TypeHint`");
      }
    }
    if (common == null) {
      throw new ExtractionFailure(
          describeValue(containerPath, containerKind)
              + " is empty or holds only nulls, so its element type cannot be seen",
          "Give the type explicitly, for example `Types.LIST(Types.STRING)`");
    }
    return common;
  }

  private static String describeValue(String path, String kind) {
    return path.isEmpty() ? "the " + kind + " value" : "the " + kind + " at '" + path + "'";
  }

  /** One derivation, which tracks the types being derived in order to reject recursive types. */
  private static final class Extraction {

    private record Frame(Class<?> type, List<TypeInformation<?>> typeArguments, String path) {}

    private final List<Frame> frames = new ArrayList<>();

    /** The field types {@link Types#POJO(Class, Map)} gives for the top-level POJO, by field name. */
    Map<String, TypeInformation<?>> givenTopLevelFieldTypes = Map.of();

    TypeInformation<?> extract(
        Type type, Map<TypeVariable<?>, TypeInformation<?>> bindings, String path) {
      TypeInformation<?> fromFactory = fromClassFactory(type, bindings, path);
      if (fromFactory != null) {
        return fromFactory;
      }
      if (type instanceof Class<?> c) {
        return extractClass(c, null, path);
      }
      if (type instanceof ParameterizedType parameterized) {
        return extractParameterized(parameterized, bindings, path);
      }
      if (type instanceof GenericArrayType array) {
        return new ObjectArrayTypeInfo<>(
            extract(array.getGenericComponentType(), bindings, FieldPaths.element(path)));
      }
      if (type instanceof TypeVariable<?> variable) {
        TypeInformation<?> bound = bindings.get(variable);
        if (bound != null) {
          return bound;
        }
        throw unboundVariable(variable, path);
      }
      if (type instanceof WildcardType wildcard) {
        Type[] upper = wildcard.getUpperBounds();
        if (wildcard.getLowerBounds().length == 0 && upper.length == 1 && upper[0] != Object.class) {
          return extract(upper[0], bindings, path);
        }
        throw failure(
            path,
            wildcard,
            "is a wildcard that names no single type",
            "Declare the type itself instead of a wildcard, or give the type explicitly with"
                + " `.returns(...)` using `Types` or a `TypeHint`");
      }
      throw failure(
          path,
          type,
          "is a kind of type that Spate does not know (" + type.getClass().getName() + ")",
          ExtractionFailure.DEFAULT_FIX);
    }

    private TypeInformation<?> extractParameterized(
        ParameterizedType type, Map<TypeVariable<?>, TypeInformation<?>> bindings, String path) {
      Class<?> raw = (Class<?>) type.getRawType();
      Type[] args = type.getActualTypeArguments();
      if (LIST_CLASSES.contains(raw)) {
        return new ListTypeInfo<>(extract(args[0], bindings, FieldPaths.element(path)));
      }
      if (MAP_CLASSES.contains(raw)) {
        return new MapTypeInfo<>(
            extract(args[0], bindings, FieldPaths.mapKey(path)),
            extract(args[1], bindings, FieldPaths.mapValue(path)));
      }
      if (raw == Optional.class) {
        return new OptionalTypeInfo<>(extract(args[0], bindings, FieldPaths.element(path)));
      }
      if (raw == Either.class || raw == Either.Left.class || raw == Either.Right.class) {
        return new EitherTypeInfo<>(
            extract(args[0], bindings, path + "<L>"), extract(args[1], bindings, path + "<R>"));
      }
      if (!isStructured(raw)) {
        return extractClass(raw, null, path);
      }
      TypeVariable<?>[] parameters = raw.getTypeParameters();
      TypeInformation<?>[] infos = new TypeInformation<?>[args.length];
      for (int i = 0; i < args.length; i++) {
        infos[i] = extract(args[i], bindings, path + "<" + parameters[i].getName() + ">");
      }
      return extractClass(raw, infos, path);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> extractClass(
        Class<?> type, TypeInformation<?>[] typeArguments, String path) {
      BasicTypeInfo<?> basic = BasicTypeInfo.getInfoFor(type);
      if (basic != null) {
        return basic;
      }
      if (type.isArray()) {
        Class<?> component = type.getComponentType();
        return component.isPrimitive()
            ? PrimitiveArrayTypeInfo.forArrayClass(type)
            : new ObjectArrayTypeInfo<>(extract(component, Map.of(), FieldPaths.element(path)));
      }
      if (type.isEnum()) {
        return new EnumTypeInfo(type);
      }
      if (type.getSuperclass() != null && type.getSuperclass().isEnum()) {
        // An enum constant with a body is an anonymous subclass of its enum.
        return new EnumTypeInfo(type.getSuperclass());
      }
      if (LIST_CLASSES.contains(type)) {
        throw failure(
            path,
            type,
            "is a raw List, whose element type is unknown",
            "Declare the element type, as in List<String>, or give the type explicitly with"
                + " `Types.LIST(Types.STRING)` or `new TypeHint<List<String>>(){}`");
      }
      if (MAP_CLASSES.contains(type)) {
        throw failure(
            path,
            type,
            "is a raw Map, whose key and value types are unknown",
            "Declare them, as in Map<String, Long>, or give the type explicitly with"
                + " `Types.MAP(Types.STRING, Types.LONG)` or `new TypeHint<Map<String, Long>>(){}`");
      }
      if (type == Optional.class) {
        throw failure(
            path,
            type,
            "is a raw Optional, whose value type is unknown",
            "Declare it, as in Optional<String>, or give the type explicitly with"
                + " `Types.OPTIONAL(Types.STRING)`");
      }
      if (type == Object.class) {
        throw failure(
            path,
            type,
            "says nothing about the values, so Spate cannot serialize them",
            "Declare a concrete type, or give the type explicitly with `.returns(...)` using"
                + " `Types` or a `TypeHint`");
      }
      if (type.isInterface()) {
        throw failure(
            path,
            type,
            "is an interface; the only interfaces Spate can serialize are java.util.List and"
                + " java.util.Map",
            "Declare a List, a Map, a record or a POJO instead, or give the type explicitly with"
                + " `.returns(...)` using `Types` or a `TypeHint`");
      }
      if (Either.class.isAssignableFrom(type)) {
        throw failure(
            path,
            type,
            "is a raw Either, whose left and right types are unknown",
            "Declare them, as in Either<String, Integer>, or give the type explicitly with"
                + " `Types.EITHER(Types.STRING, Types.INT)`");
      }
      if (type == Row.class) {
        throw new ExtractionFailure(
            FieldPaths.subject(path, type.getName())
                + " is a Row, whose class says nothing about the types of its fields",
            "Declare them with " + ROW_RETURNS_EXAMPLE,
            ROW_RETURNS_EXAMPLE);
      }
      if (Tuple.class.isAssignableFrom(type)) {
        TypeInformation<?> tuple = tuple(type, typeArguments, path);
        if (tuple != null) {
          return tuple;
        }
      }
      if (isJdk(type)) {
        throw failure(
            path,
            type,
            "is a JDK class that Spate has no serializer for (it supports String, the boxed"
                + " primitives, BigDecimal, BigInteger, Instant, LocalDate, LocalTime,"
                + " LocalDateTime, Duration, Period, List, Map, Optional, enums, arrays, records and"
                + " POJOs)",
            "Convert the value to a supported type (java.util.Date to Instant, for example), or"
                + " wrap it in a record of supported types");
      }
      if (type.isRecord()) {
        return record(type, typeArguments, path);
      }
      return pojo(type, typeArguments, path);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeInformation<?> record(Class<?> type, TypeInformation<?>[] typeArguments, String path) {
      RecordHandles handles;
      try {
        handles = RecordHandles.of(type);
      } catch (IllegalArgumentException e) {
        throw failure(
            path,
            type,
            "is a record that Spate cannot access (" + e.getMessage() + ")",
            "Open the record's package to Spate's module, or make the record public");
      }
      enter(type, typeArguments, path);
      try {
        Map<TypeVariable<?>, TypeInformation<?>> bindings = bind(type, typeArguments);
        TypeInformation<?>[] componentTypes = new TypeInformation<?>[handles.arity()];
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < componentTypes.length; i++) {
          String componentPath = FieldPaths.field(path, handles.name(i));
          componentTypes[i] =
              fromMemberFactory(components[i], handles.genericType(i), bindings, componentPath);
          if (componentTypes[i] == null) {
            componentTypes[i] = extract(handles.genericType(i), bindings, componentPath);
          }
        }
        return new RecordTypeInfo(type, componentTypes, typeArguments);
      } finally {
        leave();
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeInformation<?> pojo(Class<?> type, TypeInformation<?>[] typeArguments, String path) {
      String notPojo = "is not a POJO: ";
      if (type.isAnonymousClass() || type.isLocalClass()) {
        throw failure(
            path,
            type,
            notPojo + "it is an anonymous or local class, which has no public constructor",
            ExtractionFailure.DEFAULT_FIX);
      }
      if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
        throw failure(
            path,
            type,
            notPojo + "it is a non-static inner class, whose instances need an enclosing instance",
            "Declare it static, or make it a record");
      }
      if (!Modifier.isPublic(type.getModifiers())) {
        throw failure(path, type, notPojo + "it is not public", ExtractionFailure.DEFAULT_FIX);
      }
      if (Modifier.isAbstract(type.getModifiers())) {
        throw failure(
            path,
            type,
            notPojo + "it is abstract, so Spate cannot create instances of it",
            "Declare a concrete class, or give the type explicitly with `.returns(...)`");
      }
      try {
        type.getConstructor();
      } catch (NoSuchMethodException e) {
        throw failure(
            path,
            type,
            notPojo + "it has no public no-arg constructor",
            ExtractionFailure.DEFAULT_FIX);
      }
      enter(type, typeArguments, path);
      try {
        Map<String, PojoProperty> properties = new TreeMap<>();
        Map<String, TypeInformation<?>> fieldTypes = new HashMap<>();
        Map<TypeVariable<?>, TypeInformation<?>> bindings = bind(type, typeArguments);
        Class<?> level = type;
        while (level != Object.class) {
          if (isJdk(level)) {
            throw failure(
                path,
                type,
                notPojo + "it extends the JDK class " + level.getName()
                    + ", whose internal fields Spate cannot serialize",
                ExtractionFailure.DEFAULT_FIX);
          }
          for (Field field : level.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
              continue;
            }
            String name = field.getName();
            if (properties.containsKey(name)) {
              throw failure(
                  path,
                  type,
                  notPojo + "it has two fields named '" + name + "', one declared in "
                      + level.getName(),
                  "Rename one of them");
            }
            properties.put(name, property(type, field, path));
            fieldTypes.put(name, pojoFieldType(type, field, bindings, path));
          }
          Type superType = level.getGenericSuperclass();
          Class<?> superClass = level.getSuperclass();
          Map<TypeVariable<?>, TypeInformation<?>> superBindings = new HashMap<>();
          if (superType instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] parameters = superClass.getTypeParameters();
            Type[] args = parameterized.getActualTypeArguments();
            for (int i = 0; i < args.length; i++) {
              superBindings.put(
                  parameters[i],
                  extract(args[i], bindings, path + "<" + parameters[i].getName() + ">"));
            }
          }
          bindings = superBindings;
          level = superClass;
        }
        PojoProperty[] propertyArray = properties.values().toArray(new PojoProperty[0]);
        TypeInformation<?>[] typeArray = new TypeInformation<?>[propertyArray.length];
        for (int i = 0; i < propertyArray.length; i++) {
          typeArray[i] = fieldTypes.get(propertyArray[i].getName());
        }
        return new PojoTypeInfo(type, propertyArray, typeArray, typeArguments);
      } finally {
        leave();
      }
    }

    /** A POJO field's type: given by Types.POJO, made by a field's @TypeInfo factory, or derived. */
    private TypeInformation<?> pojoFieldType(
        Class<?> type, Field field, Map<TypeVariable<?>, TypeInformation<?>> bindings, String path) {
      String fieldPath = FieldPaths.field(path, field.getName());
      TypeInformation<?> given = path.isEmpty() ? givenTopLevelFieldTypes.get(field.getName()) : null;
      if (given != null) {
        Class<?> declared = MethodType.methodType(field.getType()).wrap().returnType();
        if (!declared.isAssignableFrom(given.getTypeClass())) {
          throw failure(
              path,
              type,
              "cannot take the type given for its field '" + field.getName() + "': the field is a "
                  + field.getType().getName() + ", but the type given for it is " + given,
              "Give a type whose values the field can hold");
        }
        return given;
      }
      TypeInformation<?> fromFactory = fromMemberFactory(field, field.getGenericType(), bindings, fieldPath);
      return fromFactory != null ? fromFactory : extract(field.getGenericType(), bindings, fieldPath);
    }

    /** The type information a @TypeInfo on the class of {@code type} (or a superclass) makes, or null. */
    @SuppressWarnings("rawtypes")
    private TypeInformation<?> fromClassFactory(
        Type type, Map<TypeVariable<?>, TypeInformation<?>> bindings, String path) {
      Class<?> raw =
          type instanceof Class<?> c ? c
              : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> r ? r : null;
      if (raw == null || raw.isPrimitive() || raw.isArray() || isJdk(raw)) {
        return null;
      }
      Class<? extends TypeInfoFactory> factory = TypeInfoFactories.forClass(raw);
      if (factory == null) {
        return null;
      }
      String where = path.isEmpty() ? raw.getName() : raw.getName() + " (the type of '" + path + "')";
      return TypeInfoFactories.create(factory, type, genericParameters(type, bindings, path), where);
    }

    /** The type information a @TypeInfo on a field or record component makes, or null. */
    @SuppressWarnings("rawtypes")
    private TypeInformation<?> fromMemberFactory(
        java.lang.reflect.AnnotatedElement member,
        Type memberType,
        Map<TypeVariable<?>, TypeInformation<?>> bindings,
        String path) {
      Class<? extends TypeInfoFactory> factory = TypeInfoFactories.forElement(member);
      if (factory == null) {
        return null;
      }
      return TypeInfoFactories.create(
          factory, memberType, genericParameters(memberType, bindings, path), "the field '" + path + "'");
    }

    /**
     * The type information of {@code type}'s type arguments, by the names of its class's type
     * parameters; arguments that cannot be derived are left out, for the factory to decide.
     */
    private Map<String, TypeInformation<?>> genericParameters(
        Type type, Map<TypeVariable<?>, TypeInformation<?>> bindings, String path) {
      if (!(type instanceof ParameterizedType parameterized)) {
        return Map.of();
      }
      TypeVariable<?>[] parameters = ((Class<?>) parameterized.getRawType()).getTypeParameters();
      Type[] args = parameterized.getActualTypeArguments();
      Map<String, TypeInformation<?>> named = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        try {
          named.put(parameters[i].getName(), extract(args[i], bindings, path + "<" + parameters[i].getName() + ">"));
        } catch (InvalidTypesException e) {
          // Left out: the factory may not need it.
        }
      }
      return named;
    }

    /**
     * The type information of a tuple class, with {@code typeArguments} bound to its type parameters;
     * null for a subclass of a tuple with fields of its own, which is a POJO.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> tuple(Class<?> type, TypeInformation<?>[] typeArguments, String path) {
      if (type == Tuple.class) {
        throw failure(
            path,
            type,
            "is the abstract base of the tuples, which says nothing about their fields",
            "Declare a tuple class such as Tuple2<String, Integer>, or give the type explicitly with"
                + " `Types.TUPLE(Types.STRING, Types.INT)`");
      }
      if (!isPlainTuple(type)) {
        return null;
      }
      Class<?> base = TupleTypeInfo.tupleBase(type);
      boolean raw = typeArguments == null && type.getTypeParameters().length > 0;
      Type[] fieldTypes = type == base ? base.getTypeParameters() : ReturnTypeResolver.typeArguments(type, base);
      if (raw || fieldTypes == null) {
        throw failure(
            path,
            type,
            "is a tuple class without its type arguments, so its field types are unknown",
            "Declare them, as in " + base.getSimpleName() + "<String, Integer>, or give the type"
                + " explicitly with `Types.TUPLE(Types.STRING, Types.INT)` or"
                + " `new TypeHint<Tuple2<String, Integer>>(){}`");
      }
      if (type != base) {
        if (!Modifier.isPublic(type.getModifiers())
            || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))
            || Modifier.isAbstract(type.getModifiers())) {
          throw failure(
              path,
              type,
              "is a tuple subclass that Spate cannot create instances of: it must be a public,"
                  + " concrete, top-level or static nested class",
              "Make it so, or use " + base.getSimpleName() + " itself");
        }
        try {
          type.getConstructor();
        } catch (NoSuchMethodException e) {
          throw failure(
              path, type, "is a tuple subclass without a public no-arg constructor", "Add one");
        }
      }
      enter(type, typeArguments, path);
      try {
        Map<TypeVariable<?>, TypeInformation<?>> bindings = bind(type, typeArguments);
        TypeInformation<?>[] infos = new TypeInformation<?>[fieldTypes.length];
        for (int i = 0; i < infos.length; i++) {
          infos[i] = extract(fieldTypes[i], bindings, FieldPaths.field(path, "f" + i));
        }
        return new TupleTypeInfo(type, infos, typeArguments);
      } finally {
        leave();
      }
    }

    private static PojoProperty property(Class<?> type, Field field, String path) {
      String name = field.getName();
      if (Modifier.isPublic(field.getModifiers())) {
        if (Modifier.isFinal(field.getModifiers())) {
          throw failure(
              path,
              type,
              "is not a POJO: its public field '" + name + "' is final, so it cannot be set after"
                  + " construction",
              "Make the field non-final, or make " + type.getSimpleName() + " a record");
        }
        return PojoProperty.ofPublicField(type, field);
      }
      String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      Method getter = findGetter(type, field, capitalized);
      Method setter = findSetter(type, field, capitalized);
      if (getter == null || setter == null) {
        String missing =
            getter == null && setter == null ? "getter and setter" : getter == null ? "getter" : "setter";
        String getterName = (field.getType() == boolean.class ? "is" : "get") + capitalized;
        throw failure(
            path,
            type,
            "is not a POJO: its field '" + name + "' is not public and has no public " + missing
                + " (" + getterName + "() and set" + capitalized + "(...))",
            ExtractionFailure.DEFAULT_FIX);
      }
      return PojoProperty.ofAccessors(type, field, getter, setter);
    }

    private static Method findGetter(Class<?> type, Field field, String capitalized) {
      for (String name : new String[] {"get" + capitalized, "is" + capitalized, field.getName()}) {
        try {
          Method method = type.getMethod(name);
          if (!Modifier.isStatic(method.getModifiers()) && method.getReturnType() == field.getType()
              && (!name.startsWith("is") || field.getType() == boolean.class || name.equals(field.getName()))) {
            return method;
          }
        } catch (NoSuchMethodException e) {
          // Try the next naming convention.
        }
      }
      return null;
    }

    private static Method findSetter(Class<?> type, Field field, String capitalized) {
      try {
        Method method = type.getMethod("set" + capitalized, field.getType());
        return Modifier.isStatic(method.getModifiers()) ? null : method;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }

    private void enter(Class<?> type, TypeInformation<?>[] typeArguments, String path) {
      List<TypeInformation<?>> args = typeArguments == null ? List.of() : List.of(typeArguments);
      for (Frame frame : frames) {
        if (frame.type() == type && frame.typeArguments().equals(args)) {
          throw failure(
              path,
              type,
              "contains itself (it is also the type of "
                  + (frame.path().isEmpty() ? "the top level" : "field '" + frame.path() + "'")
                  + "), and Spate does not support recursive types",
              "Break the cycle, for example by keeping the nested values in a separate"
                  + " non-recursive type or referring to them by id");
        }
      }
      if (frames.size() >= MAX_NESTING) {
        throw failure(
            path,
            type,
            "is nested more than " + MAX_NESTING + " levels deep, which only a recursive generic"
                + " type does, and Spate does not support recursive types",
            "Break the cycle, for example by referring to the nested values by id");
      }
      frames.add(new Frame(type, args, path));
    }

    private void leave() {
      frames.remove(frames.size() - 1);
    }

    private static Map<TypeVariable<?>, TypeInformation<?>> bind(
        Class<?> type, TypeInformation<?>[] typeArguments) {
      TypeVariable<?>[] parameters = type.getTypeParameters();
      if (typeArguments == null || parameters.length == 0) {
        return Map.of();
      }
      Map<TypeVariable<?>, TypeInformation<?>> bindings = new HashMap<>();
      for (int i = 0; i < parameters.length; i++) {
        bindings.put(parameters[i], typeArguments[i]);
      }
      return bindings;
    }

    static boolean isStructured(Class<?> type) {
      return type.isRecord()
          || !(type.isInterface()
              || type.isPrimitive()
              || type.isArray()
              || type.isEnum()
              || isJdk(type)
              || BasicTypeInfo.getInfoFor(type) != null);
    }

    private static boolean isJdk(Class<?> type) {
      String name = type.getName();
      return name.startsWith("java.")
          || name.startsWith("javax.")
          || name.startsWith("jdk.")
          || name.startsWith("sun.")
          || name.startsWith("com.sun.");
    }

    private static ExtractionFailure unboundVariable(TypeVariable<?> variable, String path) {
      String declaredBy;
      if (variable.getGenericDeclaration() instanceof Class<?> c) {
        declaredBy = "class " + c.getName();
      } else if (variable.getGenericDeclaration() instanceof Method m) {
        declaredBy = "method " + m.getDeclaringClass().getName() + "." + m.getName();
      } else {
        declaredBy = String.valueOf(variable.getGenericDeclaration());
      }
      String what = "the type variable " + variable.getName() + " of " + declaredBy;
      String reason =
          path.isEmpty()
              ? what + " is not bound to a concrete type"
              : "field '" + path + "' has " + what + ", which is not bound to a concrete type";
      return new ExtractionFailure(
          reason,
          "Use the generic class with concrete type arguments (for example through a TypeHint:"
              + " `new TypeHint<Box<String>>(){}`), or give the type explicitly with"
              + " `.returns(...)` using `Types`");
    }

    private static ExtractionFailure failure(String path, Type type, String problem, String fix) {
      String name = type instanceof Class<?> c ? c.getTypeName() : type.getTypeName();
      return new ExtractionFailure(FieldPaths.subject(path, name) + " " + problem, fix);
    }
  }

  // Flink's per-function extraction methods. Each names the function interface and the positions of
  // its input and output type parameters; Spate's resolver finds a lambda's types by itself. With
  // allowMissing, a type that cannot be determined comes back as a MissingTypeInfo (for .returns to
  // replace later); without, it fails at once.

  /** The output type of {@code mapInterface} for inputs of {@code inType}. */
  public static <IN, OUT> TypeInformation<OUT> getMapReturnTypes(
      MapFunction<IN, OUT> mapInterface, TypeInformation<IN> inType) {
    return getMapReturnTypes(mapInterface, inType, null, false);
  }

  /** The output type of {@code mapInterface}; see the note on missing types above. */
  public static <IN, OUT> TypeInformation<OUT> getMapReturnTypes(
      MapFunction<IN, OUT> mapInterface, TypeInformation<IN> inType, String functionName, boolean allowMissing) {
    return orFail(getUnaryReturnType(mapInterface, MapFunction.class, 0, 1, inType, functionName), allowMissing);
  }

  /** The output type of {@code flatMapInterface} for inputs of {@code inType}. */
  public static <IN, OUT> TypeInformation<OUT> getFlatMapReturnTypes(
      FlatMapFunction<IN, OUT> flatMapInterface, TypeInformation<IN> inType) {
    return getFlatMapReturnTypes(flatMapInterface, inType, null, false);
  }

  /** The output type of {@code flatMapInterface}; see the note on missing types above. */
  public static <IN, OUT> TypeInformation<OUT> getFlatMapReturnTypes(
      FlatMapFunction<IN, OUT> flatMapInterface, TypeInformation<IN> inType, String functionName,
      boolean allowMissing) {
    return orFail(
        getUnaryReturnType(flatMapInterface, FlatMapFunction.class, 0, 1, inType, functionName), allowMissing);
  }

  /** The accumulator type of {@code function}; see the note on missing types above. */
  public static <IN, ACC> TypeInformation<ACC> getAggregateFunctionAccumulatorType(
      AggregateFunction<IN, ACC, ?> function, TypeInformation<IN> inType, String functionName,
      boolean allowMissing) {
    return orFail(getUnaryReturnType(function, AggregateFunction.class, 0, 1, inType, functionName), allowMissing);
  }

  /** The result type of {@code function}; see the note on missing types above. */
  public static <IN, OUT> TypeInformation<OUT> getAggregateFunctionReturnType(
      AggregateFunction<IN, ?, OUT> function, TypeInformation<IN> inType, String functionName,
      boolean allowMissing) {
    return orFail(getUnaryReturnType(function, AggregateFunction.class, 0, 2, inType, functionName), allowMissing);
  }

  /** The output type of {@code joinInterface} for inputs of {@code in1Type} and {@code in2Type}. */
  public static <IN1, IN2, OUT> TypeInformation<OUT> getFlatJoinReturnTypes(
      FlatJoinFunction<IN1, IN2, OUT> joinInterface, TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type) {
    return getFlatJoinReturnTypes(joinInterface, in1Type, in2Type, null, false);
  }

  /** The output type of {@code joinInterface}; see the note on missing types above. */
  public static <IN1, IN2, OUT> TypeInformation<OUT> getFlatJoinReturnTypes(
      FlatJoinFunction<IN1, IN2, OUT> joinInterface, TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type,
      String functionName, boolean allowMissing) {
    return orFail(
        getBinaryReturnType(joinInterface, FlatJoinFunction.class, 0, 1, 2, in1Type, in2Type, functionName),
        allowMissing);
  }

  /** The output type of {@code joinInterface} for inputs of {@code in1Type} and {@code in2Type}. */
  public static <IN1, IN2, OUT> TypeInformation<OUT> getJoinReturnTypes(
      JoinFunction<IN1, IN2, OUT> joinInterface, TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type) {
    return getJoinReturnTypes(joinInterface, in1Type, in2Type, null, false);
  }

  /** The output type of {@code joinInterface}; see the note on missing types above. */
  public static <IN1, IN2, OUT> TypeInformation<OUT> getJoinReturnTypes(
      JoinFunction<IN1, IN2, OUT> joinInterface, TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type,
      String functionName, boolean allowMissing) {
    return orFail(
        getBinaryReturnType(joinInterface, JoinFunction.class, 0, 1, 2, in1Type, in2Type, functionName),
        allowMissing);
  }

  /** The output type of {@code coGroupInterface} for inputs of {@code in1Type} and {@code in2Type}. */
  public static <IN1, IN2, OUT> TypeInformation<OUT> getCoGroupReturnTypes(
      CoGroupFunction<IN1, IN2, OUT> coGroupInterface, TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type) {
    return getCoGroupReturnTypes(coGroupInterface, in1Type, in2Type, null, false);
  }

  /** The output type of {@code coGroupInterface}; see the note on missing types above. */
  public static <IN1, IN2, OUT> TypeInformation<OUT> getCoGroupReturnTypes(
      CoGroupFunction<IN1, IN2, OUT> coGroupInterface, TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type,
      String functionName, boolean allowMissing) {
    return orFail(
        getBinaryReturnType(coGroupInterface, CoGroupFunction.class, 0, 1, 2, in1Type, in2Type, functionName),
        allowMissing);
  }

  /** The key type of {@code selectorInterface} for inputs of {@code inType}. */
  public static <IN, OUT> TypeInformation<OUT> getKeySelectorTypes(
      KeySelector<IN, OUT> selectorInterface, TypeInformation<IN> inType) {
    return getKeySelectorTypes(selectorInterface, inType, null, false);
  }

  /** The key type of {@code selectorInterface}; see the note on missing types above. */
  public static <IN, OUT> TypeInformation<OUT> getKeySelectorTypes(
      KeySelector<IN, OUT> selectorInterface, TypeInformation<IN> inType, String functionName, boolean allowMissing) {
    return orFail(getUnaryReturnType(selectorInterface, KeySelector.class, 0, 1, inType, functionName), allowMissing);
  }

  /** The key type of {@code partitioner}. */
  public static <T> TypeInformation<T> getPartitionerTypes(Partitioner<T> partitioner) {
    return getPartitionerTypes(partitioner, null, false);
  }

  /** The key type of {@code partitioner}; see the note on missing types above. */
  public static <T> TypeInformation<T> getPartitionerTypes(
      Partitioner<T> partitioner, String functionName, boolean allowMissing) {
    return orFail(getUnaryReturnType(partitioner, Partitioner.class, -1, 0, null, functionName), allowMissing);
  }

  /**
   * The output type of the one-input {@code function}, whose interface {@code baseClass} has its
   * input and output types at the given type parameter positions. {@code lambdaOutputTypeArgumentIndices}
   * is accepted for Flink's signature; Spate's resolver does not need it.
   */
  public static <IN, OUT> TypeInformation<OUT> getUnaryOperatorReturnType(
      Function function, Class<?> baseClass, int inputTypeArgumentIndex, int outputTypeArgumentIndex,
      int[] lambdaOutputTypeArgumentIndices, TypeInformation<IN> inType, String functionName, boolean allowMissing) {
    return orFail(
        getUnaryReturnType(function, baseClass, inputTypeArgumentIndex, outputTypeArgumentIndex, inType, functionName),
        allowMissing);
  }

  /** The output type of the two-input {@code function}; see {@link #getUnaryOperatorReturnType}. */
  public static <IN1, IN2, OUT> TypeInformation<OUT> getBinaryOperatorReturnType(
      Function function, Class<?> baseClass, int input1TypeArgumentIndex, int input2TypeArgumentIndex,
      int outputTypeArgumentIndex, int[] lambdaOutputTypeArgumentIndices, TypeInformation<IN1> in1Type,
      TypeInformation<IN2> in2Type, String functionName, boolean allowMissing) {
    return orFail(
        getBinaryReturnType(function, baseClass, input1TypeArgumentIndex, input2TypeArgumentIndex,
            outputTypeArgumentIndex, in1Type, in2Type, functionName),
        allowMissing);
  }

  /**
   * The type information of type argument {@code returnParamPos} that {@code clazz} (or the class of
   * {@code instance}) gives to {@code baseClass}.
   *
   * @throws InvalidTypesException if it gives none, or a type variable
   */
  public static <OUT> TypeInformation<OUT> createTypeInfo(
      Object instance, Class<?> baseClass, Class<?> clazz, int returnParamPos) {
    return createTypeInfo(baseClass, clazz == null ? instance.getClass() : clazz, returnParamPos, null, null);
  }

  /**
   * The type information of type argument {@code returnParamPos} that {@code clazz} gives to {@code
   * baseClass}. The input types are accepted for Flink's signature; the argument must be a concrete
   * type.
   *
   * @throws InvalidTypesException if {@code clazz} gives none, or a type variable
   */
  @SuppressWarnings("unchecked")
  public static <IN1, IN2, OUT> TypeInformation<OUT> createTypeInfo(
      Class<?> baseClass, Class<?> clazz, int returnParamPos, TypeInformation<IN1> in1Type,
      TypeInformation<IN2> in2Type) {
    Type argument = getParameterType(baseClass, clazz, returnParamPos);
    if (argument instanceof TypeVariable<?> variable) {
      throw new InvalidTypesException(
          clazz.getName() + " leaves type parameter " + variable.getName() + " of " + baseClass.getName()
              + " generic, so its type cannot be determined; give it with .returns(...)");
    }
    return (TypeInformation<OUT>) createTypeInfo(argument);
  }

  /**
   * The type argument at {@code pos} that {@code clazz} gives to {@code baseClass} through its
   * superclasses and interfaces.
   *
   * @throws InvalidTypesException if {@code clazz} does not extend {@code baseClass} with type
   *     arguments, or {@code pos} is not one of its type parameters
   */
  public static Type getParameterType(Class<?> baseClass, Class<?> clazz, int pos) {
    int count = baseClass.getTypeParameters().length;
    if (pos < 0 || pos >= count) {
      throw new InvalidTypesException(
          baseClass.getName() + " has " + count + " type parameters, none at position " + pos);
    }
    if (!baseClass.isAssignableFrom(clazz)) {
      throw new InvalidTypesException(clazz.getName() + " does not extend " + baseClass.getName());
    }
    Type[] arguments = ReturnTypeResolver.typeArguments(clazz, baseClass);
    if (arguments == null) {
      throw new InvalidTypesException(
          clazz.getName() + " extends " + baseClass.getName() + " as a raw type, without type arguments");
    }
    return arguments[pos];
  }

  /** Whether {@code clazz} is a Java record. */
  public static boolean isRecord(Class<?> clazz) {
    return clazz.isRecord();
  }

  /**
   * The non-static, non-transient fields of {@code clazz} and its superclasses, the class's own first.
   *
   * @throws InvalidTypesException if two classes of the hierarchy declare a field of the same name,
   *     unless {@code ignoreDuplicates}, which keeps the first
   */
  public static List<Field> getAllDeclaredFields(Class<?> clazz, boolean ignoreDuplicates) {
    List<Field> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Class<?> level = clazz; level != null && level != Object.class; level = level.getSuperclass()) {
      for (Field field : level.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
          continue;
        }
        if (!names.add(field.getName())) {
          if (ignoreDuplicates) {
            continue;
          }
          throw new InvalidTypesException(
              "The field " + field.getName() + " is declared twice in the hierarchy of " + clazz.getName()
                  + " (again in " + level.getName() + "); give the fields of the hierarchy distinct names");
        }
        fields.add(field);
      }
    }
    return fields;
  }

  /** The field {@code name} among {@link #getAllDeclaredFields getAllDeclaredFields(clazz, true)}, or null. */
  public static Field getDeclaredField(Class<?> clazz, String name) {
    for (Field field : getAllDeclaredFields(clazz, true)) {
      if (field.getName().equals(name)) {
        return field;
      }
    }
    return null;
  }

  /**
   * How Spate reads and writes {@code field} of {@code pojoClass}: directly if it is public, else
   * through its public getter and setter.
   *
   * @throws InvalidTypesException if it is neither
   */
  static PojoProperty pojoProperty(Class<?> pojoClass, Field field) {
    return Extraction.property(pojoClass, field, "");
  }

  /** {@code type} unless it is missing and that is not allowed, then an error with the reason. */
  private static <T> TypeInformation<T> orFail(TypeInformation<T> type, boolean allowMissing) {
    if (!allowMissing && type instanceof MissingTypeInfo<?> missing) {
      throw new InvalidTypesException(missing.describeProblem());
    }
    return type;
  }
}
