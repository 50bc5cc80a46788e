package io.spate.bench.nexmark.flink;

import java.util.List;

/** The Nexmark queries on Flink, in order. */
public final class FlinkNexmarkQueries {

  private FlinkNexmarkQueries() {}

  /** One instance of every query. */
  public static List<FlinkNexmarkQuery> all() {
    return List.of(new Q0(), new Q1(), new Q2(), new Q3(), new Q4(), new Q5(), new Q6(), new Q7(), new Q8(),
        new Q9(), new Q10(), new Q11(), new Q12(), new Q13(), new Q14(), new Q15(), new Q16(), new Q17(),
        new Q18(), new Q19(), new Q20(), new Q21(), new Q22());
  }

  /** The query called {@code name}. */
  public static FlinkNexmarkQuery named(String name) {
    return all().stream().filter(q -> q.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No Flink Nexmark query " + name));
  }
}
