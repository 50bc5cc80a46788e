package io.spate.table.types.logical.utils;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.BinaryType;
import io.spate.table.types.logical.BooleanType;
import io.spate.table.types.logical.CharType;
import io.spate.table.types.logical.DateType;
import io.spate.table.types.logical.DayTimeIntervalType;
import io.spate.table.types.logical.DayTimeIntervalType.DayTimeResolution;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.DoubleType;
import io.spate.table.types.logical.FloatType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.NullType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.RowType.RowField;
import io.spate.table.types.logical.SmallIntType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.TinyIntType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.types.logical.YearMonthIntervalType;
import io.spate.table.types.logical.YearMonthIntervalType.YearMonthResolution;
import io.spate.table.utils.NearestName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Parses Flink's type strings, such as {@code DECIMAL(10, 2) NOT NULL}, {@code MAP<STRING, INT>} or
 * {@code ROW<`user id` BIGINT 'the buyer', tags ARRAY<STRING>>}, into logical types. Keywords are
 * case-insensitive; field names keep their case and may be backquoted. What
 * {@link LogicalType#asSerializableString()} prints parses back to an equal type.
 */
@PublicEvolving
public final class LogicalTypeParser {

  /** The names a type may start with, for the "did you mean" of an unknown one. */
  private static final List<String> TYPE_NAMES = List.of(
      "CHAR", "CHARACTER", "VARCHAR", "STRING", "BOOLEAN", "BINARY", "VARBINARY", "BYTES", "DECIMAL", "DEC",
      "NUMERIC", "TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT", "FLOAT", "DOUBLE", "DATE", "TIME", "TIMESTAMP",
      "TIMESTAMP_LTZ", "INTERVAL", "ARRAY", "MULTISET", "MAP", "ROW", "NULL");

  /** Type names Flink knows that Spate does not support yet. */
  private static final List<String> UNSUPPORTED_TYPE_NAMES =
      List.of("RAW", "LEGACY", "DESCRIPTOR", "SYMBOL", "VARIANT", "STRUCTURED");

  private final String input;
  private final List<Token> tokens;
  private int next;

  private LogicalTypeParser(String input) {
    this.input = input;
    this.tokens = new Tokenizer(input).tokens();
  }

  /**
   * The logical type {@code typeString} describes.
   *
   * @throws ValidationException if it is not a type string; the message names the position (counted from 1) and
   *     what was expected there
   */
  public static LogicalType parse(String typeString) {
    if (typeString == null) {
      throw new ValidationException("A type string is required, got null.");
    }
    LogicalTypeParser parser = new LogicalTypeParser(typeString);
    LogicalType type = parser.parseTypeWithNullability();
    Token end = parser.peek();
    if (end.kind != TokenKind.END) {
      throw parser.error(end, "Unexpected " + end.describe() + " after the type " + type.asSerializableString());
    }
    return type;
  }

  private LogicalType parseTypeWithNullability() {
    LogicalType type = parseNullability(parseTypeByKeyword());
    // A collection may also be written as a suffix: INT ARRAY, STRING NOT NULL MULTISET NOT NULL.
    while (true) {
      if (peekKeyword("ARRAY")) {
        next++;
        type = parseNullability(new ArrayType(type));
      } else if (peekKeyword("MULTISET")) {
        next++;
        type = parseNullability(new MultisetType(type));
      } else {
        return type;
      }
    }
  }

  private LogicalType parseNullability(LogicalType type) {
    Token token = peek();
    if (peekKeyword("NOT")) {
      next++;
      expectKeyword("NULL");
      if (type instanceof NullType) {
        throw error(token, "The NULL type is always nullable, so NOT NULL cannot follow it");
      }
      return type.copy(false);
    }
    if (peekKeyword("NULL")) {
      next++;
      return type.copy(true);
    }
    return type;
  }

  private LogicalType parseTypeByKeyword() {
    Token token = peek();
    if (token.kind != TokenKind.IDENTIFIER) {
      throw error(token, "Expected a type name, found " + token.describe());
    }
    next++;
    String keyword = token.text.toUpperCase(Locale.ROOT);
    switch (keyword) {
      case "CHAR":
      case "CHARACTER":
        if (acceptKeyword("VARYING")) {
          return parseLength(token, VarCharType::new);
        }
        return parseLength(token, CharType::new);
      case "VARCHAR":
        return parseLength(token, VarCharType::new);
      case "STRING":
        return VarCharType.STRING_TYPE;
      case "BOOLEAN":
        return new BooleanType();
      case "BINARY":
        if (acceptKeyword("VARYING")) {
          return parseLength(token, VarBinaryType::new);
        }
        return parseLength(token, BinaryType::new);
      case "VARBINARY":
        return parseLength(token, VarBinaryType::new);
      case "BYTES":
        return new VarBinaryType(VarBinaryType.MAX_LENGTH);
      case "DECIMAL":
      case "DEC":
      case "NUMERIC":
        return parseDecimal(token);
      case "TINYINT":
        return new TinyIntType();
      case "SMALLINT":
        return new SmallIntType();
      case "INT":
      case "INTEGER":
        return new IntType();
      case "BIGINT":
        return new BigIntType();
      case "FLOAT":
        return new FloatType();
      case "DOUBLE":
        acceptKeyword("PRECISION");
        return new DoubleType();
      case "DATE":
        return new DateType();
      case "TIME":
        return parseTime(token);
      case "TIMESTAMP":
        return parseTimestamp(token);
      case "TIMESTAMP_LTZ":
        return construct(token, () -> new LocalZonedTimestampType(
            optionalPrecision(LocalZonedTimestampType.DEFAULT_PRECISION)));
      case "INTERVAL":
        return parseInterval(token);
      case "ARRAY":
        return new ArrayType(parseSingleTypeArgument("ARRAY"));
      case "MULTISET":
        return new MultisetType(parseSingleTypeArgument("MULTISET"));
      case "MAP":
        return parseMap();
      case "ROW":
        return parseRow(token);
      case "NULL":
        return new NullType();
      default:
        throw unknownType(token, keyword);
    }
  }

  private ValidationException unknownType(Token token, String keyword) {
    if (UNSUPPORTED_TYPE_NAMES.contains(keyword)) {
      return error(token, "The type " + keyword + " is not supported by Spate SQL yet");
    }
    String message = "Unknown type '" + token.text + "'";
    return error(token, message, NearestName.of(token.text, TYPE_NAMES).map(name -> "did you mean " + name + "?")
        .orElse("expected a type name such as INT, STRING, DECIMAL(10, 2), ARRAY<INT> or ROW<a INT>"));
  }

  /** A string type with its length in parentheses, or of length 1 without. */
  private LogicalType parseLength(Token typeToken, IntFunction<LogicalType> create) {
    int length = optionalPrecision(CharType.DEFAULT_LENGTH);
    return construct(typeToken, () -> create.apply(length));
  }

  private LogicalType parseDecimal(Token typeToken) {
    int precision = DecimalType.DEFAULT_PRECISION;
    int scale = DecimalType.DEFAULT_SCALE;
    if (acceptSymbol("(")) {
      precision = expectInteger();
      if (acceptSymbol(",")) {
        scale = expectInteger();
      }
      expectSymbol(")");
    }
    int p = precision;
    int s = scale;
    return construct(typeToken, () -> new DecimalType(p, s));
  }

  private LogicalType parseTime(Token typeToken) {
    int precision = optionalPrecision(TimeType.DEFAULT_PRECISION);
    Token zone = peek();
    if (acceptKeyword("WITHOUT")) {
      expectKeyword("TIME");
      expectKeyword("ZONE");
    } else if (acceptKeyword("WITH")) {
      throw error(zone, "TIME WITH TIME ZONE is not a supported type; use TIME(p) or TIMESTAMP_LTZ(p)");
    }
    return construct(typeToken, () -> new TimeType(precision));
  }

  private LogicalType parseTimestamp(Token typeToken) {
    int precision = optionalPrecision(TimestampType.DEFAULT_PRECISION);
    Token zone = peek();
    if (acceptKeyword("WITHOUT")) {
      expectKeyword("TIME");
      expectKeyword("ZONE");
    } else if (acceptKeyword("WITH")) {
      if (acceptKeyword("LOCAL")) {
        expectKeyword("TIME");
        expectKeyword("ZONE");
        return construct(typeToken, () -> new LocalZonedTimestampType(precision));
      }
      throw error(zone, "TIMESTAMP WITH TIME ZONE is not supported by Spate SQL yet; use TIMESTAMP(p) WITH LOCAL"
          + " TIME ZONE (TIMESTAMP_LTZ(p))");
    }
    return construct(typeToken, () -> new TimestampType(precision));
  }

  /**
   * {@code INTERVAL YEAR(p) TO MONTH}, {@code INTERVAL DAY(p1) TO SECOND(p2)} and the other interval types: the
   * precision of days or years follows the first unit, the fractional precision follows SECOND.
   */
  private LogicalType parseInterval(Token typeToken) {
    String from = intervalUnit(peek(), "a unit after INTERVAL (YEAR, MONTH, DAY, HOUR, MINUTE or SECOND)");
    switch (from) {
      case "YEAR": {
        int precision = optionalPrecision(YearMonthIntervalType.DEFAULT_PRECISION);
        YearMonthResolution resolution = YearMonthResolution.YEAR;
        if (acceptKeyword("TO")) {
          expectKeyword("MONTH");
          resolution = YearMonthResolution.YEAR_TO_MONTH;
        }
        YearMonthResolution r = resolution;
        return construct(typeToken, () -> new YearMonthIntervalType(true, r, precision));
      }
      case "MONTH":
        return new YearMonthIntervalType(YearMonthResolution.MONTH);
      case "SECOND": {
        int fractional = optionalPrecision(DayTimeIntervalType.DEFAULT_FRACTIONAL_PRECISION);
        return construct(typeToken, () -> new DayTimeIntervalType(DayTimeResolution.SECOND,
            DayTimeIntervalType.DEFAULT_DAY_PRECISION, fractional));
      }
      default:
        break;
    }
    int dayPrecision = from.equals("DAY") ? optionalPrecision(DayTimeIntervalType.DEFAULT_DAY_PRECISION)
        : DayTimeIntervalType.DEFAULT_DAY_PRECISION;
    String to = null;
    int fractional = DayTimeIntervalType.DEFAULT_FRACTIONAL_PRECISION;
    if (acceptKeyword("TO")) {
      Token unit = peek();
      to = intervalUnit(unit, "a smaller unit than " + from + " after TO");
      if (List.of("YEAR", "MONTH", "DAY").contains(to) || to.equals(from) || from.equals("MINUTE") && !to.equals("SECOND")) {
        throw error(unit, "An interval cannot run from " + from + " to " + to + "; the unit after TO must be smaller"
            + " than " + from);
      }
      if (to.equals("SECOND")) {
        fractional = optionalPrecision(DayTimeIntervalType.DEFAULT_FRACTIONAL_PRECISION);
      }
    }
    DayTimeResolution resolution = DayTimeResolution.valueOf(to == null ? from : from + "_TO_" + to);
    int f = fractional;
    return construct(typeToken, () -> new DayTimeIntervalType(true, resolution, dayPrecision, f));
  }

  /** The interval unit at {@code token}, consumed; anything else fails naming what was {@code expected}. */
  private String intervalUnit(Token token, String expected) {
    if (token.kind == TokenKind.IDENTIFIER) {
      String unit = token.text.toUpperCase(Locale.ROOT);
      if (List.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND").contains(unit)) {
        next++;
        return unit;
      }
    }
    throw error(token, "Expected " + expected + ", found " + token.describe());
  }

  private LogicalType parseSingleTypeArgument(String typeName) {
    expectSymbol("<", "'<' after " + typeName + ", as in " + typeName + "<INT>");
    LogicalType element = parseTypeWithNullability();
    expectSymbol(">");
    return element;
  }

  private LogicalType parseMap() {
    expectSymbol("<", "'<' after MAP, as in MAP<STRING, INT>");
    LogicalType key = parseTypeWithNullability();
    expectSymbol(",", "',' between the key and the value type of MAP<key, value>");
    LogicalType value = parseTypeWithNullability();
    expectSymbol(">");
    return new MapType(key, value);
  }

  private LogicalType parseRow(Token rowToken) {
    Token open = peek();
    String close;
    if (acceptSymbol("<")) {
      close = ">";
    } else if (acceptSymbol("(")) {
      close = ")";
    } else {
      throw error(open, "Expected '<' or '(' after ROW, as in ROW<a INT, b STRING>, found " + open.describe());
    }
    List<RowField> fields = new ArrayList<>();
    if (!acceptSymbol(close)) {
      do {
        fields.add(parseField());
      } while (acceptSymbol(","));
      expectSymbol(close, "',' or '" + close + "' in the field list of ROW");
    }
    return construct(rowToken, () -> new RowType(fields));
  }

  private RowField parseField() {
    Token name = peek();
    if (name.kind != TokenKind.IDENTIFIER && name.kind != TokenKind.QUOTED_IDENTIFIER) {
      throw error(name, "Expected a field name, found " + name.describe());
    }
    next++;
    LogicalType type = parseTypeWithNullability();
    String description = null;
    if (peek().kind == TokenKind.STRING) {
      description = tokens.get(next++).text;
    }
    return new RowField(name.text, type, description);
  }

  /** A parenthesized number if there is one, else {@code absent}. */
  private int optionalPrecision(int absent) {
    if (!acceptSymbol("(")) {
      return absent;
    }
    int value = expectInteger();
    expectSymbol(")");
    return value;
  }

  /** Runs a type's constructor, turning its complaint about a parameter into an error at the type's position. */
  private LogicalType construct(Token typeToken, Supplier<LogicalType> constructor) {
    try {
      return constructor.get();
    } catch (ValidationException e) {
      throw new ValidationException("Invalid type at position " + typeToken.position + " in type string '" + input
          + "': " + e.getMessage(), e);
    }
  }

  private int expectInteger() {
    Token token = peek();
    if (token.kind != TokenKind.INTEGER) {
      throw error(token, "Expected a number, found " + token.describe());
    }
    next++;
    try {
      return Integer.parseInt(token.text);
    } catch (NumberFormatException e) {
      throw error(token, "The number " + token.text + " is too large; the largest is " + Integer.MAX_VALUE);
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private boolean peekKeyword(String keyword) {
    Token token = peek();
    return token.kind == TokenKind.IDENTIFIER && token.text.equalsIgnoreCase(keyword);
  }

  private boolean acceptKeyword(String keyword) {
    if (peekKeyword(keyword)) {
      next++;
      return true;
    }
    return false;
  }

  private void expectKeyword(String keyword) {
    Token token = peek();
    if (!acceptKeyword(keyword)) {
      throw error(token, "Expected " + keyword + ", found " + token.describe());
    }
  }

  private boolean acceptSymbol(String symbol) {
    Token token = peek();
    if (token.kind == TokenKind.SYMBOL && token.text.equals(symbol)) {
      next++;
      return true;
    }
    return false;
  }

  private void expectSymbol(String symbol) {
    expectSymbol(symbol, "'" + symbol + "'");
  }

  private void expectSymbol(String symbol, String expected) {
    Token token = peek();
    if (!acceptSymbol(symbol)) {
      throw error(token, "Expected " + expected + ", found " + token.describe());
    }
  }

  private ValidationException error(Token token, String message) {
    return new ValidationException(message + " at position " + token.position + " in type string '" + input + "'.");
  }

  private ValidationException error(Token token, String message, String hint) {
    return new ValidationException(
        message + " at position " + token.position + " in type string '" + input + "'; " + hint);
  }

  private enum TokenKind {
    IDENTIFIER,
    QUOTED_IDENTIFIER,
    INTEGER,
    STRING,
    SYMBOL,
    END
  }

  /** A piece of the type string; {@code position} counts characters from 1. */
  private static final class Token {
    final TokenKind kind;
    final String text;
    final int position;

    Token(TokenKind kind, String text, int position) {
      this.kind = kind;
      this.text = text;
      this.position = position;
    }

    String describe() {
      switch (kind) {
        case END:
          return "the end of the type string";
        case QUOTED_IDENTIFIER:
          return "the name `" + text + "`";
        case STRING:
          return "the text '" + text + "'";
        default:
          return "'" + text + "'";
      }
    }
  }

  /** Splits a type string into names, `quoted names`, numbers, 'texts' and the symbols {@code < > ( ) ,}. */
  private final class Tokenizer {
    private final String text;
    private int at;

    Tokenizer(String text) {
      this.text = text;
    }

    List<Token> tokens() {
      List<Token> result = new ArrayList<>();
      while (true) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
          at++;
        }
        if (at == text.length()) {
          result.add(new Token(TokenKind.END, "", at + 1));
          return result;
        }
        result.add(nextToken());
      }
    }

    private Token nextToken() {
      int start = at;
      char c = text.charAt(at);
      if (Character.isLetter(c) || c == '_') {
        while (at < text.length() && isNamePart(text.charAt(at))) {
          at++;
        }
        return new Token(TokenKind.IDENTIFIER, text.substring(start, at), start + 1);
      }
      if (Character.isDigit(c)) {
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
          at++;
        }
        return new Token(TokenKind.INTEGER, text.substring(start, at), start + 1);
      }
      if (c == '`') {
        return new Token(TokenKind.QUOTED_IDENTIFIER, quoted('`', "backquoted name"), start + 1);
      }
      if (c == '\'') {
        return new Token(TokenKind.STRING, quoted('\'', "text"), start + 1);
      }
      if ("<>(),".indexOf(c) >= 0) {
        at++;
        return new Token(TokenKind.SYMBOL, String.valueOf(c), start + 1);
      }
      throw new ValidationException("Unexpected character '" + c + "' at position " + (start + 1)
          + " in type string '" + input + "'; expected a type name, a number or one of < > ( ) ,");
    }

    private boolean isNamePart(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The text between a pair of quote characters, a doubled quote standing for one. */
    private String quoted(char quote, String what) {
      int start = at;
      StringBuilder value = new StringBuilder();
      at++;
      while (true) {
        if (at == text.length()) {
          throw new ValidationException("Unterminated " + what + " starting at position " + (start + 1)
              + " in type string '" + input + "'; expected a closing " + quote);
        }
        char c = text.charAt(at++);
        if (c != quote) {
          value.append(c);
        } else if (at < text.length() && text.charAt(at) == quote) {
          value.append(quote);
          at++;
        } else {
          return value.toString();
        }
      }
    }
  }
}
