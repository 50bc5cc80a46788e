package io.spate.api.configuration;

/** Options that make a job start from a savepoint or retained checkpoint. */
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
}
