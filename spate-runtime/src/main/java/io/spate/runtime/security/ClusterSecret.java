package io.spate.runtime.security;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.SecurityOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that the processes of one cluster share ({@code security.internal.secret-file}) and with
 * which they authenticate each other on the control and data planes: each side sends a fresh random
 * nonce, and each proves that it knows the secret with an HMAC-SHA256 over both nonces and its role,
 * so that a recorded proof is worth nothing on another connection. It authenticates, it does not
 * encrypt.
 */
public final class ClusterSecret {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterSecret.class);
  /** Bytes of a nonce and of a proof. */
  public static final int NONCE_SIZE = 32;
  public static final int PROOF_SIZE = 32;
  private static final int MIN_SECRET_BYTES = 16;
  private static final int MAX_SECRET_BYTES = 4096;
  private static final String ALGORITHM = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private ClusterSecret(byte[] secret) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /** The secret of {@code security.internal.secret-file}, or empty when the option is not set. */
  public static Optional<ClusterSecret> from(Configuration conf) {
    Optional<String> file = conf.getOptional(SecurityOptions.INTERNAL_SECRET_FILE);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(read(Path.of(file.get())));
  }

  /** A secret of the given bytes (for tests). */
  public static ClusterSecret of(byte[] secret) {
    return new ClusterSecret(secret.clone());
  }

  private static ClusterSecret read(Path file) {
    String option = SecurityOptions.INTERNAL_SECRET_FILE.key();
    byte[] content;
    try {
      if (Files.size(file) > MAX_SECRET_BYTES) {
        throw new IllegalConfigurationException(option + " (" + file + ") is larger than " + MAX_SECRET_BYTES
            + " bytes; it should hold only the cluster secret.");
      }
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalConfigurationException(option + " names " + file + ", which cannot be read: " + e);
    }
    // Trailing white space (an editor's newline) is not part of the secret.
    byte[] secret = new String(content, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalConfigurationException(option + " (" + file + ") holds " + secret.length + " bytes; the"
          + " cluster secret must have at least " + MIN_SECRET_BYTES + " (make one with 'head -c 32 /dev/urandom"
          + " | base64 > " + file + "').");
    }
    warnIfOthersCanRead(file);
    return new ClusterSecret(secret);
  }

  private static void warnIfOthersCanRead(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        LOG.warn("{} ({}) is readable by other users ({}); make it readable only by its owner (chmod 600)",
            SecurityOptions.INTERNAL_SECRET_FILE.key(), file, PosixFilePermissions.toString(permissions));
      }
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
  }

  /**
   * Writes a new random secret to {@code file}, which must not exist, creating it readable and
   * writable by its owner only.
   *
   * @throws FileAlreadyExistsException if the file exists
   */
  public static void writeNew(Path file) throws IOException {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, HexFormat.of().formatHex(secret) + System.lineSeparator(), StandardCharsets.UTF_8);
  }

  /** A fresh random nonce. */
  public static byte[] nonce() {
    byte[] nonce = new byte[NONCE_SIZE];
    RANDOM.nextBytes(nonce);
    return nonce;
  }

  /**
   * The proof that the side {@code role} of a connection of kind {@code plane} knows the secret, bound
   * to both nonces of that connection.
   */
  public byte[] proof(String plane, String role, byte[] connectingNonce, byte[] acceptingNonce) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((plane + "/" + role + "/").getBytes(StandardCharsets.UTF_8));
      mac.update(connectingNonce);
      mac.update(acceptingNonce);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot compute " + ALGORITHM, e);
    }
  }

  /** Whether {@code proof} is the expected one, compared in constant time. */
  public boolean verify(byte[] proof, String plane, String role, byte[] connectingNonce, byte[] acceptingNonce) {
    return proof != null && MessageDigest.isEqual(proof, proof(plane, role, connectingNonce, acceptingNonce));
  }
}
