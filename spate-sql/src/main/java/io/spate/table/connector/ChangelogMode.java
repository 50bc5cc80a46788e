package io.spate.table.connector;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.types.RowKind;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of changes a table source produces or a sink takes: only inserts, upserts (inserts,
 * updates after and deletes, by key) or every kind (retractions with update-before rows too).
 */
@PublicEvolving
public final class ChangelogMode {

  private static final ChangelogMode INSERT_ONLY = new ChangelogMode(EnumSet.of(RowKind.INSERT));
  private static final ChangelogMode UPSERT = new ChangelogMode(EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER,
      RowKind.DELETE));
  private static final ChangelogMode ALL = new ChangelogMode(EnumSet.allOf(RowKind.class));

  private final Set<RowKind> kinds;

  private ChangelogMode(Set<RowKind> kinds) {
    this.kinds = Set.copyOf(kinds);
  }

  /** Only inserts. */
  public static ChangelogMode insertOnly() {
    return INSERT_ONLY;
  }

  /** Inserts, updates after and deletes: changes by key, without update-before rows. */
  public static ChangelogMode upsert() {
    return UPSERT;
  }

  /** Every kind of change. */
  public static ChangelogMode all() {
    return ALL;
  }

  /** A mode with exactly {@code kinds}. */
  public static ChangelogMode of(RowKind... kinds) {
    EnumSet<RowKind> set = EnumSet.noneOf(RowKind.class);
    set.addAll(java.util.List.of(kinds));
    return new ChangelogMode(set);
  }

  /** The kinds of changes. */
  public Set<RowKind> getContainedKinds() {
    return kinds;
  }

  /** Whether {@code kind} is one of them. */
  public boolean contains(RowKind kind) {
    return kinds.contains(kind);
  }

  /** Whether only inserts. */
  public boolean containsOnly(RowKind kind) {
    return kinds.size() == 1 && kinds.contains(kind);
  }

  /** Whether only inserts: an append-only stream. */
  public boolean isInsertOnly() {
    return containsOnly(RowKind.INSERT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChangelogMode other && kinds.equals(other.kinds);
  }

  @Override
  public int hashCode() {
    return kinds.hashCode();
  }

  @Override
  public String toString() {
    return kinds.stream().sorted().map(ChangelogMode::abbreviation).collect(Collectors.joining(",", "[", "]"));
  }

  /** The kind as plans show it: I, UB, UA or D. */
  private static String abbreviation(RowKind kind) {
    switch (kind) {
      case UPDATE_BEFORE:
        return "UB";
      case UPDATE_AFTER:
        return "UA";
      default:
        return kind.shortString().substring(1);
    }
  }
}
