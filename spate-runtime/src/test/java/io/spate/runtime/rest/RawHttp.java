package io.spate.runtime.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes that no HTTP client library would send (malformed request lines, paths, headers) over
 * a raw loopback socket, and reads one answer.
 */
final class RawHttp {

  private static final int MAX_ANSWER = 1 << 20;

  private final String host;
  private final int port;

  RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** An answer: status, headers (names in lower case) and body as text; status -1 when the server answered nothing. */
  record Answer(int status, Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  /** Sends {@code request} as it is and reads the answer until the server closes or the declared body is read. */
  Answer send(byte[] request) throws IOException {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        // The end of input is part of the request: a body shorter than declared ends here, not after a timeout.
        socket.shutdownOutput();
      } catch (IOException e) {
        // The server may answer and close before it has read all of a bad request; read what it said.
      }
      return read(socket.getInputStream());
    }
  }

  /** Sends {@code request} (ASCII, lines ending in CRLF as given). */
  Answer send(String request) throws IOException {
    return send(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int headerEnd = -1;
    long contentLength = -1;
    Map<String, String> headers = new LinkedHashMap<>();
    int status = -1;
    try {
      while (received.size() < MAX_ANSWER) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        received.write(buffer, 0, n);
        String text = received.toString(StandardCharsets.ISO_8859_1);
        if (headerEnd < 0) {
          headerEnd = text.indexOf("\r\n\r\n");
          if (headerEnd >= 0) {
            String[] lines = text.substring(0, headerEnd).split("\r\n");
            status = Integer.parseInt(lines[0].split(" ")[1]);
            for (int i = 1; i < lines.length; i++) {
              int colon = lines[i].indexOf(':');
              if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
              }
            }
            contentLength = Long.parseLong(headers.getOrDefault("content-length", "-1"));
          }
        }
        if (headerEnd >= 0 && contentLength >= 0 && received.size() >= headerEnd + 4 + contentLength) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // A reset or a stalled server ends the answer with what arrived.
    }
    if (headerEnd < 0) {
      return new Answer(-1, headers, received.toString(StandardCharsets.ISO_8859_1));
    }
    byte[] all = received.toByteArray();
    byte[] body = java.util.Arrays.copyOfRange(all, headerEnd + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    if (body.length > 0 && "gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
      try (InputStream gunzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
        body = gunzip.readAllBytes();
      }
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String text = new String(chunked, StandardCharsets.ISO_8859_1);
    int at = 0;
    while (at < text.length()) {
      int lineEnd = text.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      int start = lineEnd + 2;
      body.write(chunked, start, Math.min(chunked.length - start, size));
      at = start + size + 2;
    }
    return body.toByteArray();
  }
}
