package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;

/** Who owns the savepoint or retained checkpoint a job starts from, and so who deletes it. */
@PublicEvolving
public enum RestoreMode {
  /**
   * The job takes the snapshot over: it is retained like a checkpoint the job completed and deleted
   * once newer checkpoints subsume it. Nothing else may start from it afterwards.
   */
  CLAIM,
  /** The snapshot stays its creator's: the job never deletes it and does not build on its files. */
  NO_CLAIM
}
