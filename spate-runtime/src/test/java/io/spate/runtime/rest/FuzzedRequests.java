package io.spate.runtime.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Makes random and mutated requests for the routes of a REST server from one seed: methods, paths
 * built from each route's template with real, mutated and random parameters, query strings, headers,
 * and bodies (random bytes, mutated valid JSON, deep nesting, strings of megabytes, bad content
 * types, broken multipart). A savepoint target is only ever a directory under {@code scratch}.
 */
final class FuzzedRequests {

  /** One request: sent through an HTTP client unless {@code raw}, then as bytes on a socket. */
  record FuzzRequest(String method, String target, List<String[]> headers, byte[] body, boolean raw) {
    String describe() {
      StringBuilder text = new StringBuilder(method).append(' ').append(abbreviate(target, 300));
      for (String[] header : headers) {
        text.append(" | ").append(header[0]).append(": ").append(abbreviate(header[1], 100));
      }
      text.append(" | body ").append(body == null ? "none" : body.length + " bytes: "
          + abbreviate(new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1), 200));
      return text.append(raw ? " (raw)" : "").toString();
    }
  }

  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"};
  private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
      "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
      "application/octet-stream", "*/*", "application/json; charset=ebcdic", "\u00e9/\u00e9"};
  private static final String[] ODD_SEGMENTS = {"", ".", "..", "%2e%2e", "%2F", "%00", "%", "%zz", "%C3%28", "~",
      "%20", "a%2Fb", ";", ";jsessionid=1", "%25", "%u2215", "\u00fc", "null", "-1", "0", "*", "{jobid}"};
  private static final String[] FILE_NAMES = {"job.jar", "/", "\\", "..", ".", "a/", "../../x.jar", "C:\\a\\b.jar",
      "", "x.JAR", "jar", "a b.jar", "\u00fc\u00f1\u00ee.jar", "x;.jar", "x\".jar", "/etc/passwd.jar", "%2e%2e.jar"};

  private final Random random;
  private final Path scratch;
  private final Map<String, List<String>> knownValues;
  private final List<String> templates;
  private final byte[] validJar;
  private final int maxBodyBytes;
  private int targets;

  /**
   * @param templates the routes as {@code METHOD /path/{param}}
   * @param knownValues real values of each path parameter (such as a running job's id), by name
   */
  FuzzedRequests(long seed, List<String> templates, Map<String, List<String>> knownValues, Path scratch,
      int maxBodyBytes) throws IOException {
    this.random = new Random(seed);
    this.templates = templates;
    this.knownValues = knownValues;
    this.scratch = scratch;
    this.maxBodyBytes = maxBodyBytes;
    this.validJar = jar();
  }

  FuzzRequest next() {
    String route = templates.get(random.nextInt(templates.size()));
    String method = route.substring(0, route.indexOf(' '));
    String template = route.substring(route.indexOf(' ') + 1);
    boolean raw = random.nextInt(4) == 0;
    int choice = random.nextInt(10);
    if (choice == 0) {
      method = METHODS[random.nextInt(METHODS.length)];
    } else if (choice == 1 && raw) {
      method = random.nextBoolean() ? "BREW" : randomText(1 + random.nextInt(12), raw);
    }
    String target = path(template, raw) + query(raw);
    List<String[]> headers = new ArrayList<>();
    byte[] body = null;
    if (template.equals("/jars/upload") && random.nextInt(3) > 0) {
      body = multipart(headers);
    } else if (!method.equals("GET") && !method.equals("HEAD") || random.nextInt(8) == 0) {
      body = body(template);
      if (body != null) {
        String type = random.nextInt(3) > 0 ? "application/json" : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        headers.add(new String[] {"Content-Type", type});
      }
    }
    addHeaders(headers, raw);
    return new FuzzRequest(method, target, headers, body, raw);
  }

  private String path(String template, boolean raw) {
    StringBuilder path = new StringBuilder();
    for (String segment : template.substring(1).split("/")) {
      path.append('/');
      if (segment.startsWith("{")) {
        path.append(parameter(segment.substring(1, segment.length() - 1), raw));
      } else {
        path.append(random.nextInt(40) == 0 ? mutate(segment) : segment);
      }
    }
    switch (random.nextInt(12)) {
      case 0 -> path.append('/');
      case 1 -> path.append('/').append(parameter("extra", raw));
      case 2 -> path.insert(0, '/');
      case 3 -> path.append("/..");
      default -> { }
    }
    return path.toString();
  }

  private String parameter(String name, boolean raw) {
    List<String> known = knownValues.getOrDefault(name, List.of());
    int choice = random.nextInt(10);
    if (choice < 4 && !known.isEmpty()) {
      return known.get(random.nextInt(known.size()));
    }
    if (choice < 6 && !known.isEmpty()) {
      return encode(mutate(known.get(random.nextInt(known.size()))), raw);
    }
    if (choice < 8) {
      String odd = ODD_SEGMENTS[random.nextInt(ODD_SEGMENTS.length)];
      return raw ? odd : encode(odd, false);
    }
    if (choice == 8) {
      return "x".repeat(1 + random.nextInt(random.nextBoolean() ? 100 : 9000));
    }
    return encode(randomText(random.nextInt(40), raw), raw);
  }

  private String query(boolean raw) {
    int parameters = random.nextInt(4);
    if (parameters == 0) {
      return random.nextInt(10) == 0 ? "?" : "";
    }
    StringBuilder query = new StringBuilder("?");
    for (int i = 0; i < parameters; i++) {
      if (i > 0) {
        query.append('&');
      }
      String key = random.nextInt(3) == 0 ? "mode" : randomToken(1 + random.nextInt(10));
      String value = switch (random.nextInt(5)) {
        case 0 -> "cancel";
        case 1 -> "";
        case 2 -> "x".repeat(random.nextInt(3000));
        default -> randomText(random.nextInt(20), raw);
      };
      query.append(encode(key, raw)).append(random.nextInt(10) == 0 ? "" : "=" + encode(value, raw));
    }
    return query.toString();
  }

  private void addHeaders(List<String[]> headers, boolean raw) {
    int extra = random.nextInt(4);
    for (int i = 0; i < extra; i++) {
      switch (random.nextInt(8)) {
        case 0 -> headers.add(new String[] {"Authorization", random.nextBoolean() ? "Bearer " + randomToken(20)
            : "Basic " + randomToken(random.nextInt(30))});
        case 1 -> headers.add(new String[] {"Accept", random.nextBoolean() ? "text/html" : randomToken(10) + "/*"});
        case 2 -> headers.add(new String[] {"X-" + randomToken(1 + random.nextInt(10)),
            raw ? randomText(random.nextInt(200), true) : randomToken(random.nextInt(200))});
        case 3 -> headers.add(new String[] {"Content-Type", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]});
        case 4 -> headers.add(new String[] {"Accept-Encoding", random.nextBoolean() ? "gzip" : randomToken(8)});
        case 5 -> headers.add(new String[] {"X-Big", "y".repeat(random.nextInt(12_000))});
        case 6 -> {
          if (raw) {
            headers.add(new String[] {"Host", random.nextBoolean() ? randomText(random.nextInt(30), true) : "[::1"});
          }
        }
        default -> {
          if (raw) {
            headers.add(new String[] {random.nextBoolean() ? "Content-Length" : "Transfer-Encoding",
                random.nextBoolean() ? randomToken(5) : String.valueOf(random.nextInt(200) - 50)});
          }
        }
      }
    }
  }

  private byte[] body(String template) {
    return switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> new byte[0];
      case 2 -> randomBytes(random.nextInt(random.nextBoolean() ? 64 : 64 * 1024));
      case 3 -> deep(1 + random.nextInt(random.nextBoolean() ? 40 : 200_000));
      case 4 -> hugeString(template);
      case 5 -> ("{\"" + randomToken(5) + "\": " + "9".repeat(1 + random.nextInt(5000)) + "}").getBytes(StandardCharsets.UTF_8);
      case 6, 7 -> mutate(validJson(template, false).getBytes(StandardCharsets.UTF_8));
      case 8 -> randomJson(template).getBytes(StandardCharsets.UTF_8);
      case 9 -> (validJson(template, false) + random.nextInt(5) + " {}").getBytes(StandardCharsets.UTF_8);
      default -> validJson(template, true).getBytes(StandardCharsets.UTF_8);
    };
  }

  /** A body the route accepts; with {@code withPath}, a savepoint target under the scratch directory. */
  private String validJson(String template, boolean withPath) {
    if (template.endsWith("/savepoints")) {
      return withPath ? "{\"target-directory\": " + quoted(target()) + ", \"cancel-job\": false}"
          : "{\"cancel-job\": false}";
    }
    if (template.endsWith("/stop")) {
      return withPath ? "{\"targetDirectory\": " + quoted(target()) + ", \"drain\": false}" : "{\"drain\": false}";
    }
    if (template.endsWith("/run")) {
      return "{\"entryClass\": \"com.example.Job\", \"programArgs\": [\"--a\", \"1\"], \"parallelism\": 1,"
          + " \"allowNonRestoredState\": false, \"restoreMode\": \"NO_CLAIM\"}";
    }
    return "{}";
  }

  /** An object of known and unknown fields with values of any type; targets stay under the scratch directory. */
  private String randomJson(String template) {
    String[] names = {"target-directory", "cancel-job", "targetDirectory", "drain", "entryClass", "programArgs",
        "parallelism", "savepointPath", "allowNonRestoredState", "restoreMode", randomToken(6)};
    StringBuilder json = new StringBuilder("{");
    int fields = random.nextInt(5);
    for (int i = 0; i < fields; i++) {
      String name = names[random.nextInt(names.length)];
      json.append(i > 0 ? ", " : "").append(quoted(name)).append(": ");
      if (name.equals("target-directory") || name.equals("targetDirectory")) {
        json.append(random.nextBoolean() ? quoted(target()) : String.valueOf(random.nextInt()));
      } else {
        json.append(randomValue(2));
      }
    }
    return json.append('}').toString();
  }

  private String randomValue(int depth) {
    return switch (random.nextInt(depth > 0 ? 9 : 7)) {
      case 0 -> "null";
      case 1 -> String.valueOf(random.nextBoolean());
      case 2 -> String.valueOf(random.nextInt());
      case 3 -> String.valueOf(random.nextDouble() * 1e300);
      case 4 -> "-0";
      case 5 -> quoted(randomText(random.nextInt(30), false));
      case 6 -> "\"NO_CLAIM\"";
      case 7 -> "[" + randomValue(depth - 1) + ", " + randomValue(depth - 1) + "]";
      default -> "{\"a\": " + randomValue(depth - 1) + "}";
    };
  }

  private String target() {
    return scratch.resolve("savepoint-target-" + targets++).toString();
  }

  private byte[] deep(int depth) {
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return (open.repeat(depth) + "1" + close.repeat(random.nextInt(4) == 0 ? depth / 2 : depth))
        .getBytes(StandardCharsets.UTF_8);
  }

  private byte[] hugeString(String template) {
    int length = random.nextInt(maxBodyBytes);
    String field = template.endsWith("/run") ? "entryClass" : template.endsWith("/stop") ? "drain" : "cancel-job";
    return ("{\"" + field + "\": \"" + "x".repeat(length) + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private byte[] multipart(List<String[]> headers) {
    String boundary = random.nextInt(10) == 0 ? "" : "fuzz" + random.nextInt(1_000_000);
    String declared = random.nextInt(10) == 0 ? "other" + boundary : boundary;
    headers.add(new String[] {"Content-Type", random.nextInt(15) == 0 ? "multipart/form-data"
        : "multipart/form-data; boundary=" + declared});
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int parts = random.nextInt(10) == 0 ? random.nextInt(4) : 1;
    for (int i = 0; i < parts; i++) {
      String field = random.nextInt(8) == 0 ? randomToken(5) : "jarfile";
      String name = random.nextInt(3) == 0 ? randomText(random.nextInt(30), false)
          : FILE_NAMES[random.nextInt(FILE_NAMES.length)];
      String disposition = random.nextInt(10) == 0 ? "form-data; name=\"" + field + "\""
          : "form-data; name=\"" + field + "\"; filename=\"" + name + "\"";
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition
          + "\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      byte[] content = switch (random.nextInt(4)) {
        case 0 -> validJar;
        case 1 -> mutate(validJar);
        case 2 -> randomBytes(random.nextInt(2048));
        default -> java.util.Arrays.copyOf(validJar, random.nextInt(validJar.length));
      };
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    if (random.nextInt(6) > 0) {
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = body.toByteArray();
    return random.nextInt(8) == 0 ? mutate(bytes) : bytes;
  }

  private static byte[] jar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      jar.putNextEntry(new JarEntry("fuzz.txt"));
      jar.write("a jar for the fuzz test".getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** {@code bytes} with a few bytes flipped, inserted, dropped or repeated. */
  private byte[] mutate(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes);
    byte[] current = out.toByteArray();
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && current.length > 0; i++) {
      int at = random.nextInt(current.length);
      ByteArrayOutputStream next = new ByteArrayOutputStream();
      switch (random.nextInt(4)) {
        case 0 -> {
          current[at] = (byte) random.nextInt(256);
          continue;
        }
        case 1 -> {
          next.write(current, 0, at);
          next.write(random.nextInt(256));
          next.write(current, at, current.length - at);
        }
        case 2 -> {
          next.write(current, 0, at);
          next.write(current, at + 1, current.length - at - 1);
        }
        default -> {
          int length = Math.min(current.length - at, 1 + random.nextInt(16));
          next.write(current, 0, at + length);
          next.write(current, at, current.length - at);
        }
      }
      current = next.toByteArray();
    }
    return current;
  }

  private String mutate(String text) {
    return new String(mutate(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1);
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private String randomToken(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < length; i++) {
      token.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return token.toString();
  }

  /** Printable ASCII, or for raw requests any byte but CR and LF (those would end the request line). */
  private String randomText(int length, boolean raw) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      char c = raw ? (char) random.nextInt(256) : (char) (32 + random.nextInt(95));
      text.append(c == '\r' || c == '\n' ? '_' : c);
    }
    return text.toString();
  }

  /** Percent-encodes what a URI may not hold as it is; raw requests keep their bytes (spaces excepted). */
  private static String encode(String text, boolean raw) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0;
      if (plain || (raw && c > ' ' && c != '?' && c != '#' && c < 0x7f)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format("%02X", c));
      }
    }
    return encoded.toString();
  }

  private static String quoted(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private static String abbreviate(String text, int max) {
    String printable = text.replaceAll("[\\x00-\\x1f\\x7f-\\xff]", "?");
    return printable.length() <= max ? printable : printable.substring(0, max) + "...(" + text.length() + ")";
  }
}
