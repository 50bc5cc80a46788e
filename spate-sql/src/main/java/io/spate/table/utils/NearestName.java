package io.spate.table.utils;

import io.spate.api.annotation.Internal;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name closest to a misspelt one, so that an error can say "did you mean ...". Names are compared
 * case-insensitively by edit distance; a candidate counts only when it is close enough to be a plausible typo.
 */
@Internal
public final class NearestName {

  private NearestName() {}

  /**
   * The candidate nearest to {@code name}, if one is within a third of the name's length (at least one) edits.
   * Ties go to the candidate that comes first.
   */
  public static Optional<String> of(String name, Collection<String> candidates) {
    String wanted = name.toUpperCase(Locale.ROOT);
    int allowed = Math.max(1, wanted.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(wanted, candidate.toUpperCase(Locale.ROOT));
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The Levenshtein distance: the fewest insertions, deletions and substitutions turning a into b. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
