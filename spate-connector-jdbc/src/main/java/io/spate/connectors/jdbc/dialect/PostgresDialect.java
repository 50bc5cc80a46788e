package io.spate.connectors.jdbc.dialect;

import io.spate.api.annotation.PublicEvolving;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PostgreSQL: upserts are {@code INSERT ... ON CONFLICT (key) DO UPDATE SET f = EXCLUDED.f}, and
 * identifiers stay unquoted, so that they fold to lower case as in the tables users create.
 */
@PublicEvolving
public final class PostgresDialect implements JdbcDialect {

  private static final long serialVersionUID = 1L;

  /** The URL prefix of PostgreSQL's driver. */
  public static final String URL_PREFIX = "jdbc:postgresql:";

  @Override
  public String dialectName() {
    return "PostgreSQL";
  }

  @Override
  public String defaultDriverName() {
    return "org.postgresql.Driver";
  }

  @Override
  public Optional<String> getUpsertStatement(String tableName, String[] fieldNames, String[] uniqueKeyFields) {
    List<String> keys = Arrays.asList(uniqueKeyFields);
    String conflict = Arrays.stream(uniqueKeyFields).map(this::quoteIdentifier).collect(Collectors.joining(", "));
    String updates = Arrays.stream(fieldNames).filter(f -> !keys.contains(f))
        .map(f -> quoteIdentifier(f) + " = EXCLUDED." + quoteIdentifier(f)).collect(Collectors.joining(", "));
    String action = updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updates;
    return Optional.of(getInsertIntoStatement(tableName, fieldNames) + " ON CONFLICT (" + conflict + ") " + action);
  }

  @Override
  public String toString() {
    return dialectName();
  }
}
