package io.spate.api.operators;

import java.lang.reflect.Method;

/**
 * Checks that an operator implements one of the two forms of each {@code processElement} method:
 * as each form calls the other by default, an operator implementing neither would recurse without
 * end on its first record.
 */
final class ElementMethods {

  private ElementMethods() {}

  /** Fails, naming the operator and the methods, if it implements neither form of an input's method. */
  static void requireImplemented(StreamOperator<?> operator) {
    if (operator instanceof OneInputStreamOperator<?, ?>) {
      requireOne(operator, "processElement");
    }
    if (operator instanceof TwoInputStreamOperator<?, ?, ?>) {
      requireOne(operator, "processElement1");
      requireOne(operator, "processElement2");
    }
  }

  private static void requireOne(StreamOperator<?> operator, String name) {
    try {
      Method plain = operator.getClass().getMethod(name, Object.class, long.class);
      Method flinks = operator.getClass().getMethod(name, StreamRecord.class);
      if (plain.getDeclaringClass().isInterface() && flinks.getDeclaringClass().isInterface()) {
        throw new IllegalStateException("Operator '" + operator.getName() + "' (" + operator.getClass().getName()
            + ") implements neither " + name + "(value, timestamp) nor " + name + "(StreamRecord): implement one.");
      }
    } catch (NoSuchMethodException e) {
      throw new AssertionError("the operator interfaces declare " + name, e);
    }
  }
}
