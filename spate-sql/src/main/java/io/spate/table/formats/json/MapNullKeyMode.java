package io.spate.table.formats.json;

import io.spate.api.annotation.PublicEvolving;

/** What the json format writes for a map entry whose key is NULL, which JSON cannot hold. */
@PublicEvolving
public enum MapNullKeyMode {
  /** Fail the write. */
  FAIL,
  /** Leave the entry out. */
  DROP,
  /** Write the entry with the literal key of {@code json.map-null-key.literal}. */
  LITERAL
}
