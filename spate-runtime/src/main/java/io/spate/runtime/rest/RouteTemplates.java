package io.spate.runtime.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The routes of a server as method and path template (such as {@code GET /jobs/{jobid}}), so that a
 * request for a known path with a method it does not serve gets 405 and the methods it allows.
 * Filled before the server starts, then only read.
 */
final class RouteTemplates {

  private final Map<String, Set<String>> methodsByTemplate = new TreeMap<>();

  /** Adds the route {@code method} {@code template}. */
  synchronized void add(String method, String template) {
    methodsByTemplate.computeIfAbsent(template, t -> new TreeSet<>()).add(method);
  }

  /** Every route as {@code METHOD /path/{param}}, sorted. */
  synchronized Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    methodsByTemplate.forEach((template, methods) -> methods.forEach(method -> routes.add(method + " " + template)));
    return routes;
  }

  /** The methods of the routes whose template matches {@code path}, sorted; empty for an unknown path. */
  synchronized Set<String> allowedMethods(String path) {
    List<String> segments = segments(path);
    Set<String> allowed = new TreeSet<>();
    methodsByTemplate.forEach((template, methods) -> {
      if (matches(segments(template), segments)) {
        allowed.addAll(methods);
      }
    });
    return allowed;
  }

  private static boolean matches(List<String> template, List<String> path) {
    if (template.size() != path.size()) {
      return false;
    }
    for (int i = 0; i < template.size(); i++) {
      String part = template.get(i);
      boolean parameter = part.startsWith("{") && part.endsWith("}");
      if (parameter ? path.get(i).isEmpty() : !part.equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The segments of {@code path}; a trailing slash does not count, as in routing. */
  private static List<String> segments(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    List<String> segments = new ArrayList<>(List.of(trimmed.split("/", -1)));
    if (!segments.isEmpty() && segments.get(0).isEmpty()) {
      segments.remove(0);
    }
    return segments;
  }
}
