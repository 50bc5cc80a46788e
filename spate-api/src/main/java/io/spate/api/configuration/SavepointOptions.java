package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;

/** Options that make a job start from a savepoint or retained checkpoint. */
@PublicEvolving
public final class SavepointOptions {

  private SavepointOptions() {}

  /** The savepoint or checkpoint a job starts from. */
  public static final ConfigOption<String> SAVEPOINT_PATH = ConfigOption.key("execution.savepoint.path")
      .stringType().noDefaultValue()
      .withDescription("A savepoint or retained checkpoint (its directory, or a job's checkpoint directory for its"
          + " newest complete checkpoint) that the job restores its state from when it starts.");

  /** Whether state of operators the job no longer has may be skipped on restore. */
  public static final ConfigOption<Boolean> ALLOW_NON_RESTORED_STATE =
      ConfigOption.key("execution.savepoint.ignore-unclaimed-state").booleanType().defaultValue(false)
          .withDescription("Whether a job may start from a savepoint that holds state of operators it no longer has"
              + " (that state is skipped); otherwise such a restore fails and names the operator.");

  /** Whether the job takes over the snapshot it starts from. */
  public static final ConfigOption<RestoreMode> RESTORE_MODE =
      ConfigOption.key("execution.savepoint-restore-mode").enumType(RestoreMode.class)
          .defaultValue(RestoreMode.NO_CLAIM)
          .withDescription("Who owns the savepoint or retained checkpoint in execution.savepoint.path: with CLAIM the"
              + " job takes it over and deletes it once its own checkpoints subsume it; with NO_CLAIM it is left"
              + " alone. A highly available cluster resumes its jobs in CLAIM mode from the checkpoints they made.");
}
