package io.spate.table.runtime.operators.rank;

import io.spate.api.annotation.Internal;

/** How a Top-N numbers its rows: {@code ROW_NUMBER()}, {@code RANK()} or {@code DENSE_RANK()}. */
@Internal
public enum RankType {
  /** 1, 2, 3, ...: every row its own number; ties in arrival order. */
  ROW_NUMBER,
  /** Ties share a rank; the next rank counts the rows before it (1, 2, 2, 4). */
  RANK,
  /** Ties share a rank; the next rank follows on (1, 2, 2, 3). */
  DENSE_RANK
}
