package io.spate.table.runtime.expr.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.annotation.Internal;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The predicate of a JSON path filter step ({@code [?(@.price > 10 && @.tag == 'x')]}), with the
 * semantics of the Jayway paths Flink evaluates: a path that reaches nothing compares unequal to
 * everything (so {@code !=} holds), numbers compare as numbers (a string that is a number equals it),
 * strings compare as text, and values of other kinds are never less or greater than each other.
 */
@Internal
sealed interface JsonFilter extends Serializable {

  /** Whether the filter holds for {@code item} ({@code @}) in the document {@code root} ({@code $}). */
  boolean test(JsonNode item, JsonNode root);

  /** An operand of a comparison: a path from {@code @} or {@code $}, or a literal. */
  sealed interface Operand extends Serializable {
    /** The value, or null where a path reaches nothing. */
    JsonNode value(JsonNode item, JsonNode root);
  }

  /** {@code @.a.b} or {@code $.a[0]}. */
  record PathOperand(boolean fromRoot, JsonPath path) implements Operand {
    @Override
    public JsonNode value(JsonNode item, JsonNode root) {
      return path.follow(fromRoot ? root : item);
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }

  /** A number, string, boolean or null. */
  record Literal(JsonNode value) implements Operand {
    @Override
    public JsonNode value(JsonNode item, JsonNode root) {
      return value;
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** {@code left || right}. */
  record Or(JsonFilter left, JsonFilter right) implements JsonFilter {
    @Override
    public boolean test(JsonNode item, JsonNode root) {
      return left.test(item, root) || right.test(item, root);
    }

    @Override
    public String toString() {
      return "(" + left + " || " + right + ")";
    }
  }

  /** {@code left && right}. */
  record And(JsonFilter left, JsonFilter right) implements JsonFilter {
    @Override
    public boolean test(JsonNode item, JsonNode root) {
      return left.test(item, root) && right.test(item, root);
    }

    @Override
    public String toString() {
      return "(" + left + " && " + right + ")";
    }
  }

  /** {@code @.a} alone or {@code @.a exists true}: whether the path reaches something (JSON's null counts). */
  record Exists(PathOperand path, boolean expected) implements JsonFilter {
    @Override
    public boolean test(JsonNode item, JsonNode root) {
      return (path.value(item, root) != null) == expected;
    }

    @Override
    public String toString() {
      return path + " exists " + expected;
    }
  }

  /** {@code left op right} with {@code op} one of {@code == != < <= > >=}. */
  record Compare(Operand left, String op, Operand right) implements JsonFilter {
    @Override
    public boolean test(JsonNode item, JsonNode root) {
      JsonNode l = left.value(item, root);
      JsonNode r = right.value(item, root);
      switch (op) {
        case "==":
          return equal(l, r);
        case "!=":
          return !equal(l, r);
        default:
          Integer order = order(l, r);
          if (order == null) {
            return false;
          }
          return switch (op) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
          };
      }
    }

    private static boolean equal(JsonNode l, JsonNode r) {
      if (l == null || r == null) {
        return l == r;
      }
      BigDecimal ln = number(l);
      BigDecimal rn = number(r);
      if ((l.isNumber() || r.isNumber()) && ln != null && rn != null) {
        return ln.compareTo(rn) == 0;
      }
      return l.equals(r);
    }

    /** The order of two numbers or two strings; null for anything else. */
    private static Integer order(JsonNode l, JsonNode r) {
      if (l == null || r == null) {
        return null;
      }
      if (l.isNumber() && r.isNumber()) {
        return l.decimalValue().compareTo(r.decimalValue());
      }
      if (l.isTextual() && r.isTextual()) {
        return Integer.signum(l.textValue().compareTo(r.textValue()));
      }
      return null;
    }

    private static BigDecimal number(JsonNode node) {
      if (node.isNumber()) {
        return node.decimalValue();
      }
      if (node.isTextual()) {
        try {
          return new BigDecimal(node.textValue().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return left + " " + op + " " + right;
    }
  }
}
