package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;

/** A group of logical type roots that behave alike, for checks such as "is this type numeric". */
@PublicEvolving
public enum LogicalTypeFamily {
  PREDEFINED,
  CONSTRUCTED,
  USER_DEFINED,
  CHARACTER_STRING,
  BINARY_STRING,
  NUMERIC,
  INTEGER_NUMERIC,
  EXACT_NUMERIC,
  APPROXIMATE_NUMERIC,
  DATETIME,
  TIME,
  TIMESTAMP,
  INTERVAL,
  COLLECTION,
  EXTENSION
}
