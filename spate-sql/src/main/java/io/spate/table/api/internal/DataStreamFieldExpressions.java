package io.spate.table.api.internal;

import io.spate.api.typeinfo.PojoTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.table.api.Schema;
import io.spate.table.api.ValidationException;
import io.spate.table.expressions.Expression;
import io.spate.table.expressions.SqlLiterals;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.utils.NearestName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns that Flink's {@code fromDataStream(stream, Expression...)} gives a DataStream: field
 * references {@code $("f0")}, renamed with {@code .as("name")}, the rowtime attribute {@code $("ts").rowtime()}
 * (the stream record's timestamp, appended under a new name or replacing a field) and a processing-time
 * attribute {@code $("pt").proctime()} (appended). Fields are referenced by name (reordered and projected)
 * if the type is a POJO or record, if an expression renames, or if any referenced name is a field of the
 * type; otherwise by position (renaming the type's fields in order).
 *
 * <p>The result is a schema of the stream under hidden column names for the time attributes, and the
 * projection that names the columns as the expressions do.
 */
final class DataStreamFieldExpressions {

  /** The hidden name of the rowtime attribute's metadata column. */
  private static final String ROWTIME = "$rowtime";
  /** The hidden name of the processing-time attribute's computed column. */
  private static final String PROCTIME = "$proctime";
  private static final String IDENTIFIER = "`((?:[^`]|``)+)`";
  // ApiExpression writes rowtime()/proctime() as window properties behind this prefix.
  private static final Pattern TIME_ATTRIBUTE =
      Pattern.compile("\\$window:" + IDENTIFIER + "\\.(window_time|window_proctime)");
  private static final Pattern REFERENCE = Pattern.compile(IDENTIFIER);
  private static final Pattern ALIASED = Pattern.compile("(.+) AS " + IDENTIFIER);

  private enum Kind { FIELD, ROWTIME, PROCTIME }

  /** One expression: what it references, the name it gives, where it stands (from 1). */
  private record Field(String reference, String alias, Kind kind, int position, String text) {
    String name() {
      return alias != null ? alias : reference;
    }
  }

  /** The hidden table's schema, and the select list that names its columns as the expressions do. */
  record Mapping(Schema schema, String selectList) {}

  private DataStreamFieldExpressions() {}

  /** The columns {@code expressions} give a stream of {@code type}, whose fields are {@code derived}'s. */
  static Mapping of(TypeInformation<?> type, RowType derived, Expression... expressions) {
    if (expressions.length == 0) {
      throw new ValidationException("fromDataStream(stream, Expression...) needs at least one field expression, such"
          + " as $(\"f0\"); without any, use fromDataStream(stream)");
    }
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < expressions.length; i++) {
      fields.add(parse(expressions[i], i + 1));
    }
    List<String> names = derived.getFieldNames();
    boolean byName = type instanceof PojoTypeInfo || type.getTypeClass().isRecord()
        || fields.stream().anyMatch(f -> f.kind() == Kind.FIELD && (f.alias() != null || names.contains(f.reference())));
    Schema.Builder schema = Schema.newBuilder();
    Set<String> physical = new LinkedHashSet<>();
    List<String> select = new ArrayList<>();
    Set<String> given = new LinkedHashSet<>();
    Field rowtime = null;
    Field proctime = null;
    for (Field field : fields) {
      if (!given.add(field.name())) {
        throw error(field, "gives the column '" + field.name() + "' a second time; every column needs its own name");
      }
      int replaced = byName ? names.indexOf(field.reference()) : field.position() - 1;
      boolean replaces = replaced >= 0 && replaced < names.size();
      switch (field.kind()) {
        case FIELD -> {
          if (!replaces) {
            throw byName ? notAField(field, type, names) : error(field, "refers by position to field " + field.position()
                + ", but the stream's type " + type + " has " + names.size() + " field(s); reference fields by name"
                + " (" + String.join(", ", names) + ") to pick them");
          }
          String original = names.get(replaced);
          physical.add(original);
          select.add(SqlLiterals.identifier(original) + " AS " + SqlLiterals.identifier(field.name()));
        }
        case ROWTIME -> {
          if (rowtime != null) {
            throw error(field, "defines a second rowtime attribute (the first is '" + rowtime.name() + "'); a table of"
                + " a DataStream has one");
          }
          rowtime = field;
          if (replaces && !isTime(derived.getTypeAt(replaced))) {
            throw error(field, "makes field '" + names.get(replaced) + "' the rowtime attribute, but the field is "
                + derived.getTypeAt(replaced).asSummaryString() + "; the rowtime attribute can replace a field of a"
                + " time type (TIMESTAMP, TIMESTAMP_LTZ or BIGINT) only, or be appended under a new name");
          }
          select.add(SqlLiterals.identifier(ROWTIME) + " AS " + SqlLiterals.identifier(field.name()));
        }
        case PROCTIME -> {
          if (proctime != null) {
            throw error(field, "defines a second proctime attribute (the first is '" + proctime.name() + "')");
          }
          proctime = field;
          if (replaces) {
            throw error(field, byName ? "would replace the field '" + field.reference() + "' with a proctime"
                + " attribute; a proctime attribute must not replace an existing field: give it a new name"
                : "would replace field " + field.position() + " of the stream's type with a proctime attribute; a"
                + " proctime attribute can only be appended: move '" + field.name() + "' to the end");
          }
          select.add(SqlLiterals.identifier(PROCTIME) + " AS " + SqlLiterals.identifier(field.name()));
        }
        default -> throw new IllegalStateException(field.kind().name());
      }
    }
    for (String original : physical) {
      schema.column(original, derived.getTypeAt(names.indexOf(original)).asSerializableString());
    }
    if (rowtime != null) {
      // Flink's rowtime() attribute is a TIMESTAMP(3): the record's timestamp in UTC.
      schema.columnByMetadata(ROWTIME, "TIMESTAMP(3)", "rowtime", false);
      schema.watermark(ROWTIME, "SOURCE_WATERMARK()");
    }
    if (proctime != null) {
      schema.columnByExpression(PROCTIME, "PROCTIME()");
    }
    return new Mapping(schema.build(), String.join(", ", select));
  }

  private static Field parse(Expression expression, int position) {
    String text = expression.asSerializableString();
    String alias = null;
    String body = text;
    Matcher aliased = ALIASED.matcher(text);
    if (aliased.matches()) {
      body = aliased.group(1);
      alias = unquote(aliased.group(2));
    }
    Matcher reference = REFERENCE.matcher(body);
    if (reference.matches()) {
      return new Field(unquote(reference.group(1)), alias, Kind.FIELD, position, text);
    }
    Matcher time = TIME_ATTRIBUTE.matcher(body);
    if (time.matches()) {
      Kind kind = time.group(2).equals("window_time") ? Kind.ROWTIME : Kind.PROCTIME;
      return new Field(unquote(time.group(1)), alias, kind, position, text);
    }
    throw new ValidationException("fromDataStream: expression " + position + " (" + text + ") is not a field"
        + " reference: expected $(\"name\"), $(\"name\").as(\"newName\"), $(\"name\").rowtime() or"
        + " $(\"name\").proctime()");
  }

  private static boolean isTime(LogicalType type) {
    return type instanceof TimestampType || type instanceof LocalZonedTimestampType || type instanceof BigIntType;
  }

  private static ValidationException notAField(Field field, TypeInformation<?> type, List<String> names) {
    return error(field, "references '" + field.reference() + "', which is not a field of the stream's type " + type
        + " (its fields: " + String.join(", ", names) + ")" + NearestName.of(field.reference(), names)
        .map(n -> "; did you mean '" + n + "'?").orElse(""));
  }

  private static ValidationException error(Field field, String problem) {
    return new ValidationException("fromDataStream: expression " + field.position() + " (" + field.text() + ") "
        + problem);
  }

  private static String unquote(String quoted) {
    return quoted.replace("``", "`");
  }
}
