package io.spate.bench.nexmark.sql;

import io.spate.bench.nexmark.Q0;
import io.spate.bench.nexmark.Q1;
import io.spate.bench.nexmark.Q10;
import io.spate.bench.nexmark.Q11;
import io.spate.bench.nexmark.Q12;
import io.spate.bench.nexmark.Q13;
import io.spate.bench.nexmark.Q14;
import io.spate.bench.nexmark.Q15;
import io.spate.bench.nexmark.Q16;
import io.spate.bench.nexmark.Q17;
import io.spate.bench.nexmark.Q19;
import io.spate.bench.nexmark.Q2;
import io.spate.bench.nexmark.Q20;
import io.spate.bench.nexmark.Q21;
import io.spate.bench.nexmark.Q22;
import io.spate.bench.nexmark.Q3;
import io.spate.bench.nexmark.Q4;
import io.spate.bench.nexmark.Q5;
import io.spate.bench.nexmark.Q6;
import io.spate.bench.nexmark.Q7;
import io.spate.bench.nexmark.Q8;
import io.spate.bench.nexmark.WinningBid;
import io.spate.connectors.nexmark.Bid;
import java.util.HashMap;
import java.util.Map;

/**
 * What the SQL versions of the Nexmark queries share with the DataStream versions: the record type
 * each result row becomes (the DataStream version's output row, so that both fold to the same
 * {@link io.spate.bench.nexmark.ResultSummary}), and the values of the SQL files' placeholders.
 */
public final class NexmarkSqlQueries {

  /** The placeholder of the package that holds an engine's user-defined functions. */
  public static final String UDF_PACKAGE = "udf-package";

  /** The package of Spate's user-defined functions of q13 and q14. */
  public static final String SPATE_UDF_PACKAGE = "io.spate.bench.nexmark.sql";

  private NexmarkSqlQueries() {}

  /** The DataStream version's output row type of query {@code name}; fails for an unknown query. */
  public static Class<?> recordType(String name) {
    return switch (name) {
      case "q0" -> Q0.Row.class;
      case "q1" -> Q1.Row.class;
      case "q2" -> Q2.Row.class;
      case "q3" -> Q3.Row.class;
      case "q4" -> Q4.Row.class;
      case "q5" -> Q5.Row.class;
      case "q6" -> Q6.Row.class;
      case "q7" -> Q7.Row.class;
      case "q8" -> Q8.Row.class;
      case "q9" -> WinningBid.class;
      case "q10" -> Q10.Row.class;
      case "q11" -> Q11.Row.class;
      case "q12" -> Q12.Row.class;
      case "q13" -> Q13.Row.class;
      case "q14" -> Q14.Row.class;
      case "q15" -> Q15.Row.class;
      case "q16" -> Q16.Row.class;
      case "q17" -> Q17.Row.class;
      case "q18" -> Bid.class;
      case "q19" -> Q19.Row.class;
      case "q20" -> Q20.Row.class;
      case "q21" -> Q21.Row.class;
      case "q22" -> Q22.Row.class;
      default -> throw new IllegalArgumentException("Unknown Nexmark query '" + name + "'");
    };
  }

  /**
   * Whether query {@code name}'s result is folded by its DataStream version's own fold (q12, whose
   * windows depend on the clock, compares totals per bidder) rather than as a changelog.
   */
  public static boolean foldedByQuery(String name) {
    return name.equals("q12");
  }

  /**
   * The placeholders' values for a run of {@code events} events at {@code eventRate} events per
   * second of event time, with generator seed {@code seed}, at {@code parallelism}, calling the
   * functions of {@code udfPackage}.
   */
  public static Map<String, String> placeholders(long events, double eventRate, long seed, int parallelism,
      String udfPackage) {
    Map<String, String> values = new HashMap<>();
    values.put("events", Long.toString(events));
    values.put("event-rate", plain(eventRate));
    values.put("seed", Long.toString(seed));
    values.put("parallelism", Integer.toString(parallelism));
    values.put(UDF_PACKAGE, udfPackage);
    return values;
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
