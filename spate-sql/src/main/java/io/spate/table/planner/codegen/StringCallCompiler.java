package io.spate.table.planner.codegen;

import io.spate.table.api.TableException;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.expr.PatternCache;
import io.spate.table.runtime.expr.StringFunctions;
import io.spate.table.runtime.expr.builtin.SimilarToPatterns;
import io.spate.table.runtime.expr.builtin.StringBuiltIns;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/** Compiles calls of Flink's built-in string functions ({@link StringBuiltIns}) into expressions. */
final class StringCallCompiler {

  /** The names of the functions this compiler compiles. */
  static final java.util.Set<String> NAMES = java.util.Set.of("LPAD", "RPAD", "REPEAT", "REVERSE", "LEFT", "RIGHT",
      "SUBSTR", "LOCATE", "INSTR", "CHR", "HEX", "BIN", "TO_BASE64", "FROM_BASE64", "MD5", "SHA1", "SHA224", "SHA256",
      "SHA384", "SHA512", "SHA2", "STR_TO_MAP", "REGEXP", "SIMILAR TO", "NOT SIMILAR TO",
      "UUID");

  private final ExprCompiler compiler;

  StringCallCompiler(ExprCompiler compiler) {
    this.compiler = compiler;
  }

  /** {@code call} as an expression, or null if it is not a call of one of these functions. */
  Expr compile(String name, RexCall call) {
    List<Expr> args = compiler.compileAll(call.getOperands());
    switch (name) {
      case "UUID":
        return row -> java.util.UUID.randomUUID().toString();
      case "LPAD":
        return Calls.nullIfAny(args, a -> StringBuiltIns.lpad((String) a[0], Calls.intOf(a[1]), (String) a[2]));
      case "RPAD":
        return Calls.nullIfAny(args, a -> StringBuiltIns.rpad((String) a[0], Calls.intOf(a[1]), (String) a[2]));
      case "REPEAT":
        return Calls.nullIfAny(args, a -> StringBuiltIns.repeat((String) a[0], Calls.intOf(a[1])));
      case "REVERSE":
        return Calls.nullIfAny(args, a -> StringBuiltIns.reverse((String) a[0]));
      case "LEFT":
        return Calls.nullIfAny(args, a -> StringBuiltIns.left((String) a[0], Calls.intOf(a[1])));
      case "RIGHT":
        return Calls.nullIfAny(args, a -> StringBuiltIns.right((String) a[0], Calls.intOf(a[1])));
      case "SUBSTR":
        return Calls.nullIfAny(args, a -> StringFunctions.substring((String) a[0], Calls.intOf(a[1]),
            a.length > 2 ? Calls.intOf(a[2]) : Integer.MAX_VALUE));
      case "LOCATE":
        return Calls.nullIfAny(args, a -> StringBuiltIns.locate((String) a[0], (String) a[1],
            a.length > 2 ? Calls.intOf(a[2]) : 1));
      case "INSTR":
        return Calls.nullIfAny(args, a -> StringBuiltIns.locate((String) a[1], (String) a[0], 1));
      case "CHR":
        return Calls.nullIfAny(args, a -> StringBuiltIns.chr(((Number) a[0]).longValue()));
      case "HEX":
        return Calls.nullIfAny(args, a -> a[0] instanceof String s ? StringBuiltIns.hex(s)
            : StringBuiltIns.hex(((Number) a[0]).longValue()));
      case "BIN":
        return Calls.nullIfAny(args, a -> StringBuiltIns.bin(((Number) a[0]).longValue()));
      case "TO_BASE64":
        return Calls.nullIfAny(args, a -> StringBuiltIns.toBase64((String) a[0]));
      case "FROM_BASE64":
        return Calls.nullIfAny(args, a -> StringBuiltIns.fromBase64((String) a[0]));
      case "MD5":
        return Calls.nullIfAny(args, a -> StringBuiltIns.digest("MD5", (String) a[0]));
      case "SHA1":
        return Calls.nullIfAny(args, a -> StringBuiltIns.digest("SHA-1", (String) a[0]));
      case "SHA224":
      case "SHA256":
      case "SHA384":
      case "SHA512": {
        String algorithm = "SHA-" + name.substring(3);
        return Calls.nullIfAny(args, a -> StringBuiltIns.digest(algorithm, (String) a[0]));
      }
      case "SHA2":
        return sha2(call, args);
      case "STR_TO_MAP":
        return strToMap(call, args);
      case "REGEXP": {
        PatternCache<Pattern> patterns = regexes(call, 1, "REGEXP");
        return Calls.nullIfAny(args, a -> patterns.apply(a[1]).matcher((String) a[0]).find());
      }
      case "SIMILAR TO":
      case "NOT SIMILAR TO":
        return similarTo(call, args, name.startsWith("NOT"));
      default:
        return null;
    }
  }

  /** {@code s [NOT] SIMILAR TO pattern [ESCAPE e]}: whether the whole of {@code s} matches; NULL if an argument is. */
  private Expr similarTo(RexCall call, List<Expr> args, boolean negated) {
    PatternCache<Pattern> patterns = new PatternCache<>(p -> {
      PatternKey key = (PatternKey) p;
      return SimilarToPatterns.compile(key.pattern(), key.escape() == null ? null : escapeChar(key.escape()));
    });
    RexNode patternNode = call.getOperands().get(1);
    if (patternNode instanceof RexLiteral literal && !literal.isNull() && (call.getOperands().size() < 3
        || call.getOperands().get(2) instanceof RexLiteral)) {
      String escape = call.getOperands().size() < 3 ? null
          : (String) compiler.literalValue((RexLiteral) call.getOperands().get(2));
      patterns.apply(new PatternKey((String) compiler.literalValue(literal), escape));
    }
    return Calls.nullIfAny(args, a -> patterns.apply(new PatternKey((String) a[1],
        a.length > 2 ? (String) a[2] : null)).matcher((String) a[0]).matches() != negated);
  }

  private static char escapeChar(String escape) {
    if (escape.length() != 1) {
      throw new TableException("The ESCAPE of SIMILAR TO must be one character, not '" + escape + "'");
    }
    return escape.charAt(0);
  }

  /** A pattern and its escape, compared by value so that the cache recognizes them. */
  private record PatternKey(String pattern, String escape) {}

  private Expr sha2(RexCall call, List<Expr> args) {
    RexNode bitsNode = call.getOperands().get(1);
    if (bitsNode instanceof RexLiteral literal && !literal.isNull()) {
      int bits = ((Number) compiler.literalValue(literal)).intValue();
      if (StringBuiltIns.sha2Algorithm(bits) == null) {
        throw new TableException("SHA2(string, hashLength) takes a hash length of 224, 256, 384 or 512, not " + bits);
      }
    }
    return Calls.nullIfAny(args, a -> {
      String algorithm = StringBuiltIns.sha2Algorithm(Calls.intOf(a[1]));
      return algorithm == null ? null : StringBuiltIns.digest(algorithm, (String) a[0]);
    });
  }

  private Expr strToMap(RexCall call, List<Expr> args) {
    if (args.size() == 1) {
      Pattern entries = Pattern.compile(",");
      Pattern keyValue = Pattern.compile("=");
      return Calls.nullIfAny(args, a -> StringBuiltIns.strToMap((String) a[0], entries, keyValue));
    }
    PatternCache<Pattern> entries = regexes(call, 1, "STR_TO_MAP");
    PatternCache<Pattern> keyValues = regexes(call, 2, "STR_TO_MAP");
    return Calls.nullIfAny(args, a -> StringBuiltIns.strToMap((String) a[0], entries.apply(a[1]),
        keyValues.apply(a[2])));
  }

  /** The regular expressions operand {@code index} gives, compiled once each; a bad constant one fails the planning. */
  private PatternCache<Pattern> regexes(RexCall call, int index, String function) {
    PatternCache<Pattern> cache = new PatternCache<>(p -> regex(function, (String) p));
    RexNode operand = call.getOperands().get(index);
    if (operand instanceof RexLiteral literal && !literal.isNull()) {
      cache.apply(compiler.literalValue(literal));
    }
    return cache;
  }

  private static Pattern regex(String function, String pattern) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new TableException(function + ": '" + pattern + "' is not a regular expression: "
          + e.getDescription() + " at position " + e.getIndex());
    }
  }
}
