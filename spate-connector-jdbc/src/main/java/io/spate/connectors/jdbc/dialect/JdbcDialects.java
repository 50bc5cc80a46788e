package io.spate.connectors.jdbc.dialect;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;

/** Finds the {@link JdbcDialect} of a JDBC URL by its prefix. */
@PublicEvolving
public final class JdbcDialects {

  private static final List<JdbcDialect> DIALECTS = List.of(new PostgresDialect());
  private static final List<String> PREFIXES = List.of(PostgresDialect.URL_PREFIX);

  private JdbcDialects() {}

  /** The URL prefixes that have a dialect, such as {@code jdbc:postgresql:}. */
  public static List<String> supportedUrlPrefixes() {
    return PREFIXES;
  }

  /** The dialect of {@code url}; fails naming the supported prefixes if no dialect fits it. */
  public static JdbcDialect forUrl(String url) {
    for (int i = 0; i < DIALECTS.size(); i++) {
      if (url != null && url.startsWith(PREFIXES.get(i))) {
        return DIALECTS.get(i);
      }
    }
    throw new IllegalArgumentException("No JDBC dialect fits the URL '" + url + "': Spate knows URLs starting with "
        + String.join(", ", PREFIXES) + " (as in jdbc:postgresql://host:5432/database)");
  }
}
