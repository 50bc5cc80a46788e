package io.spate.bench.nexmark;

import java.util.ArrayList;
import java.util.List;

/** The Nexmark queries that Spate runs, in order. */
public final class NexmarkQueries {

  private NexmarkQueries() {}

  /** The names of the implemented queries, in order. */
  private static final List<String> NAMES = names();

  /** One instance of every implemented query. */
  public static List<NexmarkQuery<?>> all() {
    List<NexmarkQuery<?>> queries = new ArrayList<>(NAMES.size());
    for (String name : NAMES) {
      queries.add(create(name));
    }
    return List.copyOf(queries);
  }

  /**
   * The query called {@code name}; fails listing the known names. Only that query is made: a job's
   * sink calls this too, and some queries build tables when made.
   */
  @SuppressWarnings("unchecked")
  public static NexmarkQuery<Object> named(String name) {
    NexmarkQuery<?> query = create(name);
    if (query == null) {
      throw new IllegalArgumentException("Unknown query '" + name + "'; known: " + NAMES);
    }
    return (NexmarkQuery<Object>) query;
  }

  private static NexmarkQuery<?> create(String name) {
    return switch (name) {
      case "q0" -> new Q0();
      case "q1" -> new Q1();
      case "q2" -> new Q2();
      case "q3" -> new Q3();
      case "q4" -> new Q4();
      case "q5" -> new Q5();
      case "q6" -> new Q6();
      case "q7" -> new Q7();
      case "q8" -> new Q8();
      case "q9" -> new Q9();
      case "q10" -> new Q10();
      case "q11" -> new Q11();
      case "q12" -> new Q12();
      case "q13" -> new Q13();
      case "q14" -> new Q14();
      case "q15" -> new Q15();
      case "q16" -> new Q16();
      case "q17" -> new Q17();
      case "q18" -> new Q18();
      case "q19" -> new Q19();
      case "q20" -> new Q20();
      case "q21" -> new Q21();
      case "q22" -> new Q22();
      default -> null;
    };
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i <= 22; i++) {
      names.add("q" + i);
    }
    return List.copyOf(names);
  }

  /** Whether {@code query}'s result fold is insert-only, so that folds of parallel parts may be added up. */
  public static boolean insertOnly(NexmarkQuery<?> query) {
    return query.newFold(false).getClass() == ResultFold.insertOnly(false).getClass();
  }
}
