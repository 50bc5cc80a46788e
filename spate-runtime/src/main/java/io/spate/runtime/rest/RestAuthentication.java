package io.spate.runtime.rest;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.RestOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * How the REST API checks a request's credentials ({@code rest.authentication.*}): not at all, a
 * bearer token, or HTTP basic user name and password.
 */
abstract class RestAuthentication {

  /** The authentication {@code conf} asks for; a missing credential or an unknown type names the option. */
  static RestAuthentication from(Configuration conf) {
    String type = conf.get(RestOptions.AUTHENTICATION_TYPE).trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "none" -> new None();
      case "bearer" -> new Bearer(required(conf, RestOptions.AUTHENTICATION_TOKEN.key(),
          conf.get(RestOptions.AUTHENTICATION_TOKEN), "bearer"));
      case "basic" -> {
        String user = required(conf, RestOptions.AUTHENTICATION_USERNAME.key(),
            conf.get(RestOptions.AUTHENTICATION_USERNAME), "basic");
        String password = required(conf, RestOptions.AUTHENTICATION_PASSWORD.key(),
            conf.get(RestOptions.AUTHENTICATION_PASSWORD), "basic");
        if (user.contains(":")) {
          throw new IllegalConfigurationException(RestOptions.AUTHENTICATION_USERNAME.key()
              + " contains ':', which HTTP basic authentication cannot carry in a user name.");
        }
        yield new Basic(user, password);
      }
      default -> throw new IllegalConfigurationException(RestOptions.AUTHENTICATION_TYPE.key() + " is '"
          + conf.get(RestOptions.AUTHENTICATION_TYPE) + "'; use none, bearer or basic.");
    };
  }

  private static String required(Configuration conf, String key, String value, String type) {
    if (value == null || value.isEmpty()) {
      throw new IllegalConfigurationException(RestOptions.AUTHENTICATION_TYPE.key() + " is " + type + ", but "
          + key + " is not set; set it, or set " + RestOptions.AUTHENTICATION_TYPE.key() + " to none.");
    }
    return value;
  }

  /** Whether requests need credentials at all. */
  abstract boolean enabled();

  /** Whether the {@code Authorization} header (null when absent) carries the configured credentials. */
  abstract boolean accepts(String authorization);

  /** The {@code WWW-Authenticate} header of a 401 answer. */
  abstract String challenge();

  /** The scheme, for messages. */
  abstract String scheme();

  /**
   * Compares in time that depends on neither secret: both sides are hashed first, so even their
   * lengths do not show.
   */
  static boolean constantTimeEquals(String presented, String expected) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] a = sha.digest(presented.getBytes(StandardCharsets.UTF_8));
      byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(a, b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM lacks SHA-256, which every Java platform must have", e);
    }
  }

  /** The credential after {@code scheme} in {@code authorization}, or null if the header uses another scheme. */
  static String credentialOf(String authorization, String scheme) {
    if (authorization == null) {
      return null;
    }
    String header = authorization.trim();
    if (header.length() <= scheme.length() || !header.regionMatches(true, 0, scheme, 0, scheme.length())
        || header.charAt(scheme.length()) != ' ') {
      return null;
    }
    return header.substring(scheme.length() + 1).trim();
  }

  private static final class None extends RestAuthentication {
    @Override
    boolean enabled() {
      return false;
    }

    @Override
    boolean accepts(String authorization) {
      return true;
    }

    @Override
    String challenge() {
      return null;
    }

    @Override
    String scheme() {
      return "none";
    }
  }

  private static final class Bearer extends RestAuthentication {
    private final String token;

    Bearer(String token) {
      this.token = token;
    }

    @Override
    boolean enabled() {
      return true;
    }

    @Override
    boolean accepts(String authorization) {
      String presented = credentialOf(authorization, "Bearer");
      // Compared even when absent, so that a missing header costs the same as a wrong one.
      return constantTimeEquals(presented == null ? "" : presented, token) && presented != null;
    }

    @Override
    String challenge() {
      return "Bearer realm=\"spate\"";
    }

    @Override
    String scheme() {
      return "a bearer token (Authorization: Bearer <token>)";
    }
  }

  private static final class Basic extends RestAuthentication {
    private final String expected;

    Basic(String user, String password) {
      this.expected = user + ":" + password;
    }

    @Override
    boolean enabled() {
      return true;
    }

    @Override
    boolean accepts(String authorization) {
      String encoded = credentialOf(authorization, "Basic");
      String presented = null;
      if (encoded != null) {
        try {
          presented = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          presented = null;
        }
      }
      return constantTimeEquals(presented == null ? "" : presented, expected) && presented != null;
    }

    @Override
    String challenge() {
      return "Basic realm=\"spate\", charset=\"UTF-8\"";
    }

    @Override
    String scheme() {
      return "HTTP basic authentication (Authorization: Basic <base64 of user:password>)";
    }
  }
}
