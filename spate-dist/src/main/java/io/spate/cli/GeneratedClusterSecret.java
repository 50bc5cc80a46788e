package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.security.ClusterSecret;
import io.spate.runtime.security.InternalAuthentication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The cluster secret that a command starting a cluster's processes makes for them when their REST API
 * requires authentication and neither a secret nor mutual TLS protects their RPC and data connections.
 */
final class GeneratedClusterSecret {

  private GeneratedClusterSecret() {}

  /**
   * Writes a fresh secret to {@code file} (readable only by the user, replacing an older one) and
   * returns it when {@code conf} needs one; empty otherwise.
   */
  static Optional<Path> createIfNeeded(Configuration conf, Path file) throws IOException {
    if (!InternalAuthentication.restRequiresAuthentication(conf)
        || InternalAuthentication.internalPlanesAuthenticated(conf)
        || conf.get(SecurityOptions.INTERNAL_ALLOW_UNAUTHENTICATED)) {
      return Optional.empty();
    }
    Files.deleteIfExists(file);
    ClusterSecret.writeNew(file);
    return Optional.of(file);
  }
}
