package io.spate.bench.nexmark;

import java.util.List;

/** The Nexmark queries that Spate runs, in order. */
public final class NexmarkQueries {

  private NexmarkQueries() {}

  /** One instance of every implemented query. */
  public static List<NexmarkQuery<?>> all() {
    return List.of(new Q0(), new Q1(), new Q2(), new Q3(), new Q4(), new Q5(), new Q6(), new Q7(), new Q8(),
        new Q9(), new Q10(), new Q11(), new Q12(), new Q13(), new Q14(), new Q15(), new Q16(), new Q17(),
        new Q18(), new Q19(), new Q20(), new Q21(), new Q22());
  }

  /** The query called {@code name}; fails listing the known names. */
  @SuppressWarnings("unchecked")
  public static NexmarkQuery<Object> named(String name) {
    for (NexmarkQuery<?> q : all()) {
      if (q.name().equals(name)) {
        return (NexmarkQuery<Object>) q;
      }
    }
    throw new IllegalArgumentException("Unknown query '" + name + "'; known: "
        + all().stream().map(NexmarkQuery::name).toList());
  }

  /** Whether {@code query}'s result fold is insert-only, so that folds of parallel parts may be added up. */
  public static boolean insertOnly(NexmarkQuery<?> query) {
    return query.newFold(false).getClass() == ResultFold.insertOnly(false).getClass();
  }
}
