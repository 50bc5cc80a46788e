package io.spate.examples;

/** Thrown when an example is given wrong arguments, or asked for help; carries the example's usage. */
public final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String usage;
  private final boolean helpRequest;

  private UsageException(String message, String usage, boolean helpRequest) {
    super(message);
    this.usage = usage;
    this.helpRequest = helpRequest;
  }

  /** Wrong arguments: {@code reason} is one line saying what is wrong. */
  public static UsageException wrongArguments(String reason, String usage) {
    return new UsageException(reason, usage, false);
  }

  /** The user asked for the usage with {@code --help}. */
  public static UsageException helpRequest(String usage) {
    return new UsageException("Help requested.", usage, true);
  }

  /** The example's usage text. */
  public String usage() {
    return usage;
  }

  /** Whether this is a request for help rather than an error. */
  public boolean isHelpRequest() {
    return helpRequest;
  }
}
