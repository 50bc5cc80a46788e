package io.spate.table.planner.codegen;

import io.spate.table.planner.functions.FunctionSignature;
import io.spate.table.runtime.expr.ValueType.Kind;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * Which calls of a user's scalar function generated code makes directly, and how it passes their
 * arguments: those whose {@code eval} method takes each argument as the interpreter's reflective call
 * would pass it unconverted (a {@code String} for a string, a {@code long} or {@code Long} for a
 * {@code BIGINT}, ...) or as a cast of a number (an {@code INT} to a {@code long} or {@code Long}), of a
 * public class that generated classes see.
 */
final class UserFunctionCalls {

  private UserFunctionCalls() {}

  /**
   * The method to call directly for {@code call} with {@code signature}, or null if the interpreter must
   * call it. A table function's {@code eval} returns nothing; a scalar function's caller checks the result.
   */
  static Method direct(RexCall call, FunctionSignature signature) {
    if (signature == null || signature.varargs()) {
      return null;
    }
    Method method = signature.method();
    if (!visible(method.getDeclaringClass()) || !Modifier.isPublic(method.getModifiers())
        || Modifier.isStatic(method.getModifiers())) {
      return null;
    }
    Class<?>[] parameters = method.getParameterTypes();
    List<RexNode> operands = call.getOperands();
    if (parameters.length != operands.size()) {
      return null;
    }
    for (int i = 0; i < parameters.length; i++) {
      if (argument(parameters[i], ValueTypes.of(operands.get(i).getType()).kind()) == null) {
        return null;
      }
    }
    return method;
  }

  /**
   * The representation in which generated code passes a value of {@code kind} to a parameter of class
   * {@code parameter} (a primitive one or its box), or null if the value needs a conversion that only
   * the reflective call makes. A number of another primitive type is cast, which is what the reflective
   * call's {@code Number.longValue()} and the like give (an {@code INT} to a {@code long} parameter).
   */
  static JavaRep argument(Class<?> parameter, Kind kind) {
    if (parameter == String.class) {
      return kind.isString() ? JavaRep.OBJECT : null;
    }
    if (kind.isString() || kind == Kind.DECIMAL || !kind.isNumeric() && kind != Kind.BOOLEAN) {
      return null;
    }
    JavaRep rep = JavaRep.of(kind);
    JavaRep target = primitiveOf(parameter);
    return target == rep || target != null && target.isNumeric() && rep.isNumeric() ? target : null;
  }

  /** The primitive representation whose type or box (of {@code java.lang}) {@code parameter} is, or null. */
  private static JavaRep primitiveOf(Class<?> parameter) {
    for (JavaRep rep : JavaRep.values()) {
      if (rep != JavaRep.OBJECT && (parameter.isPrimitive() ? parameter.getName().equals(rep.javaType)
          : parameter.getSimpleName().equals(rep.boxType) && parameter.getPackageName().equals("java.lang"))) {
        return rep;
      }
    }
    return null;
  }

  /**
   * Whether generated classes, compiled with a class loader below Spate's, can name {@code type}: a
   * public class, nested only in public classes as a static member, loaded by Spate's class loader or
   * one of its parents.
   */
  private static boolean visible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()
          || c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
        return false;
      }
    }
    ClassLoader own = UserFunctionCalls.class.getClassLoader();
    for (ClassLoader l = own; l != null; l = l.getParent()) {
      if (l == type.getClassLoader()) {
        return true;
      }
    }
    return type.getClassLoader() == null;
  }
}
