package io.spate.table.planner.codegen;

import io.spate.table.planner.functions.FunctionSignature;
import io.spate.table.planner.functions.UserScalarSqlFunction;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.expr.StringFunctions;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.expr.ValueType.Kind;
import io.spate.table.runtime.functions.OpenedFunction;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Generates the Java statements that evaluate {@link RexNode}s over the input row {@code in} with the
 * interpreter's semantics ({@link ExprCompiler}): the same classes, NULLs, decimal scales, exceptions
 * and messages, and the same order and laziness of evaluation (so that an expression the interpreter
 * does not evaluate cannot fail here either).
 *
 * <p>Each value lands in a local; booleans and the numbers Java has primitives for are primitive
 * locals with a null flag. A deterministic sub-expression is computed once per row and reused
 * wherever the code that computed it is in scope; code that runs only under a condition (the right
 * side of a comparison, later operands of AND and OR, CASE branches, COALESCE operands) opens a scope
 * whose values are not reused after it. A call the generator does not handle is evaluated by the
 * interpreter's {@link Expr} for that sub-expression, held in a field of the generated class.
 */
final class ExprCodeGenerator {

  private final ExprCompiler interpreter;
  private final ZoneId zone;
  /** Fields below this index are read from {@code left}, the others from {@code right}; -1: all from {@code in}. */
  private final int leftArity;
  private final List<Object> references = new ArrayList<>();
  private final List<String> referenceTypes = new ArrayList<>();
  private final Map<Object, String> sharedReferences = new HashMap<>();
  private final List<RexNode> interpreted = new ArrayList<>();
  private Set<RexNode> computedColumns = Set.of();
  private final Deque<Map<String, Term>> scopes = new ArrayDeque<>();
  private final StringBuilder code = new StringBuilder();
  /** Locals declared at the start of the method: the values of {@link #repeated} calls and whether each is computed. */
  private final StringBuilder declarations = new StringBuilder();
  private Set<String> repeated = Set.of();
  private final Map<String, Term> memos = new HashMap<>();
  private final Map<String, String> interpretedFields = new HashMap<>();
  private String indent = "    ";
  private int locals;
  private int fallbacks;

  ExprCodeGenerator(ExprCompiler interpreter, ZoneId zone) {
    this(interpreter, zone, -1);
  }

  /**
   * A generator over two input rows, {@code left} (the first {@code leftArity} fields) and {@code
   * right} (the fields after them), as a join condition reads them without building the joined row; the
   * interpreter's fallbacks read {@code in}, which the caller declares as the joined row if
   * {@link #fallbacks} is not zero.
   */
  ExprCodeGenerator(ExprCompiler interpreter, ZoneId zone, int leftArity) {
    this.interpreter = interpreter;
    this.zone = zone;
    this.leftArity = leftArity;
    scopes.push(new HashMap<>());
  }

  /** The statements generated so far. */
  String code() {
    return declarations.toString() + code;
  }

  /**
   * Tells the generator the expressions it is about to generate, so that a deterministic call that
   * occurs in them more than once is computed at most once per row also where its uses lie in
   * different branches (the WHERE's OR and a CASE branch of a projection, say): at its first use that
   * runs, into locals of the method that the later uses read. As everywhere, a call is computed only
   * where the interpreter would compute it.
   */
  void plan(List<RexNode> nodes) {
    Map<String, Integer> counts = new HashMap<>();
    RexVisitorImpl<Void> counter = new RexVisitorImpl<>(true) {
      @Override
      public Void visitCall(RexCall call) {
        if (RexUtil.isDeterministic(call)) {
          counts.merge(key(call), 1, Integer::sum);
        }
        return super.visitCall(call);
      }
    };
    for (RexNode node : nodes) {
      node.accept(counter);
    }
    Set<String> keys = new HashSet<>();
    counts.forEach((key, count) -> {
      if (count > 1) {
        keys.add(key);
      }
    });
    repeated = keys;
  }

  private static String key(RexNode node) {
    return node + " : " + node.getType().getFullTypeString();
  }

  /** The objects the generated class's fields hold, in the order of {@link #referenceTypes}. */
  List<Object> references() {
    return references;
  }

  /** The declared Java types of the fields holding {@link #references}. */
  List<String> referenceTypes() {
    return referenceTypes;
  }

  /** How many sub-expressions the generated code hands to the interpreter. */
  int fallbacks() {
    return fallbacks;
  }

  /**
   * Tells the generator that {@code columns} are the expressions of computed columns of a table whose
   * rows the calc reads as its source gives them: an interpreted call of one of them gets its value from
   * the generated code (see {@link #fallback}) instead of evaluating it again.
   */
  void computedColumns(Set<RexNode> columns) {
    computedColumns = columns;
  }

  /** The sub-expressions the generated code hands to the interpreter. */
  List<RexNode> interpreted() {
    return interpreted;
  }

  /** Appends one statement (or a line of one). */
  void emit(String line) {
    code.append(indent).append(line).append('\n');
  }

  /** Generates the code of {@code node} (SEARCH already expanded) and returns where its value is. */
  Term generate(RexNode node) {
    String key = key(node);
    for (Map<String, Term> scope : scopes) {
      Term known = scope.get(key);
      if (known != null) {
        return known;
      }
    }
    Term term = repeated.contains(key) ? memoized(node, key) : generateNew(node);
    if (RexUtil.isDeterministic(node)) {
      scopes.peek().put(key, term);
    }
    return term;
  }

  /**
   * {@code node}'s value in locals of the method, computed here unless a use before computed it for this
   * row already (in a branch whose values are out of scope here).
   */
  private Term memoized(RexNode node, String key) {
    Term memo = memos.get(key);
    String name = memo == null ? local("memo") : memo.value();
    String done = name + "Done";
    emit("if (!" + done + ") {");
    Term computed = indent(() -> scoped(() -> generateNew(node)));
    if (memo == null) {
      memo = computed.rep() == JavaRep.OBJECT ? Term.object(name)
          : new Term(name, name + "Null", computed.rep());
      declarations.append("    boolean ").append(done).append(" = false;\n");
      declarations.append("    ").append(memo.rep().javaType).append(' ').append(name).append(" = ")
          .append(memo.rep().zero).append(";\n");
      if (memo.rep() != JavaRep.OBJECT) {
        declarations.append("    boolean ").append(memo.isNull()).append(" = true;\n");
      }
      memos.put(key, memo);
    } else if (computed.rep() != memo.rep()) {
      throw new IllegalStateException("The generated code of " + node + " changed its representation from "
          + memo.rep() + " to " + computed.rep());
    }
    if (memo.rep() == JavaRep.OBJECT) {
      emit("  " + memo.value() + " = " + computed.boxed() + ";");
    } else {
      emit("  " + memo.isNull() + " = " + computed.isNull() + ";");
      emit("  if (!" + memo.isNull() + ") {");
      emit("    " + memo.value() + " = " + computed.value() + ";");
      emit("  }");
    }
    emit("  " + done + " = true;");
    emit("}");
    return memo;
  }

  private Term generateNew(RexNode node) {
    if (node instanceof RexInputRef ref) {
      String value = local("in" + ref.getIndex() + "_");
      int index = ref.getIndex();
      String read = leftArity < 0 ? "in.getField(" + index + ")"
          : index < leftArity ? "left.getField(" + index + ")" : "right.getField(" + (index - leftArity) + ")";
      emit("Object " + value + " = " + read + ";");
      return Term.object(value);
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (node instanceof RexFieldAccess access) {
      return fieldAccess(access);
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    return fallback(node);
  }

  private Term fieldAccess(RexFieldAccess access) {
    Term parent = generate(access.getReferenceExpr());
    String rowKey = "(Row) " + parent.value();
    Term row = lookup(rowKey);
    if (row == null) {
      String name = local("row");
      emit("Row " + name + " = (Row) " + parent.boxed() + ";");
      row = Term.object(name);
      scopes.peek().put(rowKey, row);
    }
    String value = local("field");
    emit("Object " + value + " = " + row.value() + " == null ? null : " + row.value() + ".getField("
        + access.getField().getIndex() + ");");
    return Term.object(value);
  }

  private Term lookup(String key) {
    for (Map<String, Term> scope : scopes) {
      Term known = scope.get(key);
      if (known != null) {
        return known;
      }
    }
    return null;
  }

  private Term literal(RexLiteral literal) {
    Object value = interpreter.literalValue(literal);
    if (value == null) {
      return Term.NULL;
    }
    if (value instanceof Boolean b) {
      return Term.notNull(b.toString(), JavaRep.BOOLEAN);
    }
    if (value instanceof Byte b) {
      return Term.notNull("((byte) " + b + ")", JavaRep.BYTE);
    }
    if (value instanceof Short s) {
      return Term.notNull("((short) " + s + ")", JavaRep.SHORT);
    }
    if (value instanceof Integer i) {
      return Term.notNull(i == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : "(" + i + ")", JavaRep.INT);
    }
    if (value instanceof Long l) {
      return Term.notNull(l == Long.MIN_VALUE ? "Long.MIN_VALUE" : "(" + l + "L)", JavaRep.LONG);
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return Term.notNull("(" + d + "d)", JavaRep.DOUBLE);
    }
    if (value instanceof Float f && Float.isFinite(f)) {
      return Term.notNull("(" + f + "f)", JavaRep.FLOAT);
    }
    return Term.notNull(sharedReference(value), JavaRep.OBJECT);
  }

  private Term call(RexCall call) {
    if (call.getOperator() instanceof UserScalarSqlFunction function) {
      return userFunction(call, function);
    }
    if (JsonCallCompiler.handles(call)) {
      return fallback(call);
    }
    List<RexNode> operands = call.getOperands();
    SqlKind kind = call.getKind();
    ValueType type = ValueTypes.of(call.getType());
    switch (kind) {
      case PLUS:
      case MINUS:
        if (isDatetime(operands.get(0)) || isDatetime(operands.get(1))) {
          return fallback(call);
        }
        return arithmetic(call, type);
      case TIMES:
      case DIVIDE:
      case MOD:
        return arithmetic(call, type);
      case MINUS_PREFIX:
        return negate(call, type);
      case PLUS_PREFIX:
        return generate(operands.get(0));
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(kind, operands.get(0), operands.get(1));
      case IS_DISTINCT_FROM:
      case IS_NOT_DISTINCT_FROM:
        return distinct(kind == SqlKind.IS_DISTINCT_FROM, operands.get(0), operands.get(1));
      case AND:
        return andOr(operands, true);
      case OR:
        return andOr(operands, false);
      case NOT: {
        Term operand = generate(operands.get(0));
        String value = local("not");
        emit("boolean " + value + " = !" + operand.isNull() + " && !" + operand.asBoolean() + ";");
        return new Term(value, operand.isNull(), JavaRep.BOOLEAN);
      }
      case IS_NULL:
      case IS_NOT_NULL: {
        Term operand = generate(operands.get(0));
        String value = local("isNull");
        emit("boolean " + value + " = " + (kind == SqlKind.IS_NULL ? "" : "!") + operand.isNull() + ";");
        return Term.notNull(value, JavaRep.BOOLEAN);
      }
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE: {
        Term operand = generate(operands.get(0));
        String test = kind == SqlKind.IS_TRUE || kind == SqlKind.IS_NOT_TRUE ? operand.isTrue() : operand.isFalse();
        boolean negated = kind == SqlKind.IS_NOT_TRUE || kind == SqlKind.IS_NOT_FALSE;
        String value = local("is");
        emit("boolean " + value + " = " + (negated ? "!(" + test + ")" : test) + ";");
        return Term.notNull(value, JavaRep.BOOLEAN);
      }
      case CASE:
        return caseWhen(operands, type);
      case CAST:
        return cast(call, type);
      case COALESCE:
        return coalesce(operands);
      case LIKE:
        return like(call);
      case EXTRACT:
        return extract(call);
      default:
        return function(call);
    }
  }

  /**
   * {@code EXTRACT} (and {@code HOUR(ts)} and the like) of the year, month, day, hour, minute or second of a
   * {@code TIMESTAMP}: the {@code LocalDateTime}'s field, a {@code BIGINT} as the interpreter gives it; other
   * units and types are interpreted.
   */
  private Term extract(RexCall call) {
    List<RexNode> operands = call.getOperands();
    if (!(operands.get(0) instanceof RexLiteral unitLiteral)
        || ValueTypes.of(operands.get(1).getType()).kind() != Kind.TIMESTAMP
        || ValueTypes.of(call.getType()).kind() != Kind.BIGINT) {
      return fallback(call);
    }
    String getter = interpreter.literalValue(unitLiteral) instanceof TimeUnitRange unit ? switch (unit) {
      case YEAR -> "getYear()";
      case MONTH -> "getMonthValue()";
      case DAY -> "getDayOfMonth()";
      case HOUR -> "getHour()";
      case MINUTE -> "getMinute()";
      case SECOND -> "getSecond()";
      default -> null;
    } : null;
    if (getter == null) {
      return fallback(call);
    }
    Term operand = generate(operands.get(1));
    String value = local("timeField");
    emit("long " + value + " = " + operand.isNull() + " ? 0L : (long) ((java.time.LocalDateTime) " + operand.value()
        + ")." + getter + ";");
    return new Term(value, operand.isNull(), JavaRep.LONG);
  }

  /** The functions the interpreter finds by name that are worth typed code; any other is interpreted. */
  private Term function(RexCall call) {
    List<RexNode> operands = call.getOperands();
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    boolean strings = operands.stream().allMatch(o -> ValueTypes.of(o.getType()).kind().isString());
    switch (name) {
      case "UPPER":
      case "LOWER":
        if (!strings || operands.size() != 1) {
          return fallback(call);
        }
        return stringMethod(operands.get(0), name.equals("UPPER") ? "toUpperCase(java.util.Locale.ROOT)"
            : "toLowerCase(java.util.Locale.ROOT)");
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH": {
        if (!strings || operands.size() != 1) {
          return fallback(call);
        }
        Term operand = generate(operands.get(0));
        String value = local("length");
        emit("int " + value + " = " + operand.isNull() + " ? 0 : ((String) " + operand.value() + ").codePointCount(0,"
            + " ((String) " + operand.value() + ").length());");
        return new Term(value, operand.isNull(), JavaRep.INT);
      }
      case "||":
      case "CONCAT":
        return concat(operands);
      case "SPLIT_INDEX":
        if (operands.size() != 3 || !ValueTypes.of(operands.get(0).getType()).kind().isString()
            || !ValueTypes.of(operands.get(1).getType()).kind().isString()
            || !ValueTypes.of(operands.get(2).getType()).kind().isIntegral()) {
          return fallback(call);
        }
        return splitIndex(operands);
      default:
        return fallback(call);
    }
  }

  /** {@code SPLIT_INDEX(text, separator, index)}: as the interpreter, every operand evaluated first, NULL if one is. */
  private Term splitIndex(List<RexNode> operands) {
    Term text = generate(operands.get(0));
    Term separator = generate(operands.get(1));
    Term index = generate(operands.get(2));
    String value = local("piece");
    emit("Object " + value + " = " + text.isNull() + " || " + separator.isNull() + " || " + index.isNull()
        + " ? null : io.spate.table.runtime.expr.FlinkStringTimeFunctions.splitIndex((String) " + text.value()
        + ", (String) " + separator.value() + ", (int) " + index.asLong() + ");");
    return Term.object(value);
  }

  private Term stringMethod(RexNode operandNode, String method) {
    Term operand = generate(operandNode);
    String value = local("text");
    emit("Object " + value + " = " + operand.isNull() + " ? null : ((String) " + operand.value() + ")." + method
        + ";");
    return Term.object(value);
  }

  /** The operands' text concatenated; NULL as soon as one is NULL, without evaluating the rest, as the interpreter. */
  private Term concat(List<RexNode> operands) {
    String value = local("concat");
    emit("Object " + value + " = null;");
    List<Term> parts = new ArrayList<>();
    concatFrom(operands, 0, parts, value);
    return Term.object(value);
  }

  private void concatFrom(List<RexNode> operands, int index, List<Term> parts, String value) {
    if (index == operands.size()) {
      StringBuilder joined = new StringBuilder("new StringBuilder()");
      for (Term part : parts) {
        joined.append(".append(").append(part.boxedNonNull()).append(')');
      }
      emit(value + " = " + joined + ".toString();");
      return;
    }
    Term part = generate(operands.get(index));
    parts.add(part);
    emit("if (!" + part.isNull() + ") {");
    indent(() -> scoped(() -> {
      concatFrom(operands, index + 1, parts, value);
      return null;
    }));
    emit("}");
    parts.remove(parts.size() - 1);
  }

  /** {@code LIKE} with a constant pattern (and escape): a regular expression compiled once; otherwise interpreted. */
  private Term like(RexCall call) {
    List<RexNode> operands = call.getOperands();
    if (!(operands.get(1) instanceof RexLiteral patternLiteral)
        || (operands.size() > 2 && !(operands.get(2) instanceof RexLiteral))
        || !ValueTypes.of(operands.get(0).getType()).kind().isString()) {
      return fallback(call);
    }
    Object patternText = interpreter.literalValue(patternLiteral);
    if (patternText == null) {
      // As the interpreter: a NULL pattern gives NULL without evaluating the value.
      return Term.NULL;
    }
    Character escape = null;
    if (operands.size() > 2) {
      escape = ((String) interpreter.literalValue((RexLiteral) operands.get(2))).charAt(0);
    }
    boolean negated = call.getOperator().getName().toUpperCase(Locale.ROOT).startsWith("NOT");
    Pattern pattern = StringFunctions.likePattern((String) patternText, escape, isCaseSensitiveLike(call));
    String field = reference(pattern, "java.util.regex.Pattern");
    Term operand = generate(operands.get(0));
    String value = local("like");
    emit("boolean " + value + " = !" + operand.isNull() + " && " + field + ".matcher((String) " + operand.value()
        + ").matches() != " + negated + ";");
    return new Term(value, operand.isNull(), JavaRep.BOOLEAN);
  }

  /** Whether the {@code LIKE}-kind {@code call} tells letters' case apart: false for {@code ILIKE} and {@code NOT ILIKE}. */
  static boolean isCaseSensitiveLike(RexCall call) {
    return !(call.getOperator() instanceof org.apache.calcite.sql.fun.SqlLikeOperator like) || like.isCaseSensitive();
  }

  /**
   * A call of a user's scalar function: a direct call of its {@code eval} method where
   * {@link UserFunctionCalls} allows one, otherwise the interpreter's reflective call. As the interpreter,
   * it evaluates every argument first, gives NULL without calling when a primitive parameter would get
   * NULL, and wraps what the method throws in a {@code TableException} naming the function.
   */
  private Term userFunction(RexCall call, UserScalarSqlFunction function) {
    FunctionSignature signature = function.signatureFor(call.getOperands().stream().map(RexNode::getType).toList());
    Method method = UserFunctionCalls.direct(call, signature);
    JavaRep resultRep = JavaRep.of(ValueTypes.of(call.getType()).kind());
    Class<?> result = method == null ? null : method.getReturnType();
    if (method == null || result.isPrimitive() && !result.getName().equals(resultRep.javaType)) {
      return fallback(call);
    }
    DirectArguments arguments = directArguments(call, method);
    String invocation = invocation(method, interpreter.opened(function.function()));
    String failure = failureMessage(function.function().functionIdentifier(), method);
    String value = local("udf");
    String isNull = arguments.skip().isEmpty() ? "false" : local("udfSkipped");
    JavaRep rep = result.isPrimitive() ? resultRep : JavaRep.OBJECT;
    if (!isNull.equals("false")) {
      emit("boolean " + isNull + " = " + arguments.skip() + ";");
    }
    emit(rep.javaType + " " + value + " = " + rep.zero + ";");
    emit(isNull.equals("false") ? "{" : "if (!" + isNull + ") {");
    emit("  try {");
    emit("    " + value + " = " + invocation + "(" + arguments.values() + ");");
    emit("  } catch (Throwable e) {");
    emit("    throw new TableException(" + failure + " + e, e);");
    emit("  }");
    emit("}");
    return rep == JavaRep.OBJECT ? Term.object(value) : new Term(value, isNull, rep);
  }

  /**
   * Statements that call {@code method} (a table function's {@code eval}, which {@link UserFunctionCalls#direct}
   * allows) of {@code function} directly with {@code call}'s arguments, as the interpreter's reflective
   * call would: every argument evaluated first, no call when a primitive parameter would get NULL, and
   * what the method throws wrapped in a {@code TableException} naming the function.
   */
  void callDirectly(RexCall call, Method method, OpenedFunction function,
      String functionIdentifier) {
    DirectArguments arguments = directArguments(call, method);
    String invocation = invocation(method, function);
    String failure = failureMessage(functionIdentifier, method);
    emit(arguments.skip().isEmpty() ? "{" : "if (!(" + arguments.skip() + ")) {");
    emit("  try {");
    emit("    " + invocation + "(" + arguments.values() + ");");
    emit("  } catch (Throwable e) {");
    emit("    throw new TableException(" + failure + " + e, e);");
    emit("  }");
    emit("}");
  }

  /** The argument list of a direct call of {@code method}, and the test (empty: none) that skips the call. */
  private record DirectArguments(String values, String skip) {}

  private DirectArguments directArguments(RexCall call, Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    StringBuilder arguments = new StringBuilder();
    StringBuilder skip = new StringBuilder();
    for (int i = 0; i < parameters.length; i++) {
      Term argument = generate(call.getOperands().get(i));
      if (i > 0) {
        arguments.append(", ");
      }
      Kind kind = ValueTypes.of(call.getOperands().get(i).getType()).kind();
      JavaRep target = UserFunctionCalls.argument(parameters[i], kind);
      if (target == JavaRep.OBJECT) {
        arguments.append("(").append(parameters[i].getCanonicalName()).append(") ").append(argument.boxed());
        continue;
      }
      JavaRep source = JavaRep.of(kind);
      // Read only where the argument is not NULL.
      String value = argument.rep() == source ? argument.value()
          : "((" + source.boxType + ") " + argument.boxed() + ")." + source.javaType + "Value()";
      if (target != source) {
        value = "((" + target.javaType + ") " + value + ")";
      }
      if (parameters[i].isPrimitive()) {
        arguments.append(value);
        if (!argument.isNull().equals("false")) {
          skip.append(skip.length() == 0 ? "" : " || ").append(argument.isNull());
        }
      } else if (target == source) {
        arguments.append("(").append(parameters[i].getCanonicalName()).append(") ").append(argument.boxed());
      } else {
        arguments.append("(").append(argument.isNull()).append(" ? (").append(target.boxType).append(") null : ")
            .append(target.boxType).append(".valueOf(").append(value).append("))");
      }
    }
    return new DirectArguments(arguments.toString(), skip.toString());
  }

  /** The call of {@code method} on the instance {@code function} holds, without its argument list. */
  private String invocation(Method method, OpenedFunction function) {
    String instance = reference(function, "io.spate.table.runtime.functions.OpenedFunction");
    return "((" + method.getDeclaringClass().getCanonicalName() + ") " + instance + ".get())." + method.getName();
  }

  private String failureMessage(String functionIdentifier, Method method) {
    return sharedReference("Function " + functionIdentifier + "." + method.getName() + " failed: ");
  }

  /**
   * A sub-expression the interpreter evaluates, as it would in an interpreted calc. A call whose
   * operands are literals and computed columns (at least one) gets the computed columns' values from
   * the generated code, in a row of its own, which is what it saw in the table's row before: a table's
   * rows computed each of them for every row.
   */
  private Term fallback(RexNode node) {
    if (node instanceof RexCall call && !computedColumns.isEmpty()
        && call.getOperands().stream().anyMatch(computedColumns::contains)
        && call.getOperands().stream().allMatch(o -> o instanceof RexLiteral || computedColumns.contains(o))) {
      return fallbackOverComputed(call);
    }
    // A call generated more than once (in the branches that may compute a shared call) shares one expression.
    String field = interpretedFields.get(key(node));
    if (field == null) {
      field = reference(interpreter.compile(node), "Expr");
      interpretedFields.put(key(node), field);
    }
    String value = local("interpreted");
    emit("Object " + value + " = " + field + ".eval(in);");
    fallbacks++;
    interpreted.add(node);
    return Term.object(value);
  }

  private Term fallbackOverComputed(RexCall call) {
    List<RexNode> operands = new ArrayList<>();
    List<Term> values = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      if (operand instanceof RexLiteral) {
        operands.add(operand);
      } else {
        values.add(generate(operand));
        operands.add(new RexInputRef(values.size() - 1, operand.getType()));
      }
    }
    RexCall overValues = call.clone(call.getType(), operands);
    String field = reference(interpreter.compile(overValues), "Expr");
    String arguments = local("arguments");
    emit("Row " + arguments + " = new Row(" + values.size() + ");");
    for (int i = 0; i < values.size(); i++) {
      emit(arguments + ".setField(" + i + ", " + values.get(i).boxed() + ");");
    }
    String value = local("interpreted");
    emit("Object " + value + " = " + field + ".eval(" + arguments + ");");
    fallbacks++;
    interpreted.add(overValues);
    return Term.object(value);
  }

  private Term arithmetic(RexCall call, ValueType type) {
    Kind kind = type.kind();
    if (!kind.isNumeric()) {
      return fallback(call);
    }
    Term left = generate(call.getOperands().get(0));
    Term right = generate(call.getOperands().get(1));
    SqlKind op = call.getKind();
    if (kind == Kind.DECIMAL) {
      String method = switch (op) {
        case PLUS -> "add";
        case MINUS -> "subtract";
        case TIMES -> "multiply";
        case DIVIDE -> "divide";
        default -> "mod";
      };
      String value = local("decimal");
      emit("Object " + value + " = Numbers." + method + "(" + left.boxed() + ", " + right.boxed() + ", "
          + sharedReference(type) + ");");
      return Term.object(value);
    }
    JavaRep rep = JavaRep.of(kind);
    String operator = switch (op) {
      case PLUS -> "+";
      case MINUS -> "-";
      case TIMES -> "*";
      case DIVIDE -> "/";
      default -> "%";
    };
    String isNull = local("isNull");
    String value = local("number");
    emit("boolean " + isNull + " = " + left.isNull() + " || " + right.isNull() + ";");
    emit(rep.javaType + " " + value + " = " + rep.zero + ";");
    emit("if (!" + isNull + ") {");
    indent(() -> {
      if (rep.isIntegral()) {
        String a = local("a");
        String b = local("b");
        emit("long " + a + " = " + left.asLong() + ";");
        emit("long " + b + " = " + right.asLong() + ";");
        if (op == SqlKind.DIVIDE || op == SqlKind.MOD) {
          String message = op == SqlKind.DIVIDE
              ? "\"Division by zero: \" + " + left.value() + " + \" / \" + " + right.value()
              : "\"Division by zero: MOD(\" + " + left.value() + " + \", \" + " + right.value() + " + \")\"";
          emit("if (" + b + " == 0L) {");
          emit("  throw new TableException(" + message + ");");
          emit("}");
        }
        emit(value + " = (" + rep.javaType + ") (" + a + " " + operator + " " + b + ");");
      } else {
        String result = "(" + left.asDouble() + " " + operator + " " + right.asDouble() + ")";
        emit(value + " = " + (rep == JavaRep.FLOAT ? "(float) " + result : result) + ";");
      }
      return null;
    });
    emit("}");
    return new Term(value, isNull, rep);
  }

  private Term negate(RexCall call, ValueType type) {
    Kind kind = type.kind();
    if (!kind.isNumeric()) {
      return fallback(call);
    }
    Term operand = generate(call.getOperands().get(0));
    if (kind == Kind.DECIMAL) {
      String value = local("decimal");
      emit("Object " + value + " = Numbers.negate(" + operand.boxed() + ", " + sharedReference(type) + ");");
      return Term.object(value);
    }
    JavaRep rep = JavaRep.of(kind);
    String value = local("number");
    String negated = rep.isIntegral() ? "-" + operand.asLong() : "-" + operand.asDouble();
    emit(rep.javaType + " " + value + " = " + operand.isNull() + " ? " + rep.zero + " : (" + rep.javaType + ") ("
        + negated + ");");
    return new Term(value, operand.isNull(), rep);
  }

  private Term comparison(SqlKind kind, RexNode leftNode, RexNode rightNode) {
    Kind leftKind = ValueTypes.of(leftNode.getType()).kind();
    Kind rightKind = ValueTypes.of(rightNode.getType()).kind();
    String isNull = local("isNull");
    String value = local("compared");
    emit("boolean " + isNull + " = true;");
    emit("boolean " + value + " = false;");
    Term left = generate(leftNode);
    // As the interpreter: the right side is evaluated only when the left one is not NULL.
    emit("if (!" + left.isNull() + ") {");
    indent(() -> scoped(() -> {
      Term right = generate(rightNode);
      emit("if (!" + right.isNull() + ") {");
      emit("  " + isNull + " = false;");
      emit("  " + value + " = " + compare(kind, leftKind, rightKind, left, right) + ";");
      emit("}");
      return null;
    }));
    emit("}");
    return new Term(value, isNull, JavaRep.BOOLEAN);
  }

  /** The Java expression comparing two non-null values as {@code Comparisons} does. */
  private static String compare(SqlKind kind, Kind leftKind, Kind rightKind, Term left, Term right) {
    String operator = switch (kind) {
      case EQUALS -> "==";
      case NOT_EQUALS -> "!=";
      case LESS_THAN -> "<";
      case LESS_THAN_OR_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      default -> ">=";
    };
    if (leftKind.isIntegral() && rightKind.isIntegral()) {
      return left.asLong() + " " + operator + " " + right.asLong();
    }
    boolean floating = leftKind == Kind.FLOAT || leftKind == Kind.DOUBLE || rightKind == Kind.FLOAT
        || rightKind == Kind.DOUBLE;
    if (floating && leftKind.isNumeric() && rightKind.isNumeric()) {
      return "Double.compare(" + left.asDouble() + ", " + right.asDouble() + ") " + operator + " 0";
    }
    if (leftKind.isString() && rightKind.isString()) {
      String a = "((String) " + left.value() + ")";
      String b = "((String) " + right.value() + ")";
      return switch (kind) {
        case EQUALS -> a + ".equals(" + b + ")";
        case NOT_EQUALS -> "!" + a + ".equals(" + b + ")";
        default -> a + ".compareTo(" + b + ") " + operator + " 0";
      };
    }
    if (leftKind == Kind.BOOLEAN && rightKind == Kind.BOOLEAN) {
      return "Boolean.compare(" + left.asBoolean() + ", " + right.asBoolean() + ") " + operator + " 0";
    }
    String a = left.boxedNonNull();
    String b = right.boxedNonNull();
    return switch (kind) {
      case EQUALS -> "Comparisons.equal(" + a + ", " + b + ")";
      case NOT_EQUALS -> "!Comparisons.equal(" + a + ", " + b + ")";
      default -> "Comparisons.compare(" + a + ", " + b + ") " + operator + " 0";
    };
  }

  private Term distinct(boolean distinct, RexNode leftNode, RexNode rightNode) {
    Term left = generate(leftNode);
    Term right = generate(rightNode);
    String a = local("a");
    String b = local("b");
    String value = local("distinct");
    emit("Object " + a + " = " + left.boxed() + ";");
    emit("Object " + b + " = " + right.boxed() + ";");
    emit("boolean " + value + " = " + (distinct ? "!" : "") + "(" + a + " == null ? " + b + " == null : " + b
        + " != null && Comparisons.equal(" + a + ", " + b + "));");
    return Term.notNull(value, JavaRep.BOOLEAN);
  }

  /**
   * AND ({@code and}) or OR with three-valued logic, evaluating operands in order until one decides
   * the result (FALSE for AND, TRUE for OR), as the interpreter does; cheap operands first where the
   * order cannot show (see {@link CheapFirst}).
   */
  private Term andOr(List<RexNode> operands, boolean and) {
    String isNull = local("isNull");
    String value = local(and ? "and" : "or");
    emit("boolean " + value + " = " + and + ";");
    emit("boolean " + isNull + " = false;");
    andOrFrom(CheapFirst.ordered(operands), 0, and, value, isNull);
    return new Term(value, isNull, JavaRep.BOOLEAN);
  }

  private void andOrFrom(List<RexNode> operands, int index, boolean and, String value, String isNull) {
    Term operand = generate(operands.get(index));
    emit("if (" + (and ? operand.isFalse() : operand.isTrue()) + ") {");
    emit("  " + value + " = " + !and + ";");
    emit("  " + isNull + " = false;");
    emit("} else {");
    indent(() -> {
      if (!operand.isNull().equals("false")) {
        emit("if (" + operand.isNull() + ") {");
        emit("  " + isNull + " = true;");
        emit("}");
      }
      if (index + 1 < operands.size()) {
        scoped(() -> {
          andOrFrom(operands, index + 1, and, value, isNull);
          return null;
        });
      }
      return null;
    });
    emit("}");
  }

  /** {@code CASE WHEN c1 THEN v1 ... [ELSE e] END}; each value converted to the CASE's type as the interpreter does. */
  private Term caseWhen(List<RexNode> operands, ValueType type) {
    JavaRep rep = JavaRep.of(type.kind());
    String isNull = local("isNull");
    String value = local("case");
    emit(rep.javaType + " " + value + " = " + rep.zero + ";");
    emit("boolean " + isNull + " = true;");
    caseFrom(operands, 0, type, rep, value, isNull);
    return new Term(value, isNull, rep);
  }

  private void caseFrom(List<RexNode> operands, int index, ValueType type, JavaRep rep, String value, String isNull) {
    if (index + 1 < operands.size()) {
      Term condition = generate(operands.get(index));
      emit("if (" + condition.isTrue() + ") {");
      indent(() -> scoped(() -> {
        assignConverted(generate(operands.get(index + 1)), type, rep, value, isNull);
        return null;
      }));
      if (index + 2 < operands.size()) {
        emit("} else {");
        indent(() -> scoped(() -> {
          caseFrom(operands, index + 2, type, rep, value, isNull);
          return null;
        }));
      }
      emit("}");
    } else if (index < operands.size()) {
      assignConverted(generate(operands.get(index)), type, rep, value, isNull);
    }
  }

  /** {@code target = term} in {@code type}: numbers converted as {@code Numbers.convert}, anything else as it is. */
  private void assignConverted(Term term, ValueType type, JavaRep rep, String target, String targetNull) {
    if (rep.isNumeric()) {
      emit(targetNull + " = " + term.isNull() + ";");
      emit("if (!" + targetNull + ") {");
      emit("  " + target + " = " + term.asNumber(rep) + ";");
      emit("}");
    } else if (rep == JavaRep.BOOLEAN) {
      emit(targetNull + " = " + term.isNull() + ";");
      emit("if (!" + targetNull + ") {");
      emit("  " + target + " = " + term.asBoolean() + ";");
      emit("}");
    } else if (type.kind() == Kind.DECIMAL) {
      String boxed = term.boxed();
      emit(target + " = " + boxed + " instanceof Number ? Numbers.convert((Number) " + boxed + ", "
          + sharedReference(type) + ") : " + boxed + ";");
      emit(targetNull + " = " + target + " == null;");
    } else {
      emit(target + " = " + term.boxed() + ";");
      emit(targetNull + " = " + target + " == null;");
    }
  }

  private Term cast(RexCall call, ValueType to) {
    RexNode operandNode = call.getOperands().get(0);
    ValueType from = ValueTypes.of(operandNode.getType());
    JavaRep rep = JavaRep.of(to.kind());
    Term operand = generate(operandNode);
    if (rep.isNumeric() && from.kind().isNumeric()) {
      String value = local("cast");
      emit(rep.javaType + " " + value + " = " + operand.isNull() + " ? " + rep.zero + " : " + operand.asNumber(rep)
          + ";");
      return new Term(value, operand.isNull(), rep);
    }
    String value = local("cast");
    emit("Object " + value + " = Casts.cast(" + operand.boxed() + ", " + sharedReference(from) + ", "
        + sharedReference(to) + ", " + sharedReference(zone) + ");");
    return Term.object(value);
  }

  /** The first operand that is not NULL, as it is (COALESCE does not convert), evaluating no further. */
  private Term coalesce(List<RexNode> operands) {
    String value = local("coalesce");
    emit("Object " + value + " = null;");
    coalesceFrom(operands, 0, value);
    return Term.object(value);
  }

  private void coalesceFrom(List<RexNode> operands, int index, String value) {
    Term operand = generate(operands.get(index));
    if (index + 1 == operands.size()) {
      emit(value + " = " + operand.boxed() + ";");
      return;
    }
    emit("if (!" + operand.isNull() + ") {");
    emit("  " + value + " = " + operand.boxedNonNull() + ";");
    emit("} else {");
    indent(() -> scoped(() -> {
      coalesceFrom(operands, index + 1, value);
      return null;
    }));
    emit("}");
  }

  private static boolean isDatetime(RexNode node) {
    return SqlTypeName.DATETIME_TYPES.contains(node.getType().getSqlTypeName());
  }

  /** A field holding {@code value}, shared with other uses of an equal value. */
  private String sharedReference(Object value) {
    String known = sharedReferences.get(value);
    if (known == null) {
      known = reference(value, declaredType(value));
      sharedReferences.put(value, known);
    }
    return known;
  }

  private String reference(Object value, String declaredType) {
    references.add(value);
    referenceTypes.add(declaredType);
    return "ref" + (references.size() - 1);
  }

  private static String declaredType(Object value) {
    if (value instanceof String) {
      return "String";
    }
    if (value instanceof BigDecimal) {
      return "java.math.BigDecimal";
    }
    if (value instanceof ValueType) {
      return "ValueType";
    }
    if (value instanceof ZoneId) {
      return "java.time.ZoneId";
    }
    return "Object";
  }

  private String local(String prefix) {
    return prefix + (locals++);
  }

  /** Runs {@code body} in a scope of its own: what it computes is not reused after it. */
  private <T> T scoped(Supplier<T> body) {
    scopes.push(new HashMap<>());
    try {
      return body.get();
    } finally {
      scopes.pop();
    }
  }

  private <T> T indent(Supplier<T> body) {
    String saved = indent;
    indent = indent + "  ";
    try {
      return body.get();
    } finally {
      indent = saved;
    }
  }
}
