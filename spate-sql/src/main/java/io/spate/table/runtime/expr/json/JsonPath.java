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
  private sealed interface Step extends Serializable permits Member, AnyMember, Index, AnyIndex {}

  private record Member(String name) implements Step {}

  private record AnyMember() implements Step {}

  private record Index(int index) implements Step {}

  private record AnyIndex() implements Step {}

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
    return steps.stream().noneMatch(step -> step instanceof AnyMember || step instanceof AnyIndex);
  }

  /** The path parsed from {@code text}; a malformed path fails naming the position and what was expected there. */
  public static JsonPath parse(String text) {
    return new Parser(text).parse();
  }

  /** The items the path selects in {@code root}; in strict mode a step that does not fit fails. */
  public List<JsonNode> evaluate(JsonNode root) {
    List<JsonNode> items = List.of(root);
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode item : items) {
        apply(step, item, next);
      }
      items = next;
    }
    return items;
  }

  private void apply(Step step, JsonNode item, List<JsonNode> out) {
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
