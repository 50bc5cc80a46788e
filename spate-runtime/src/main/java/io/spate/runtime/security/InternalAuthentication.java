package io.spate.runtime.security;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.RestOptions;
import io.spate.api.configuration.SecurityOptions;
import java.util.Locale;

/**
 * The start-up rule of cluster processes: a process whose REST API requires authentication must not
 * leave its RPC and data connections open to anyone, unless told so explicitly.
 */
public final class InternalAuthentication {

  private InternalAuthentication() {}

  /** Whether the REST API of {@code conf} requires credentials (a token, a password or a client certificate). */
  public static boolean restRequiresAuthentication(Configuration conf) {
    String type = conf.get(RestOptions.AUTHENTICATION_TYPE).trim().toLowerCase(Locale.ROOT);
    return !type.equals("none") || conf.get(SecurityOptions.REST_AUTHENTICATION_ENABLED);
  }

  /** Whether {@code conf} authenticates the connections between cluster processes (a secret or mutual TLS). */
  public static boolean internalPlanesAuthenticated(Configuration conf) {
    return conf.getOptional(SecurityOptions.INTERNAL_SECRET_FILE).isPresent()
        || conf.get(SecurityOptions.INTERNAL_ENABLED);
  }

  /**
   * Checks the rule for a process named {@code role} ("JobManager", "TaskManager").
   *
   * @throws IllegalConfigurationException naming the options when REST authentication is on, the
   *     internal planes are open and {@code security.internal.allow-unauthenticated} is not set
   */
  public static void requireForProcess(Configuration conf, String role) {
    if (restRequiresAuthentication(conf) && !internalPlanesAuthenticated(conf)
        && !conf.get(SecurityOptions.INTERNAL_ALLOW_UNAUTHENTICATED)) {
      throw new IllegalConfigurationException("This " + role + "'s REST API requires authentication, but its RPC"
          + " and data connections would accept anyone: set " + SecurityOptions.INTERNAL_SECRET_FILE.key()
          + " (a file with the cluster secret, the same on every process) or " + SecurityOptions.INTERNAL_ENABLED.key()
          + " (mutual TLS), or, to run unprotected anyway, " + SecurityOptions.INTERNAL_ALLOW_UNAUTHENTICATED.key()
          + ": true (dangerous).");
    }
  }
}
