package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.api.configuration.Configuration;
import io.spate.runtime.SpateVersion;
import io.spate.runtime.config.EffectiveConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST route {@code /config}: the cluster's effective configuration, secrets masked, and Spate's version. */
final class ConfigRoutes {

  private final Map<String, Object> answer;

  ConfigRoutes(Configuration conf) {
    List<Map<String, String>> entries = new ArrayList<>();
    EffectiveConfiguration.of(conf).forEach((key, value) -> entries.add(Map.of("key", key, "value", value)));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("spate-version", SpateVersion.get());
    fields.put("configuration", List.copyOf(entries));
    this.answer = java.util.Collections.unmodifiableMap(fields);
  }

  void register(RoutesConfig routes, RestResponses responses) {
    routes.get("/config", (Context ctx) -> responses.write(ctx, 200, answer));
  }
}
