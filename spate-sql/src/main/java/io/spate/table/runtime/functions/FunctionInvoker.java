package io.spate.table.runtime.functions;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;

/**
 * A call of one method of a user-defined function (found again by name and parameter classes after
 * the job traveled, since methods are not serializable), with SQL values converted to the classes
 * the method declares: an {@code INT} passed to a {@code long} parameter, a {@code BIGINT} to a
 * {@code BigDecimal}. A NULL for a primitive parameter skips the call.
 */
@Internal
public final class FunctionInvoker implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What {@link #invoke} returns when a NULL met a primitive parameter and the method was not called. */
  public static final Object SKIPPED = new Object() {
    @Override
    public String toString() {
      return "SKIPPED";
    }
  };

  private final OpenedFunction function;
  private final String methodName;
  private final Class<?>[] parameterTypes;
  private final boolean varargs;
  private transient Method method;

  /** A call of {@code method} of {@code function}. */
  public FunctionInvoker(OpenedFunction function, Method method) {
    this.function = function;
    this.methodName = method.getName();
    this.parameterTypes = method.getParameterTypes();
    this.varargs = method.isVarArgs();
    this.method = method;
  }

  /** The function this invoker calls. */
  public OpenedFunction function() {
    return function;
  }

  /** The method's result for {@code arguments} (SQL values), or {@link #SKIPPED}. */
  public Object invoke(Object... arguments) {
    Object[] converted = new Object[parameterTypes.length];
    int fixed = varargs ? parameterTypes.length - 1 : parameterTypes.length;
    for (int i = 0; i < fixed; i++) {
      converted[i] = convert(arguments[i], parameterTypes[i]);
      if (converted[i] == null && parameterTypes[i].isPrimitive()) {
        return SKIPPED;
      }
    }
    if (varargs) {
      Class<?> component = parameterTypes[fixed].getComponentType();
      Object rest = Array.newInstance(component, arguments.length - fixed);
      for (int i = fixed; i < arguments.length; i++) {
        Object value = convert(arguments[i], component);
        if (value == null && component.isPrimitive()) {
          return SKIPPED;
        }
        Array.set(rest, i - fixed, value);
      }
      converted[fixed] = rest;
    }
    try {
      return method().invoke(function.get(), converted);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new TableException("Function " + function.get().functionIdentifier() + "." + methodName + " failed: "
          + cause, cause);
    } catch (IllegalAccessException e) {
      throw new TableException("Cannot call " + methodName + " of " + function.get().functionIdentifier(), e);
    }
  }

  private Method method() {
    if (method == null) {
      try {
        method = function.get().getClass().getMethod(methodName, parameterTypes);
      } catch (NoSuchMethodException e) {
        throw new TableException("Function " + function.get().functionIdentifier() + " lost its method " + methodName,
            e);
      }
    }
    return method;
  }

  /** {@code value}, a SQL value, in class {@code target}. */
  static Object convert(Object value, Class<?> target) {
    if (value == null || target.isInstance(value)) {
      return value;
    }
    Class<?> boxed = boxed(target);
    if (boxed.isInstance(value)) {
      return value;
    }
    if (value instanceof Number number) {
      if (boxed == Long.class) {
        return number.longValue();
      } else if (boxed == Integer.class) {
        return number.intValue();
      } else if (boxed == Short.class) {
        return number.shortValue();
      } else if (boxed == Byte.class) {
        return number.byteValue();
      } else if (boxed == Double.class) {
        return number.doubleValue();
      } else if (boxed == Float.class) {
        return number.floatValue();
      } else if (boxed == BigDecimal.class) {
        return number instanceof Double || number instanceof Float ? BigDecimal.valueOf(number.doubleValue())
            : BigDecimal.valueOf(number.longValue());
      }
    }
    throw new TableException("Cannot pass the value " + value + " (" + value.getClass().getSimpleName() + ") as a "
        + target.getSimpleName());
  }

  /** The wrapper class of {@code type} if it is primitive, else {@code type}. */
  public static Class<?> boxed(Class<?> type) {
    return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0).getClass() : type;
  }
}
