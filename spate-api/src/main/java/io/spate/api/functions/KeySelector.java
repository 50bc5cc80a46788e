package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** Extracts the key of a record; equal keys must come from records that belong together. */
@Public
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
  /** The key of {@code value}; must be deterministic. */
  KEY getKey(IN value) throws Exception;
}
