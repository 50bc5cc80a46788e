package io.spate.runtime.rest;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.net.URL;
import java.util.Map;

/**
 * The web UI's files, served at {@code /} of the REST port from the class path directory
 * {@code spate-web/} when a module on the class path (spate-dist) provides it. API routes keep
 * priority: no asset is named like one.
 */
final class WebUiAssets {

  static final String DIRECTORY = "spate-web";
  private static final String INDEX = "index.html";

  private final ClassLoader loader;

  private WebUiAssets(ClassLoader loader) {
    this.loader = loader;
  }

  /** The assets on the class path of {@code loader}, or null when there are none (no UI). */
  static WebUiAssets find(ClassLoader loader) {
    return loader.getResource(DIRECTORY + "/" + INDEX) == null ? null : new WebUiAssets(loader);
  }

  /** Serves the assets at {@code /}; index.html for the root. */
  void install(JavalinConfig config) {
    config.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = "/" + DIRECTORY;
      files.location = Location.CLASSPATH;
      // A new jar's UI must not meet an old cached script of the previous version.
      files.headers = Map.of("Cache-Control", "no-cache");
    });
  }

  /**
   * Whether a GET of {@code path} fetches one of the assets; these load without credentials, since
   * the page itself asks for them and then sends them with every API call.
   */
  boolean isAsset(String path) {
    if (path.equals("/") || path.equals("/" + INDEX)) {
      return true;
    }
    if (!path.startsWith("/") || path.contains("..") || path.contains("//") || path.endsWith("/")) {
      return false;
    }
    URL resource = loader.getResource(DIRECTORY + path);
    return resource != null;
  }
}
