package io.spate.table.api.internal;

import io.spate.table.catalog.CatalogBaseTable;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.CatalogView;
import io.spate.table.catalog.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The DDL that creates a table or view as it is now: what {@code SHOW CREATE TABLE} prints. */
final class ShowCreate {

  private ShowCreate() {}

  static String of(CatalogBaseTable table) {
    if (table instanceof CatalogView view) {
      return "CREATE VIEW " + view.getIdentifier().asSerializableString() + " AS\n" + view.getOriginalQuery() + "\n";
    }
    CatalogTable t = (CatalogTable) table;
    List<String> lines = new ArrayList<>();
    for (Column column : t.getColumns()) {
      String line = "  " + quote(column.getName()) + " ";
      if (column instanceof Column.ComputedColumn computed) {
        line += "AS " + computed.expression();
      } else {
        line += column.getType().asSerializableString().replace(" *ROWTIME*", "");
        if (column instanceof Column.MetadataColumn metadata) {
          line += " METADATA FROM '" + metadata.key().replace("'", "''") + "'" + (metadata.virtual() ? " VIRTUAL" : "");
        }
      }
      if (column.getComment() != null) {
        line += " COMMENT '" + column.getComment().replace("'", "''") + "'";
      }
      lines.add(line);
    }
    if (t.getWatermarkSpec() != null) {
      lines.add("  WATERMARK FOR " + quote(t.getWatermarkSpec().rowtimeAttribute()) + " AS "
          + t.getWatermarkSpec().expression());
    }
    if (!t.getPrimaryKey().isEmpty()) {
      lines.add("  PRIMARY KEY (" + String.join(", ", t.getPrimaryKey().stream().map(ShowCreate::quote).toList())
          + ") NOT ENFORCED");
    }
    StringBuilder out = new StringBuilder("CREATE TABLE " + t.getIdentifier().asSerializableString() + " (\n");
    out.append(String.join(",\n", lines)).append("\n)");
    if (t.getComment() != null) {
      out.append("\nCOMMENT '").append(t.getComment().replace("'", "''")).append("'");
    }
    if (!t.getPartitionKeys().isEmpty()) {
      out.append("\nPARTITIONED BY (").append(String.join(", ", t.getPartitionKeys().stream().map(ShowCreate::quote)
          .toList())).append(")");
    }
    out.append(" WITH (\n");
    List<String> options = new ArrayList<>();
    for (Map.Entry<String, String> option : new TreeMap<>(t.getOptions()).entrySet()) {
      options.add("  '" + option.getKey().replace("'", "''") + "' = '" + option.getValue().replace("'", "''") + "'");
    }
    out.append(String.join(",\n", options)).append("\n)\n");
    return out.toString();
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
