package io.spate.table.planner.codegen;

import io.spate.table.runtime.expr.CachedDateFormatter;
import io.spate.table.functions.UserDefinedFunction;
import io.spate.table.planner.functions.FunctionSignature;
import io.spate.table.planner.functions.UserScalarSqlFunction;
import io.spate.table.runtime.functions.FunctionInvoker;
import io.spate.table.runtime.functions.OpenedFunction;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexShuttle;
import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.runtime.expr.Casts;
import io.spate.table.runtime.expr.Comparisons;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.expr.FlinkStringTimeFunctions;
import io.spate.table.runtime.expr.PatternCache;
import java.time.format.DateTimeFormatter;
import io.spate.table.runtime.expr.Numbers;
import io.spate.table.runtime.expr.StringFunctions;
import io.spate.table.runtime.expr.TimeFunctions;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.expr.ValueType.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Compiles Calcite's row expressions ({@link RexNode}) into {@link Expr}s that evaluate them over
 * Spate's rows with SQL's semantics: three-valued logic, NULL in, NULL out for most functions, and
 * results in the class and precision of the expression's type. An operator it does not know fails
 * the planning, naming the operator.
 */
@Internal
public final class ExprCompiler {

  private final RexBuilder rexBuilder;
  private final ZoneId zone;

  private final Map<UserDefinedFunction, OpenedFunction> openedFunctions = new IdentityHashMap<>();

  /** A compiler for expressions of a session whose local time zone is {@code zone}. */
  public ExprCompiler(RexBuilder rexBuilder, ZoneId zone) {
    this.rexBuilder = rexBuilder;
    this.zone = zone;
  }

  /** {@code node} as an evaluable expression. */
  public Expr compile(RexNode node) {
    return compileNode(RexUtil.expandSearch(rexBuilder, null, node));
  }

  /** Each of {@code nodes} as an evaluable expression. */
  public List<Expr> compileAll(List<? extends RexNode> nodes) {
    List<Expr> exprs = new ArrayList<>(nodes.size());
    for (RexNode node : nodes) {
      exprs.add(compile(node));
    }
    return exprs;
  }

  /** The builder of the expressions this compiler compiles (for the code generator's rewrites). */
  RexBuilder rexBuilder() {
    return rexBuilder;
  }

  /** The session's local time zone, in which this compiler's expressions evaluate. */
  ZoneId zone() {
    return zone;
  }

  private Expr compileNode(RexNode node) {
    if (node instanceof RexInputRef ref) {
      int index = ref.getIndex();
      return row -> row.getField(index);
    }
    if (node instanceof RexLiteral literal) {
      Object value = literalValue(literal);
      return row -> value;
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    if (node instanceof RexFieldAccess access) {
      Expr reference = compileNode(access.getReferenceExpr());
      int index = access.getField().getIndex();
      return row -> {
        Object nested = reference.eval(row);
        return nested == null ? null : ((Row) nested).getField(index);
      };
    }
    throw new TableException("Spate SQL cannot evaluate the expression " + node + " yet (" + node.getKind() + ")");
  }

  /** A call of a user's scalar function: the {@code eval} method its argument types pick. */
  private Expr userFunction(RexCall call, UserScalarSqlFunction function) {
    List<RelDataType> argumentTypes = call.getOperands().stream().map(RexNode::getType).toList();
    FunctionSignature signature = function.signatureFor(argumentTypes);
    if (signature == null) {
      throw new TableException("No eval method of " + function.function().functionIdentifier() + " takes " + call);
    }
    FunctionInvoker invoker = new FunctionInvoker(opened(function.function()), signature.method());
    Expr[] arguments = compileAll(call.getOperands()).toArray(new Expr[0]);
    return row -> {
      Object[] values = new Object[arguments.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = arguments[i].eval(row);
      }
      Object result = invoker.invoke(values);
      return result == FunctionInvoker.SKIPPED ? null : result;
    };
  }

  /** The opened form of {@code function} that this compiler's expressions call, and its calc opens and closes. */
  OpenedFunction opened(UserDefinedFunction function) {
    return openedFunctions.computeIfAbsent(function, OpenedFunction::new);
  }

  /**
   * The user functions {@code nodes} call, as the expressions this compiler made from them hold them,
   * for the operator that runs the expressions to open and close.
   */
  public List<OpenedFunction> userFunctionsOf(List<? extends RexNode> nodes) {
    Set<OpenedFunction> found = new LinkedHashSet<>();
    new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        if (call.getOperator() instanceof UserScalarSqlFunction function) {
          found.add(opened(function.function()));
        }
        return super.visitCall(call);
      }
    }.apply(new ArrayList<>(nodes));
    return new ArrayList<>(found);
  }

  /** The value of {@code literal} in the run-time class of its type. */
  Object literalValue(RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    SqlTypeName type = literal.getType().getSqlTypeName();
    switch (type) {
      case BOOLEAN:
        return literal.getValueAs(Boolean.class);
      case TINYINT:
        return literal.getValueAs(Byte.class);
      case SMALLINT:
        return literal.getValueAs(Short.class);
      case INTEGER:
        return literal.getValueAs(Integer.class);
      case BIGINT:
        return literal.getValueAs(Long.class);
      case FLOAT:
      case REAL:
        return literal.getValueAs(Float.class);
      case DOUBLE:
        return literal.getValueAs(Double.class);
      case DECIMAL:
        return literal.getValueAs(BigDecimal.class);
      case CHAR:
      case VARCHAR:
        return literal.getValueAs(String.class);
      case BINARY:
      case VARBINARY:
        return literal.getValueAs(byte[].class);
      case DATE:
        return LocalDate.parse(literal.getValueAs(DateString.class).toString());
      case TIME:
        return LocalTime.parse(literal.getValueAs(TimeString.class).toString());
      case TIMESTAMP:
        return Casts.cast(literal.getValueAs(TimestampString.class).toString(), ValueType.of(Kind.VARCHAR),
            ValueTypes.of(literal.getType()), zone);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        // Through its text, not its epoch milliseconds: a TIMESTAMP_LTZ(6) or (9) constant keeps its micros and nanos.
        return LocalDateTime.parse(literal.getValueAs(TimestampString.class).toString().replace(' ', 'T'))
            .toInstant(java.time.ZoneOffset.UTC);
      case SYMBOL:
        return literal.getValue();
      default:
        if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(type)) {
          return literal.getValueAs(Integer.class);
        }
        if (SqlTypeName.DAY_INTERVAL_TYPES.contains(type)) {
          return literal.getValueAs(Long.class);
        }
        Object value = literal.getValue();
        return value instanceof NlsString s ? s.getValue() : value;
    }
  }

  private Expr call(RexCall call) {
    if (call.getOperator() instanceof UserScalarSqlFunction function) {
      return userFunction(call, function);
    }
    if (JsonCallCompiler.handles(call)) {
      return new JsonCallCompiler(this, zone).compile(call);
    }
    if (BuiltInCallCompiler.handles(call)) {
      return new BuiltInCallCompiler(this).compile(call);
    }
    ValueType type = ValueTypes.of(call.getType());
    List<RexNode> operands = call.getOperands();
    SqlKind kind = call.getKind();
    switch (kind) {
      case PLUS:
      case MINUS:
        if (isDatetime(operands.get(0)) || isDatetime(operands.get(1))) {
          return datetimePlus(call, kind == SqlKind.MINUS);
        }
        return arithmetic(call, type);
      case TIMES:
      case DIVIDE:
      case MOD:
        return arithmetic(call, type);
      case MINUS_PREFIX: {
        Expr operand = compileNode(operands.get(0));
        return row -> Numbers.negate(operand.eval(row), type);
      }
      case PLUS_PREFIX:
        return compileNode(operands.get(0));
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(kind, compileNode(operands.get(0)), compileNode(operands.get(1)));
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM: {
        Expr left = compileNode(operands.get(0));
        Expr right = compileNode(operands.get(1));
        boolean distinct = kind == SqlKind.IS_DISTINCT_FROM;
        return row -> {
          Object a = left.eval(row);
          Object b = right.eval(row);
          boolean same = a == null ? b == null : b != null && Comparisons.equal(a, b);
          return same != distinct;
        };
      }
      case AND:
        return and(compileEach(operands));
      case OR:
        return or(compileEach(operands));
      case NOT: {
        Expr operand = compileNode(operands.get(0));
        return row -> {
          Object value = operand.eval(row);
          return value == null ? null : !(Boolean) value;
        };
      }
      case IS_NULL: {
        Expr operand = compileNode(operands.get(0));
        return row -> operand.eval(row) == null;
      }
      case IS_NOT_NULL: {
        Expr operand = compileNode(operands.get(0));
        return row -> operand.eval(row) != null;
      }
      case IS_TRUE: {
        Expr operand = compileNode(operands.get(0));
        return row -> Boolean.TRUE.equals(operand.eval(row));
      }
      case IS_NOT_TRUE: {
        Expr operand = compileNode(operands.get(0));
        return row -> !Boolean.TRUE.equals(operand.eval(row));
      }
      case IS_FALSE: {
        Expr operand = compileNode(operands.get(0));
        return row -> Boolean.FALSE.equals(operand.eval(row));
      }
      case IS_NOT_FALSE: {
        Expr operand = compileNode(operands.get(0));
        return row -> !Boolean.FALSE.equals(operand.eval(row));
      }
      case CASE:
        return caseWhen(compileEach(operands), type);
      case CAST:
      case SAFE_CAST: {
        Expr operand = compileNode(operands.get(0));
        ValueType from = ValueTypes.of(operands.get(0).getType());
        ZoneId sessionZone = zone;
        if (kind == SqlKind.SAFE_CAST) {
          return row -> {
            try {
              return Casts.cast(operand.eval(row), from, type, sessionZone);
            } catch (RuntimeException e) {
              return null;
            }
          };
        }
        return row -> Casts.cast(operand.eval(row), from, type, sessionZone);
      }
      case LIKE:
        return like(call);
      case REINTERPRET: {
        // The same value as another type: an interval's months or milliseconds as a number (TIMESTAMPDIFF).
        Expr operand = compileNode(operands.get(0));
        ValueType target = ValueTypes.of(call.getType());
        if (!target.kind().isNumeric()) {
          return operand;
        }
        return row -> {
          Object v = operand.eval(row);
          return v instanceof Number n ? Numbers.convert(n, target) : v;
        };
      }
      case COALESCE: {
        List<Expr> exprs = compileEach(operands);
        return row -> {
          for (Expr expr : exprs) {
            Object value = expr.eval(row);
            if (value != null) {
              return value;
            }
          }
          return null;
        };
      }
      case EXTRACT:
        return extract(call);
      case ROW: {
        List<Expr> fields = compileEach(operands);
        return row -> {
          Row result = new Row(fields.size());
          for (int i = 0; i < fields.size(); i++) {
            result.setField(i, fields.get(i).eval(row));
          }
          return result;
        };
      }
      case ARRAY_VALUE_CONSTRUCTOR: {
        List<Expr> elements = compileEach(operands);
        return row -> {
          Object[] array = new Object[elements.size()];
          for (int i = 0; i < array.length; i++) {
            array[i] = elements.get(i).eval(row);
          }
          return array;
        };
      }
      case ITEM:
        return item(call);
      default:
        return function(call, type);
    }
  }

  private Expr function(RexCall call, ValueType type) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    List<Expr> args = compileEach(call.getOperands());
    switch (name) {
      case "||":
      case "CONCAT":
        return row -> {
          StringBuilder out = new StringBuilder();
          for (Expr arg : args) {
            Object value = arg.eval(row);
            if (value == null) {
              return null;
            }
            out.append(value);
          }
          return out.toString();
        };
      case "CAST_TIME_ATTRIBUTE": // a CAST of a time attribute to its own type: the value as it is
        return args.get(0);
      case "UPPER":
        return unary(args, value -> ((String) value).toUpperCase(Locale.ROOT));
      case "LOWER":
        return unary(args, value -> ((String) value).toLowerCase(Locale.ROOT));
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
        return unary(args, value -> ((String) value).codePointCount(0, ((String) value).length()));
      case "INITCAP":
        return unary(args, value -> StringFunctions.initcap((String) value));
      case "SUBSTRING":
        return row -> {
          Object value = args.get(0).eval(row);
          Object start = args.get(1).eval(row);
          Object length = args.size() > 2 ? args.get(2).eval(row) : Integer.MAX_VALUE;
          if (value == null || start == null || length == null) {
            return null;
          }
          return StringFunctions.substring((String) value, ((Number) start).intValue(), ((Number) length).intValue());
        };
      case "TRIM":
        return row -> {
          Object flag = args.get(0).eval(row);
          Object chars = args.get(1).eval(row);
          Object value = args.get(2).eval(row);
          if (chars == null || value == null) {
            return null;
          }
          return StringFunctions.trim(String.valueOf(flag), (String) chars, (String) value);
        };
      case "POSITION":
        return row -> {
          Object needle = args.get(0).eval(row);
          Object haystack = args.get(1).eval(row);
          if (needle == null || haystack == null) {
            return null;
          }
          return ((String) haystack).indexOf((String) needle) + 1;
        };
      case "REPLACE":
        return row -> {
          Object value = args.get(0).eval(row);
          Object search = args.get(1).eval(row);
          Object replacement = args.get(2).eval(row);
          if (value == null || search == null || replacement == null) {
            return null;
          }
          return ((String) value).replace((String) search, (String) replacement);
        };
      case "ABS":
        return unary(args, value -> Numbers.compare((Number) value, 0) < 0 ? Numbers.negate(value, type)
            : Numbers.convert((Number) value, type));
      case "SIGN":
        // the argument's type, as in Flink: -1, 0 or 1 (a decimal keeps its scale, a double may be -0.0 or NaN)
        return unary(args, value -> value instanceof Double || value instanceof Float
            ? Numbers.convert(Math.signum(((Number) value).doubleValue()), type)
            : Numbers.convert(Numbers.toBigDecimal(value).signum(), type));
      case "POWER":
        return binary(args, (a, b) -> Math.pow(((Number) a).doubleValue(), ((Number) b).doubleValue()));
      case "SQRT":
        return unary(args, value -> Math.sqrt(((Number) value).doubleValue()));
      case "EXP":
        return unary(args, value -> Math.exp(((Number) value).doubleValue()));
      case "LN":
        return unary(args, value -> Math.log(((Number) value).doubleValue()));
      case "LOG10":
        return unary(args, value -> Math.log10(((Number) value).doubleValue()));
      case "FLOOR":
      case "CEIL":
        if (call.getOperands().size() == 2) {
          TimeUnitRange unit = (TimeUnitRange) literalValue((RexLiteral) call.getOperands().get(1));
          boolean floor = name.equals("FLOOR");
          return unary(args.subList(0, 1), value -> TimeFunctions.floorOrCeil(value, unit, floor));
        }
        boolean floor = name.equals("FLOOR");
        return unary(args, value -> value instanceof BigDecimal d
            ? Numbers.convert(d.setScale(0, floor ? java.math.RoundingMode.FLOOR : java.math.RoundingMode.CEILING), type)
            : value instanceof Double || value instanceof Float
                ? Numbers.convert(floor ? Math.floor(((Number) value).doubleValue())
                    : Math.ceil(((Number) value).doubleValue()), type)
                : value);
      case "ROUND":
        return row -> {
          Object value = args.get(0).eval(row);
          Object digits = args.size() > 1 ? args.get(1).eval(row) : 0;
          if (value == null || digits == null) {
            return null;
          }
          BigDecimal rounded = Numbers.toBigDecimal(value).setScale(((Number) digits).intValue(),
              java.math.RoundingMode.HALF_UP);
          return Numbers.convert(rounded, type);
        };
      case "CURRENT_TIMESTAMP":
      case "NOW":
      case "PROCTIME":
        return row -> java.time.Instant.now();
      case "LOCALTIMESTAMP": {
        ZoneId sessionZone = zone;
        return row -> LocalDateTime.now(sessionZone);
      }
      case "CURRENT_DATE": {
        ZoneId sessionZone = zone;
        return row -> LocalDate.now(sessionZone);
      }
      case "TO_TIMESTAMP_LTZ": {
        RexNode precisionNode = call.getOperands().get(1);
        Object precision = precisionNode instanceof RexLiteral literal ? literalValue(literal) : null;
        if (!(precision instanceof Number p) || (p.intValue() != 0 && p.intValue() != 3)) {
          throw new TableException("TO_TIMESTAMP_LTZ(numeric, precision) takes the precision 0 (epoch seconds) or 3"
              + " (epoch milliseconds) as a literal, not " + precisionNode + " (in " + call + ")");
        }
        int shift = 3 - ((Number) precision).intValue();
        Expr value = args.get(0);
        return row -> {
          Object v = value.eval(row);
          if (v == null) {
            return null;
          }
          BigDecimal number = v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
          return java.time.Instant.ofEpochMilli(number.movePointRight(shift).longValue());
        };
      }
      case "DATE_FORMAT": {
        ZoneId sessionZone = zone;
        PatternCache<CachedDateFormatter> formats = patterns(call, 1,
            p -> CachedDateFormatter.of((String) p));
        return binary(args, (value, pattern) -> FlinkStringTimeFunctions.dateFormat(value, formats.apply(pattern),
            sessionZone));
      }
      case "TO_TIMESTAMP": {
        PatternCache<DateTimeFormatter> formats = args.size() > 1
            ? patterns(call, 1, p -> FlinkStringTimeFunctions.formatter((String) p)) : defaultFormatter();
        Expr text = args.get(0);
        Expr pattern = args.size() > 1 ? args.get(1) : row -> FlinkStringTimeFunctions.DEFAULT_TIMESTAMP_PATTERN;
        return row -> {
          Object t = text.eval(row);
          Object p = pattern.eval(row);
          return t == null || p == null ? null : FlinkStringTimeFunctions.toTimestamp((String) t, formats.apply(p));
        };
      }
      case "UNIX_TIMESTAMP": {
        if (args.isEmpty()) {
          return row -> java.time.Instant.now().getEpochSecond();
        }
        ZoneId sessionZone = zone;
        PatternCache<DateTimeFormatter> formats = args.size() > 1
            ? patterns(call, 1, p -> FlinkStringTimeFunctions.formatter((String) p)) : defaultFormatter();
        Expr text = args.get(0);
        Expr pattern = args.size() > 1 ? args.get(1) : row -> FlinkStringTimeFunctions.DEFAULT_TIMESTAMP_PATTERN;
        return row -> {
          Object t = text.eval(row);
          Object p = pattern.eval(row);
          if (t == null || p == null) {
            return null;
          }
          LocalDateTime time = FlinkStringTimeFunctions.toTimestamp((String) t, formats.apply(p));
          return time == null ? null : time.atZone(sessionZone).toEpochSecond();
        };
      }
      case "FROM_UNIXTIME": {
        ZoneId sessionZone = zone;
        PatternCache<DateTimeFormatter> formats = args.size() > 1
            ? patterns(call, 1, p -> FlinkStringTimeFunctions.formatter((String) p)) : defaultFormatter();
        Expr seconds = args.get(0);
        Expr pattern = args.size() > 1 ? args.get(1) : row -> FlinkStringTimeFunctions.DEFAULT_TIMESTAMP_PATTERN;
        return row -> {
          Object s = seconds.eval(row);
          Object p = pattern.eval(row);
          return s == null || p == null ? null : formats.apply(p).format(LocalDateTime.ofInstant(
              java.time.Instant.ofEpochSecond(((Number) s).longValue()), sessionZone));
        };
      }
      case "REGEXP_EXTRACT": {
        PatternCache<Pattern> patterns = patterns(call, 1, p -> Pattern.compile((String) p));
        Expr text = args.get(0);
        Expr regex = args.get(1);
        Expr group = args.size() > 2 ? args.get(2) : row -> 0;
        return row -> {
          Object t = text.eval(row);
          Object r = regex.eval(row);
          Object g = group.eval(row);
          return t == null || r == null || g == null ? null
              : FlinkStringTimeFunctions.regexpExtract((String) t, patterns.apply(r), ((Number) g).intValue());
        };
      }
      case "REGEXP_REPLACE": {
        PatternCache<Pattern> patterns = patterns(call, 1, p -> Pattern.compile((String) p));
        Expr text = args.get(0);
        Expr regex = args.get(1);
        Expr replacement = args.get(2);
        return row -> {
          Object t = text.eval(row);
          Object r = regex.eval(row);
          Object with = replacement.eval(row);
          return t == null || r == null || with == null ? null
              : patterns.apply(r).matcher((String) t).replaceAll(java.util.regex.Matcher.quoteReplacement(
                  (String) with));
        };
      }
      case "SPLIT_INDEX":
        return row -> {
          Object t = args.get(0).eval(row);
          Object separator = args.get(1).eval(row);
          Object index = args.get(2).eval(row);
          return t == null || separator == null || index == null ? null
              : FlinkStringTimeFunctions.splitIndex((String) t, (String) separator, ((Number) index).intValue());
        };
      case "CONCAT_WS":
        return row -> {
          Object separator = args.get(0).eval(row);
          if (separator == null) {
            return null;
          }
          StringBuilder out = new StringBuilder();
          boolean first = true;
          for (Expr arg : args.subList(1, args.size())) {
            Object value = arg.eval(row);
            if (value != null) {
              out.append(first ? "" : separator).append(value);
              first = false;
            }
          }
          return out.toString();
        };
      default:
        throw new TableException("Spate SQL does not support the function " + call.getOperator().getName()
            + " yet (in " + call + ")");
    }
  }

  /**
   * The values operand {@code index} (a pattern) makes with {@code make}, cached per pattern; a
   * constant pattern is checked now, so that a bad one fails the planning.
   */
  private <T> PatternCache<T> patterns(RexCall call, int index, PatternCache.Maker<T> make) {
    PatternCache<T> cache = new PatternCache<>(make);
    RexNode operand = call.getOperands().get(index);
    if (operand instanceof RexLiteral literal && !literal.isNull()) {
      cache.apply(literalValue(literal));
    }
    return cache;
  }

  private static PatternCache<DateTimeFormatter> defaultFormatter() {
    return new PatternCache<>(p -> FlinkStringTimeFunctions.formatter((String) p));
  }

  private Expr arithmetic(RexCall call, ValueType type) {
    Expr left = compileNode(call.getOperands().get(0));
    Expr right = compileNode(call.getOperands().get(1));
    switch (call.getKind()) {
      case PLUS:
        return row -> Numbers.add(left.eval(row), right.eval(row), type);
      case MINUS:
        return row -> Numbers.subtract(left.eval(row), right.eval(row), type);
      case TIMES:
        return row -> Numbers.multiply(left.eval(row), right.eval(row), type);
      case DIVIDE:
        return row -> Numbers.divide(left.eval(row), right.eval(row), type);
      default:
        return row -> Numbers.mod(left.eval(row), right.eval(row), type);
    }
  }

  private Expr datetimePlus(RexCall call, boolean minus) {
    RexNode first = call.getOperands().get(0);
    RexNode second = call.getOperands().get(1);
    boolean firstIsTime = isDatetime(first);
    Expr time = compileNode(firstIsTime ? first : second);
    Expr interval = compileNode(firstIsTime ? second : first);
    boolean months = ValueTypes.of((firstIsTime ? second : first).getType()).kind() == Kind.INTERVAL_MONTHS;
    if (isDatetime(first) && isDatetime(second)) {
      // datetime - datetime: what Calcite makes of TIMESTAMPDIFF, an interval of months or milliseconds.
      Expr earlier = compileNode(second);
      boolean inMonths = ValueTypes.of(call.getType()).kind() == Kind.INTERVAL_MONTHS;
      ZoneId sessionZone = zone;
      return row -> {
        Object a = time.eval(row);
        Object b = earlier.eval(row);
        return a == null || b == null ? null
            : io.spate.table.runtime.expr.DatetimeDifference.between(a, b, inMonths, sessionZone);
      };
    }
    return row -> {
      Object t = time.eval(row);
      Object amount = interval.eval(row);
      if (t == null || amount == null) {
        return null;
      }
      long value = ((Number) amount).longValue();
      return TimeFunctions.plus(t, minus ? -value : value, months);
    };
  }

  private static boolean isDatetime(RexNode node) {
    return SqlTypeName.DATETIME_TYPES.contains(node.getType().getSqlTypeName());
  }

  private static Expr comparison(SqlKind kind, Expr left, Expr right) {
    return row -> {
      Object a = left.eval(row);
      if (a == null) {
        return null;
      }
      Object b = right.eval(row);
      if (b == null) {
        return null;
      }
      switch (kind) {
        case EQUALS:
          return Comparisons.equal(a, b);
        case NOT_EQUALS:
          return !Comparisons.equal(a, b);
        case LESS_THAN:
          return Comparisons.compare(a, b) < 0;
        case LESS_THAN_OR_EQUAL:
          return Comparisons.compare(a, b) <= 0;
        case GREATER_THAN:
          return Comparisons.compare(a, b) > 0;
        default:
          return Comparisons.compare(a, b) >= 0;
      }
    };
  }

  private static Expr and(List<Expr> operands) {
    Expr[] all = operands.toArray(new Expr[0]);
    return row -> {
      boolean sawNull = false;
      for (Expr operand : all) {
        Object value = operand.eval(row);
        if (value == null) {
          sawNull = true;
        } else if (!(Boolean) value) {
          return false;
        }
      }
      return sawNull ? null : Boolean.TRUE;
    };
  }

  private static Expr or(List<Expr> operands) {
    Expr[] all = operands.toArray(new Expr[0]);
    return row -> {
      boolean sawNull = false;
      for (Expr operand : all) {
        Object value = operand.eval(row);
        if (value == null) {
          sawNull = true;
        } else if ((Boolean) value) {
          return true;
        }
      }
      return sawNull ? null : Boolean.FALSE;
    };
  }

  /** {@code CASE WHEN c1 THEN v1 ... [ELSE e] END}: operands are the conditions and values in turn, then the else. */
  private static Expr caseWhen(List<Expr> operands, ValueType type) {
    Expr[] all = operands.toArray(new Expr[0]);
    return row -> {
      int i = 0;
      for (; i + 1 < all.length; i += 2) {
        if (Boolean.TRUE.equals(all[i].eval(row))) {
          return convert(all[i + 1].eval(row), type);
        }
      }
      return i < all.length ? convert(all[i].eval(row), type) : null;
    };
  }

  /** A CASE branch's value in the CASE's type (branches of INT and BIGINT give BIGINT, for example). */
  private static Object convert(Object value, ValueType type) {
    if (value instanceof Number n && type.kind().isNumeric()) {
      return Numbers.convert(n, type);
    }
    return value;
  }

  private Expr like(RexCall call) {
    Expr value = compileNode(call.getOperands().get(0));
    RexNode patternNode = call.getOperands().get(1);
    Character escape = null;
    if (call.getOperands().size() > 2) {
      String escapeText = (String) literalValue((RexLiteral) call.getOperands().get(2));
      escape = escapeText.charAt(0);
    }
    boolean negated = call.getOperator().getName().toUpperCase(Locale.ROOT).startsWith("NOT");
    boolean caseSensitive = ExprCodeGenerator.isCaseSensitiveLike(call);
    if (patternNode instanceof RexLiteral literal) {
      Object text = literalValue(literal);
      if (text == null) {
        return row -> null;
      }
      Pattern pattern = StringFunctions.likePattern((String) text, escape, caseSensitive);
      return row -> {
        Object v = value.eval(row);
        return v == null ? null : pattern.matcher((String) v).matches() != negated;
      };
    }
    Expr pattern = compileNode(patternNode);
    Character escapeChar = escape;
    return row -> {
      Object v = value.eval(row);
      Object p = pattern.eval(row);
      if (v == null || p == null) {
        return null;
      }
      return StringFunctions.likePattern((String) p, escapeChar, caseSensitive).matcher((String) v).matches() != negated;
    };
  }

  private Expr extract(RexCall call) {
    TimeUnitRange unit = (TimeUnitRange) literalValue((RexLiteral) call.getOperands().get(0));
    Expr value = compileNode(call.getOperands().get(1));
    ZoneId sessionZone = zone;
    return row -> {
      Object v = value.eval(row);
      return v == null ? null : TimeFunctions.extract(unit, v, sessionZone);
    };
  }

  private Expr item(RexCall call) {
    Expr container = compileNode(call.getOperands().get(0));
    Expr key = compileNode(call.getOperands().get(1));
    return row -> {
      Object c = container.eval(row);
      Object k = key.eval(row);
      if (c == null || k == null) {
        return null;
      }
      if (c instanceof Object[] array) {
        int index = ((Number) k).intValue();
        return index >= 1 && index <= array.length ? array[index - 1] : null;
      }
      if (c instanceof Map<?, ?> map) {
        return map.get(k);
      }
      if (c instanceof Row r) {
        return r.getField(((Number) k).intValue());
      }
      return null;
    };
  }

  private List<Expr> compileEach(List<RexNode> operands) {
    List<Expr> exprs = new ArrayList<>(operands.size());
    for (RexNode operand : operands) {
      exprs.add(compileNode(operand));
    }
    return exprs;
  }

  private static Expr unary(List<Expr> args, SerializableFunction function) {
    Expr arg = args.get(0);
    return row -> {
      Object value = arg.eval(row);
      return value == null ? null : function.apply(value);
    };
  }

  private static Expr binary(List<Expr> args, SerializableBiFunction function) {
    Expr left = args.get(0);
    Expr right = args.get(1);
    return row -> {
      Object a = left.eval(row);
      Object b = right.eval(row);
      return a == null || b == null ? null : function.apply(a, b);
    };
  }

  /** A function of one non-null value that travels with the job. */
  @FunctionalInterface
  interface SerializableFunction extends java.io.Serializable {
    Object apply(Object value);
  }

  /** A function of two non-null values that travels with the job. */
  @FunctionalInterface
  interface SerializableBiFunction extends java.io.Serializable {
    Object apply(Object a, Object b);
  }
}
