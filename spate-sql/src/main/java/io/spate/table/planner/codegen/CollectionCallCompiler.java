package io.spate.table.planner.codegen;

import io.spate.table.runtime.expr.Comparisons;
import io.spate.table.runtime.expr.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rex.RexCall;

/** Compiles {@code ARRAY_CONTAINS}, {@code ARRAY_DISTINCT}, {@code CARDINALITY}, and the {@code MAP[...]} constructor. */
final class CollectionCallCompiler {

  /** The names of the functions this compiler compiles. */
  static final Set<String> NAMES = Set.of("ARRAY_CONTAINS", "ARRAY_DISTINCT", "CARDINALITY", "MAP");

  private final ExprCompiler compiler;

  CollectionCallCompiler(ExprCompiler compiler) {
    this.compiler = compiler;
  }

  /** {@code call} as an expression, or null if it is not a call of one of these functions. */
  Expr compile(String name, RexCall call) {
    List<Expr> args = compiler.compileAll(call.getOperands());
    switch (name) {
      case "ARRAY_CONTAINS": {
        Expr array = args.get(0);
        Expr element = args.get(1);
        return row -> {
          Object a = array.eval(row);
          if (a == null) {
            return null;
          }
          Object e = element.eval(row);
          for (Object item : (Object[]) a) {
            if (item == null ? e == null : e != null && Comparisons.equal(item, e)) {
              return true;
            }
          }
          return false;
        };
      }
      case "ARRAY_DISTINCT":
        return Calls.nullIfAny(args, a -> distinct((Object[]) a[0]));
      case "CARDINALITY":
        return Calls.nullIfAny(args, a -> a[0] instanceof Map<?, ?> map ? map.size() : ((Object[]) a[0]).length);
      case "MAP":
        return Calls.ofAll(args, a -> {
          Map<Object, Object> map = new LinkedHashMap<>();
          for (int i = 0; i + 1 < a.length; i += 2) {
            map.put(a[i], a[i + 1]);
          }
          return map;
        });
      default:
        return null;
    }
  }

  /** The elements in the order of their first occurrence, each once (NULL too). */
  private static Object[] distinct(Object[] array) {
    List<Object> kept = new ArrayList<>();
    for (Object item : array) {
      boolean seen = false;
      for (Object k : kept) {
        if (k == null ? item == null : item != null && Comparisons.equal(k, item)) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        kept.add(item);
      }
    }
    return kept.toArray();
  }
}
