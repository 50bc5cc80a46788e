package io.spate.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A request's JSON object body, with typed access that names the field and the problem when it is wrong. */
final class RequestBody {

  private final JsonNode node;
  private final String where;

  private RequestBody(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  /**
   * Reads the body of {@code ctx} (empty means no fields) for the request {@code where} through
   * {@code reader}, accepting only the fields in {@code allowed}.
   */
  static RequestBody parse(JsonBodyReader reader, Context ctx, String where, Set<String> allowed) {
    JsonNode node = reader.read(ctx, where);
    if (node == null) {
      return new RequestBody(JsonNodeFactory.instance.objectNode(), where);
    }
    if (!node.isObject()) {
      throw RestException.badRequest("The body of " + where + " must be a JSON object.");
    }
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      String named = unknown.size() <= 10 ? unknown.toString()
          : unknown.subList(0, 10) + " and " + (unknown.size() - 10) + " more";
      throw RestException.badRequest("The body of " + where + " has unknown fields " + named
          + "; known fields are " + allowed.stream().sorted().toList() + ".");
    }
    return new RequestBody(node, where);
  }

  /** The string field {@code name}, or null when absent or null. */
  String optionalString(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw RestException.badRequest("Field '" + name + "' of " + where + " must be a string, but is " + abbreviated(value) + ".");
    }
    return value.asText();
  }

  /** The boolean field {@code name}, or {@code fallback} when absent or null. */
  boolean optionalBoolean(String name, boolean fallback) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw RestException.badRequest("Field '" + name + "' of " + where + " must be true or false, but is "
          + abbreviated(value) + ".");
    }
    return value.asBoolean();
  }

  /** The field {@code name} as a list of strings, or an empty list when absent or null. */
  List<String> optionalStrings(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw RestException.badRequest("Field '" + name + "' of " + where + " must be an array of strings, but is "
          + abbreviated(value) + ".");
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw RestException.badRequest("Field '" + name + "' of " + where + " must hold only strings, but holds "
            + abbreviated(element) + ".");
      }
      strings.add(element.asText());
    }
    return strings;
  }

  /** The whole-number field {@code name} of at least 1, or null when absent or null. */
  Integer optionalPositiveInt(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
      throw RestException.badRequest("Field '" + name + "' of " + where + " must be a whole number of at least 1,"
          + " but is " + abbreviated(value) + ".");
    }
    return value.asInt();
  }

  /** A value for a message: a long one is cut, since it may be as long as a whole body. */
  private static String abbreviated(JsonNode value) {
    String text = value.toString();
    return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
  }
}
