package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;

/**
 * The options of a job's restore from a savepoint or retained checkpoint under the class name Flink
 * gives them; each is the same option as in {@link SavepointOptions}.
 */
@PublicEvolving
public final class StateRecoveryOptions {

  /** Flink's class has a public constructor; everything here is static. */
  public StateRecoveryOptions() {}

  /** The same option as {@link SavepointOptions#SAVEPOINT_PATH}. */
  public static final ConfigOption<String> SAVEPOINT_PATH = SavepointOptions.SAVEPOINT_PATH;

  /** The same option as {@link SavepointOptions#ALLOW_NON_RESTORED_STATE}. */
  public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE = SavepointOptions.ALLOW_NON_RESTORED_STATE;

  /** The same option as {@link SavepointOptions#RESTORE_MODE}. */
  public static final ConfigOption<RestoreMode> RESTORE_MODE = SavepointOptions.RESTORE_MODE;
}
