package io.spate.table.runtime.expr.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.annotation.Internal;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * An SQL/JSON path ({@code [lax|strict] $.a['b'][0][*].*}) and its evaluation over a parsed JSON
 * value: the sequence of items it selects. Without a mode the path is strict, as in Flink. In strict
 * mode a step that does not fit the data (a member of a non-object, a missing member, an index out of
 * range) is an error; in lax mode it selects nothing, a member step on an array applies to its
 * elements, and an index step on a non-array treats the item as an array of one.
 */
@Internal
public final class JsonPath implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A step of a path. */
  private sealed interface Step extends Serializable permits Member, AnyMember, Index, AnyIndex, Filter {}

  private record Member(String name) implements Step {}

  private record AnyMember() implements Step {}

  private record Index(int index) implements Step {}

  private record AnyIndex() implements Step {}

  /** {@code [?(predicate)]}: the elements of an array (or an object itself) that the predicate holds for. */
  private record Filter(JsonFilter predicate) implements Step {}

  private final String text;
  private final boolean strict;
  private final List<Step> steps;

  private JsonPath(String text, boolean strict, List<Step> steps) {
    this.text = text;
    this.strict = strict;
    this.steps = steps;
  }

  /** Whether the path is in strict mode. */
  public boolean isStrict() {
    return strict;
  }

  /**
   * Whether the path selects at most one item by its form: it has no wildcard step ({@code [*]} or
   * {@code .*}). {@code JSON_QUERY} returns what a path that is not definite selects as one array.
   */
  public boolean isDefinite() {
    return steps.stream().noneMatch(step -> step instanceof AnyMember || step instanceof AnyIndex
        || step instanceof Filter);
  }

  /**
   * Whether the path has a filter step ({@code [?(...)]}).
   */
  public boolean hasFilter() {
    return steps.stream().anyMatch(step -> step instanceof Filter);
  }

  /**
   * Whether the path selects one array of the items it reaches rather than the items: a path that is not
   * {@linkplain #isDefinite() definite}. As in Flink, whose paths are Jayway's, that array is there even
   * when it holds one item or none, so {@code JSON_VALUE} takes it for a non-scalar and {@code JSON_EXISTS}
   * for something found.
   */
  public boolean selectsArray() {
    return !isDefinite();
  }

  /** The path parsed from {@code text}; a malformed path fails naming the position and what was expected there. */
  public static JsonPath parse(String text) {
    return new Parser(text).parse();
  }

  /** The items the path selects in {@code root}; in strict mode a step that does not fit fails. */
  public List<JsonNode> evaluate(JsonNode root) {
    List<JsonNode> items = List.of(root);
    // After a filter a step that does not fit an item skips it, also in strict mode, as in Jayway's indefinite paths.
    boolean strictStep = strict;
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode item : items) {
        if (step instanceof Filter filter) {
          applyFilter(filter.predicate(), item, root, next);
        } else {
          apply(step, item, next, strictStep);
        }
      }
      strictStep &= !(step instanceof Filter);
      items = next;
    }
    return items;
  }

  /**
   * The item this path's steps (members and indexes only) reach from {@code item}, or null where they
   * reach nothing: how a filter reads {@code @.a.b}.
   */
  JsonNode follow(JsonNode item) {
    JsonNode current = item;
    for (Step step : steps) {
      if (step instanceof Member member) {
        current = current.isObject() ? current.get(member.name()) : null;
      } else if (step instanceof Index index) {
        current = current.isArray() && index.index() < current.size() ? current.get(index.index()) : null;
      }
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private void applyFilter(JsonFilter predicate, JsonNode item, JsonNode root, List<JsonNode> out) {
    if (item.isArray()) {
      for (JsonNode element : item) {
        if (predicate.test(element, root)) {
          out.add(element);
        }
      }
    } else if (item.isObject()) {
      if (predicate.test(item, root)) {
        out.add(item);
      }
    } else if (strict) {
      throw new JsonPathException("Filter " + predicate + " on the scalar " + item + " (path " + text + ")");
    }
  }

  private void apply(Step step, JsonNode item, List<JsonNode> out, boolean strict) {
    if (step instanceof Member member) {
      if (item.isObject()) {
        JsonNode value = item.get(member.name());
        if (value != null) {
          out.add(value);
        } else if (strict) {
          throw new JsonPathException("No member '" + member.name() + "' in " + item + " (path " + text + ")");
        }
      } else if (!strict && item.isArray()) {
        for (JsonNode element : item) {
          if (element.isObject() && element.get(member.name()) != null) {
            out.add(element.get(member.name()));
          }
        }
      } else if (strict) {
        throw new JsonPathException("Member '" + member.name() + "' of a non-object " + item + " (path " + text + ")");
      }
    } else if (step instanceof AnyMember) {
      if (item.isObject()) {
        Iterator<JsonNode> values = item.elements();
        values.forEachRemaining(out::add);
      } else if (!strict && item.isArray()) {
        for (JsonNode element : item) {
          if (element.isObject()) {
            element.elements().forEachRemaining(out::add);
          }
        }
      } else if (strict) {
        throw new JsonPathException("Members of a non-object " + item + " (path " + text + ")");
      }
    } else if (step instanceof Index index) {
      if (item.isArray()) {
        if (index.index() < item.size()) {
          out.add(item.get(index.index()));
        } else if (strict) {
          throw new JsonPathException("Index " + index.index() + " out of the bounds of " + item + " (path " + text
              + ")");
        }
      } else if (strict) {
        throw new JsonPathException("Index " + index.index() + " of a non-array " + item + " (path " + text + ")");
      } else if (index.index() == 0) {
        out.add(item);
      }
    } else {
      if (item.isArray()) {
        item.elements().forEachRemaining(out::add);
      } else if (strict) {
        throw new JsonPathException("Elements of a non-array " + item + " (path " + text + ")");
      } else {
        out.add(item);
      }
    }
  }

  @Override
  public String toString() {
    return text;
  }

  /** Reads a path from left to right. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    JsonPath parse() {
      skipSpaces();
      boolean strict = true;
      String rest = text.substring(pos).toLowerCase(Locale.ROOT);
      if (rest.startsWith("lax") && rest.length() > 3 && Character.isWhitespace(rest.charAt(3))) {
        strict = false;
        pos += 3;
      } else if (rest.startsWith("strict") && rest.length() > 6 && Character.isWhitespace(rest.charAt(6))) {
        pos += 6;
      }
      skipSpaces();
      expect('$', "'$' (the root), after an optional 'lax' or 'strict'");
      List<Step> steps = new ArrayList<>();
      while (true) {
        skipSpaces();
        if (pos >= text.length()) {
          return new JsonPath(text, strict, List.copyOf(steps));
        }
        char c = text.charAt(pos);
        if (c == '.') {
          pos++;
          if (peek() == '*') {
            pos++;
            steps.add(new AnyMember());
          } else if (peek() == '[') {
            pos++;
            steps.add(new Member(quoted()));
            skipSpaces();
            expect(']', "']'");
          } else if (peek() == '"' || peek() == '\'') {
            steps.add(new Member(quoted()));
          } else {
            steps.add(new Member(name()));
          }
        } else if (c == '[') {
          pos++;
          skipSpaces();
          char first = peek();
          if (first == '*') {
            pos++;
            steps.add(new AnyIndex());
          } else if (first == '\'' || first == '"') {
            steps.add(new Member(quoted()));
          } else if (first == '?') {
            pos++;
            skipSpaces();
            expect('(', "'(' after '?'");
            steps.add(new Filter(or()));
            skipSpaces();
            expect(')', "')' or an operator ('==', '!=', '<', '<=', '>', '>=', 'exists', '&&', '||')");
          } else {
            steps.add(new Index(number()));
          }
          skipSpaces();
          expect(']', "']'");
        } else {
          throw error("'.' or '['");
        }
      }
    }

    /** {@code and ('||' and)*} */
    private JsonFilter or() {
      JsonFilter left = and();
      while (true) {
        skipSpaces();
        if (!text.startsWith("||", pos)) {
          return left;
        }
        pos += 2;
        left = new JsonFilter.Or(left, and());
      }
    }

    /** {@code term ('&&' term)*} */
    private JsonFilter and() {
      JsonFilter left = term();
      while (true) {
        skipSpaces();
        if (!text.startsWith("&&", pos)) {
          return left;
        }
        pos += 2;
        left = new JsonFilter.And(left, term());
      }
    }

    /** {@code '(' or ')'}, {@code operand op operand}, or a path alone (whether it reaches something). */
    private JsonFilter term() {
      skipSpaces();
      if (peek() == '(') {
        pos++;
        JsonFilter inner = or();
        skipSpaces();
        expect(')', "')'");
        return inner;
      }
      int start = pos;
      JsonFilter.Operand left = operand();
      skipSpaces();
      String op = operator();
      if (op == null) {
        if (!(left instanceof JsonFilter.PathOperand path)) {
          pos = start;
          throw error("a path ('@' or '$') to test, or a comparison");
        }
        return new JsonFilter.Exists(path, true);
      }
      skipSpaces();
      int rightStart = pos;
      JsonFilter.Operand right = operand();
      if (op.equals("exists")) {
        if (!(left instanceof JsonFilter.PathOperand path)
            || !(right instanceof JsonFilter.Literal literal) || !literal.value().isBoolean()) {
          pos = rightStart;
          throw error("'true' or 'false' after 'exists', which tests a path");
        }
        return new JsonFilter.Exists(path, literal.value().booleanValue());
      }
      return new JsonFilter.Compare(left, op, right);
    }

    private String operator() {
      for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
        if (text.startsWith(op, pos)) {
          pos += op.length();
          return op;
        }
      }
      if (text.startsWith("exists", pos)) {
        pos += "exists".length();
        return "exists";
      }
      if (text.startsWith("=~", pos) || text.startsWith("=", pos)) {
        throw error("an operator Spate's JSON paths have: '==', '!=', '<', '<=', '>', '>=' or 'exists'");
      }
      return null;
    }

    /** {@code @} or {@code $} with member and index steps, a number, a quoted string, true, false or null. */
    private JsonFilter.Operand operand() {
      skipSpaces();
      char c = peek();
      int start = pos;
      if (c == '@' || c == '$') {
        pos++;
        List<Step> path = new ArrayList<>();
        while (peek() == '.' || peek() == '[') {
          if (peek() == '.') {
            pos++;
            path.add(new Member(peek() == '"' || peek() == '\'' ? quoted() : name()));
          } else {
            pos++;
            skipSpaces();
            path.add(peek() == '\'' || peek() == '"' ? new Member(quoted()) : new Index(number()));
            skipSpaces();
            expect(']', "']'");
          }
        }
        String written = text.substring(start, pos);
        return new JsonFilter.PathOperand(c == '$', new JsonPath(written, false, List.copyOf(path)));
      }
      if (c == '\'' || c == '"') {
        return new JsonFilter.Literal(com.fasterxml.jackson.databind.node.TextNode.valueOf(quoted()));
      }
      if (c == '-' || Character.isDigit(c)) {
        pos++;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE+-".indexOf(text.charAt(pos)) >= 0)) {
          pos++;
        }
        try {
          return new JsonFilter.Literal(com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
              new java.math.BigDecimal(text.substring(start, pos))));
        } catch (NumberFormatException e) {
          pos = start;
          throw error("a number");
        }
      }
      for (String word : List.of("true", "false", "null")) {
        if (text.startsWith(word, pos)) {
          pos += word.length();
          com.fasterxml.jackson.databind.node.JsonNodeFactory nodes =
              com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
          return new JsonFilter.Literal(word.equals("null") ? nodes.nullNode() : nodes.booleanNode(word.equals("true")));
        }
      }
      throw error("'@', '$', a number, a quoted string, true, false or null");
    }

    private String name() {
      int start = pos;
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
          || text.charAt(pos) == '$')) {
        pos++;
      }
      if (pos == start) {
        throw error("a member name");
      }
      return text.substring(start, pos);
    }

    private String quoted() {
      skipSpaces();
      char quote = peek();
      if (quote != '\'' && quote != '"') {
        throw error("a quoted member name");
      }
      pos++;
      StringBuilder name = new StringBuilder();
      while (pos < text.length() && text.charAt(pos) != quote) {
        char c = text.charAt(pos++);
        if (c == '\\' && pos < text.length()) {
          c = text.charAt(pos++);
        }
        name.append(c);
      }
      if (pos >= text.length()) {
        throw error("the closing " + quote);
      }
      pos++;
      return name.toString();
    }

    private int number() {
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos == start) {
        throw error("an array index (a number), '*' or a quoted member name");
      }
      try {
        return Integer.parseInt(text.substring(start, pos));
      } catch (NumberFormatException e) {
        pos = start;
        throw error("an array index that fits an INT");
      }
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c, String what) {
      if (peek() != c) {
        throw error(what);
      }
      pos++;
    }

    private void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private JsonPathException error(String expected) {
      String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end";
      return new JsonPathException("Invalid JSON path '" + text + "': expected " + expected + " at position "
          + (pos + 1) + ", found " + found);
    }
  }
}
