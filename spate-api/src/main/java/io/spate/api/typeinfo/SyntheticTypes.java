package io.spate.api.typeinfo;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Generic types built at run time, for substituting type variables while walking a function's
 * class hierarchy (the JDK offers no public constructors for them).
 */
final class SyntheticTypes {

  private SyntheticTypes() {}

  /** {@code type} with every type variable in {@code bindings} replaced by its binding. */
  static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (bindings.isEmpty() || type instanceof Class<?>) {
      return type;
    }
    if (type instanceof TypeVariable<?> variable) {
      return bindings.getOrDefault(variable, variable);
    }
    if (type instanceof ParameterizedType parameterized) {
      Type[] args = parameterized.getActualTypeArguments();
      Type[] substituted = new Type[args.length];
      for (int i = 0; i < args.length; i++) {
        substituted[i] = substitute(args[i], bindings);
      }
      return new Parameterized(
          (Class<?>) parameterized.getRawType(), substituted, parameterized.getOwnerType());
    }
    if (type instanceof GenericArrayType array) {
      Type component = substitute(array.getGenericComponentType(), bindings);
      return component instanceof Class<?> c
          ? Array.newInstance(c, 0).getClass()
          : new GenericArray(component);
    }
    if (type instanceof WildcardType wildcard) {
      return new Wildcard(
          substituteAll(wildcard.getUpperBounds(), bindings),
          substituteAll(wildcard.getLowerBounds(), bindings));
    }
    return type;
  }

  private static Type[] substituteAll(Type[] types, Map<TypeVariable<?>, Type> bindings) {
    Type[] result = new Type[types.length];
    for (int i = 0; i < types.length; i++) {
      result[i] = substitute(types[i], bindings);
    }
    return result;
  }

  /** {@code type} as used inside itself: {@code Box<T>} for a generic class, else the class. */
  static Type selfType(Class<?> type) {
    TypeVariable<?>[] parameters = type.getTypeParameters();
    return parameters.length == 0 ? type : new Parameterized(type, parameters, type.getDeclaringClass());
  }

  /** The erased class of {@code type}, or null for a type variable or wildcard. */
  static Class<?> erase(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    if (type instanceof GenericArrayType array) {
      Class<?> component = erase(array.getGenericComponentType());
      return component == null ? null : Array.newInstance(component, 0).getClass();
    }
    return null;
  }

  /** Whether {@code variable} occurs anywhere in {@code type}. */
  static boolean mentions(Type type, TypeVariable<?> variable) {
    if (type.equals(variable)) {
      return true;
    }
    if (type instanceof ParameterizedType parameterized) {
      for (Type arg : parameterized.getActualTypeArguments()) {
        if (mentions(arg, variable)) {
          return true;
        }
      }
    } else if (type instanceof GenericArrayType array) {
      return mentions(array.getGenericComponentType(), variable);
    } else if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        if (mentions(bound, variable)) {
          return true;
        }
      }
      for (Type bound : wildcard.getLowerBounds()) {
        if (mentions(bound, variable)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What {@code variable} stands for, found by laying {@code actual} over {@code pattern} (which
   * mentions it): for pattern {@code Collector<OUT>} and actual {@code Collector<String>}, String.
   * Null when the two do not line up, as when {@code actual} is a raw type.
   */
  static Type match(Type pattern, Type actual, TypeVariable<?> variable) {
    if (pattern.equals(variable)) {
      return actual;
    }
    if (pattern instanceof ParameterizedType p
        && actual instanceof ParameterizedType a
        && p.getRawType() == a.getRawType()) {
      Type[] patternArgs = p.getActualTypeArguments();
      Type[] actualArgs = a.getActualTypeArguments();
      for (int i = 0; i < patternArgs.length && i < actualArgs.length; i++) {
        Type found = match(patternArgs[i], actualArgs[i], variable);
        if (found != null) {
          return found;
        }
      }
    } else if (pattern instanceof GenericArrayType p) {
      if (actual instanceof GenericArrayType a) {
        return match(p.getGenericComponentType(), a.getGenericComponentType(), variable);
      }
      if (actual instanceof Class<?> a && a.isArray()) {
        return match(p.getGenericComponentType(), a.getComponentType(), variable);
      }
    } else if (pattern instanceof WildcardType p && actual instanceof WildcardType a) {
      Type[] patternBounds = p.getUpperBounds();
      Type[] actualBounds = a.getUpperBounds();
      for (int i = 0; i < patternBounds.length && i < actualBounds.length; i++) {
        Type found = match(patternBounds[i], actualBounds[i], variable);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String name(Type type) {
    return type instanceof Class<?> c ? c.getName() : type.getTypeName();
  }

  /** A parameterized type such as {@code List<String>}. */
  static final class Parameterized implements ParameterizedType {

    private final Class<?> raw;
    private final Type[] args;
    private final Type owner;

    Parameterized(Class<?> raw, Type[] args, Type owner) {
      this.raw = raw;
      this.args = args.clone();
      this.owner = owner;
    }

    @Override
    public Type[] getActualTypeArguments() {
      return args.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return owner;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ParameterizedType other
          && raw.equals(other.getRawType())
          && Objects.equals(owner, other.getOwnerType())
          && Arrays.equals(args, other.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(args) ^ Objects.hashCode(owner) ^ raw.hashCode();
    }

    @Override
    public String toString() {
      return raw.getName()
          + Arrays.stream(args).map(SyntheticTypes::name).collect(Collectors.joining(", ", "<", ">"));
    }
  }

  /** A generic array type such as {@code List<String>[]}. */
  static final class GenericArray implements GenericArrayType {

    private final Type component;

    GenericArray(Type component) {
      this.component = component;
    }

    @Override
    public Type getGenericComponentType() {
      return component;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof GenericArrayType other
          && component.equals(other.getGenericComponentType());
    }

    @Override
    public int hashCode() {
      return component.hashCode();
    }

    @Override
    public String toString() {
      return name(component) + "[]";
    }
  }

  /** A wildcard such as {@code ? extends Number}. */
  static final class Wildcard implements WildcardType {

    private final Type[] upper;
    private final Type[] lower;

    Wildcard(Type[] upper, Type[] lower) {
      this.upper = upper.clone();
      this.lower = lower.clone();
    }

    @Override
    public Type[] getUpperBounds() {
      return upper.clone();
    }

    @Override
    public Type[] getLowerBounds() {
      return lower.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof WildcardType other
          && Arrays.equals(upper, other.getUpperBounds())
          && Arrays.equals(lower, other.getLowerBounds());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(upper) ^ Arrays.hashCode(lower);
    }

    @Override
    public String toString() {
      if (lower.length > 0) {
        return "? super " + name(lower[0]);
      }
      return upper.length == 0 || upper[0] == Object.class ? "?" : "? extends " + name(upper[0]);
    }
  }
}
