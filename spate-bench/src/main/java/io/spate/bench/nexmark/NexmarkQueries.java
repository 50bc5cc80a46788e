package io.spate.bench.nexmark;

import java.util.List;

/** The Nexmark queries that Spate runs, in order. */
public final class NexmarkQueries {

  private NexmarkQueries() {}

  /** One instance of every implemented query. */
  public static List<NexmarkQuery<?>> all() {
    return List.of(new Q0(), new Q1(), new Q2(), new Q10(), new Q14(), new Q21(), new Q22());
  }
}
