package io.spate.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
   * Parses {@code body} (empty means no fields) for the request {@code where}, accepting only the
   * fields in {@code allowed}.
   */
  static RequestBody parse(ObjectMapper json, String body, String where, Set<String> allowed) {
    if (body == null || body.isBlank()) {
      return new RequestBody(json.createObjectNode(), where);
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw RestException.badRequest("The body of " + where + " is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
    if (node == null || !node.isObject()) {
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
      throw RestException.badRequest("The body of " + where + " has unknown fields " + unknown
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
      throw RestException.badRequest("Field '" + name + "' of " + where + " must be a string, but is " + value + ".");
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
          + value + ".");
    }
    return value.asBoolean();
  }
}
