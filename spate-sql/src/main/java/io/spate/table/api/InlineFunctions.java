package io.spate.table.api;

import io.spate.api.annotation.Internal;
import io.spate.table.catalog.FunctionCatalog;
import io.spate.table.functions.UserDefinedFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Functions called inline, {@code call(MyFunction.class, ...)} or {@code call(new MyFunction(), ...)},
 * without registering them first: each gets a generated name that the expression's SQL calls, and the
 * table environment registers the functions an expression names when a table uses it.
 */
@Internal
public final class InlineFunctions {

  private static final String PREFIX = "$inline$";
  private static final Pattern NAME = Pattern.compile("`(\\$inline\\$[^`]+)`");
  private static final Map<String, UserDefinedFunction> FUNCTIONS = new ConcurrentHashMap<>();
  private static final AtomicLong INSTANCES = new AtomicLong();

  private InlineFunctions() {}

  /** The generated name of a call of {@code functionClass}: one per class. */
  static String nameOf(Class<? extends UserDefinedFunction> functionClass) {
    String name = PREFIX + functionClass.getName();
    FUNCTIONS.computeIfAbsent(name, n -> FunctionCatalog.instantiate(functionClass));
    return name;
  }

  /** The generated name of a call of the instance {@code function}: one per call of this method. */
  static String nameOf(UserDefinedFunction function) {
    String name = PREFIX + function.getClass().getSimpleName() + "$" + INSTANCES.incrementAndGet();
    FUNCTIONS.put(name, function);
    return name;
  }

  /** The inline functions the SQL text {@code sql} calls, by their generated names. */
  public static Map<String, UserDefinedFunction> calledBy(String sql) {
    Map<String, UserDefinedFunction> called = new LinkedHashMap<>();
    if (!sql.contains(PREFIX)) {
      return called;
    }
    Matcher matcher = NAME.matcher(sql);
    while (matcher.find()) {
      UserDefinedFunction function = FUNCTIONS.get(matcher.group(1));
      if (function != null) {
        called.put(matcher.group(1), function);
      }
    }
    return called;
  }
}
