package io.spate.api.metrics;

import io.spate.api.annotation.PublicEvolving;

/** Rewrites the parts of a metric identifier into characters that a reporter's backend accepts. */
@PublicEvolving
@FunctionalInterface
public interface CharacterFilter {

  /** Leaves every string as it is. */
  CharacterFilter NO_OP = input -> input;

  /** {@code input} with the characters the backend cannot take replaced. */
  String filterCharacters(String input);
}
