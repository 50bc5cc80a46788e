package io.spate.runtime.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.spate.api.configuration.RestOptions;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the JSON body of a request straight from the connection within fixed bounds: its size, its
 * nesting depth, and the lengths of its strings, numbers and field names. A body past any bound is
 * refused as soon as the bound is crossed, so a hostile body costs at most that much memory.
 */
final class JsonBodyReader {

  /** The largest JSON body, in bytes (less if {@code rest.server.max-content-length} is smaller). */
  static final int MAX_BODY_BYTES = 1024 * 1024;
  static final int MAX_NESTING_DEPTH = 16;
  static final int MAX_STRING_LENGTH = 256 * 1024;
  static final int MAX_NUMBER_LENGTH = 100;
  static final int MAX_NAME_LENGTH = 1024;
  static final long MAX_TOKENS = 100_000;

  private final ObjectMapper json;
  private final long maxBytes;

  JsonBodyReader(long maxRequestSize) {
    this.maxBytes = Math.min(maxRequestSize, MAX_BODY_BYTES);
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxDocumentLength(maxBytes)
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxStringLength(MAX_STRING_LENGTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxNameLength(MAX_NAME_LENGTH)
        .maxTokenCount(MAX_TOKENS)
        .build();
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    // The connection's stream stays open: an oversized body's rest is read off it before the 413.
    factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    this.json = new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  }

  /** The most bytes a JSON body may have. */
  long maxBytes() {
    return maxBytes;
  }

  /**
   * The body of {@code ctx} as JSON, or null when it is empty; {@code where} names the request in
   * messages.
   *
   * @throws RestException 413 when the body is larger than {@link #maxBytes()}, 400 when it is not
   *     JSON or crosses another bound
   */
  JsonNode read(Context ctx, String where) {
    long declared = ctx.contentLength();
    if (declared > maxBytes) {
      throw tooLarge(where, declared + " bytes");
    }
    JsonNode node;
    try (InputStream in = new Bounded(ctx.req().getInputStream(), where)) {
      node = json.readTree(in);
    } catch (StreamConstraintsException e) {
      throw RestException.badRequest("The body of " + where + " is refused: " + withoutSource(e.getOriginalMessage())
          + ". JSON bodies may nest " + MAX_NESTING_DEPTH + " deep and hold strings of up to " + MAX_STRING_LENGTH
          + " characters and numbers of up to " + MAX_NUMBER_LENGTH + " digits.");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw RestException.badRequest("The body of " + where + " is not valid JSON: " + e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw RestException.badRequest("The body of " + where + " could not be read: " + e.getMessage());
    }
    return node == null || node.isMissingNode() ? null : node;
  }

  private RestException tooLarge(String where, String size) {
    return new RestException(413, "The body of " + where + " (" + size + ") is larger than " + maxBytes
        + " bytes, the most a JSON body may have" + (maxBytes < MAX_BODY_BYTES ? " with "
        + RestOptions.MAX_REQUEST_SIZE.key() : "") + ".");
  }

  /** Jackson's message names the Java method of the limit, which means nothing to a REST client. */
  private static String withoutSource(String message) {
    return message.replaceAll(", from `[^`]*`", "");
  }

  /** The connection's stream, refusing to read past {@link #maxBytes} and never closing the connection. */
  private final class Bounded extends FilterInputStream {
    private final String where;
    private long read;

    Bounded(InputStream in, String where) {
      super(in);
      this.where = where;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, (int) Math.min(length, maxBytes + 1 - read));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > maxBytes) {
        throw tooLarge(where, "more than " + maxBytes + " bytes");
      }
    }

    @Override
    public void close() {
      // The connection stays the server's.
    }
  }
}
