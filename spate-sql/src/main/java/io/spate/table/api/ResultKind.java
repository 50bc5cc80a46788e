package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;

/** What a {@link TableResult} holds: only success, or rows too. */
@PublicEvolving
public enum ResultKind {
  /** A statement that changes the session or catalog and returns no rows. */
  SUCCESS,
  /** A statement that returns rows: a query, SHOW, DESCRIBE, EXPLAIN, or an INSERT's job. */
  SUCCESS_WITH_CONTENT
}
