package io.spate.connectors.formats.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The mapper the JSON formats use unless given a factory of their own. */
final class DefaultJsonMapper {

  private DefaultJsonMapper() {}

  /**
   * A mapper with the Java-time module, writing {@code java.time} values as ISO-8601 text rather than
   * numbers (as Flink's default mapper does), and failing on properties the type does not have.
   */
  static ObjectMapper create() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }
}
