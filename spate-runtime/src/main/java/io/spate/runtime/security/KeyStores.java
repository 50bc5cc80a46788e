package io.spate.runtime.security;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Collections;

/**
 * Loads keystores and truststores named by options, turning every problem (no path, no file, an
 * unreadable file, a wrong password, a file of the wrong kind) into a message that names the option
 * and the file.
 */
final class KeyStores {

  private KeyStores() {}

  /** The store at the path of {@code pathOption}, opened with the password of {@code passwordOption}. */
  static KeyStore load(Configuration conf, ConfigOption<String> pathOption, ConfigOption<String> passwordOption,
      boolean passwordRequired) {
    String location = conf.get(pathOption);
    if (location == null || location.isBlank()) {
      throw new IllegalConfigurationException(pathOption.key() + " is not set.");
    }
    String password = conf.get(passwordOption);
    if (password == null && passwordRequired) {
      throw new IllegalConfigurationException(passwordOption.key() + " is not set; it is the password of "
          + pathOption.key() + " (" + location + ").");
    }
    Path path = Path.of(location).toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      throw new IllegalConfigurationException(pathOption.key() + ": the file " + path
          + (Files.exists(path) ? " is not a regular file." : " does not exist."));
    }
    if (!Files.isReadable(path)) {
      throw new IllegalConfigurationException(pathOption.key() + ": the file " + path + " is not readable.");
    }
    try {
      return KeyStore.getInstance(path.toFile(), password == null ? null : password.toCharArray());
    } catch (KeyStoreException e) {
      throw new IllegalConfigurationException(pathOption.key() + ": the file " + path
          + " is not a PKCS12 or JKS keystore (" + e.getMessage() + ").");
    } catch (IOException e) {
      if (causedByWrongPassword(e)) {
        throw new IllegalConfigurationException(passwordOption.key() + " does not open " + pathOption.key() + " ("
            + path + "): " + (password == null ? "no password is set" : "the password is wrong") + ".");
      }
      throw new IllegalConfigurationException(pathOption.key() + ": the file " + path + " cannot be read as a"
          + " keystore: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalConfigurationException(pathOption.key() + ": the file " + path + " cannot be loaded: " + e);
    }
  }

  private static boolean causedByWrongPassword(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnrecoverableKeyException) {
        return true;
      }
      String message = t.getMessage();
      if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("password")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code store} holds at least one private key. */
  static boolean hasPrivateKey(KeyStore store) throws KeyStoreException {
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code store} holds at least one certificate. */
  static boolean hasCertificate(KeyStore store) throws KeyStoreException {
    for (String alias : Collections.list(store.aliases())) {
      if (store.getCertificate(alias) != null) {
        return true;
      }
    }
    return false;
  }
}
