package io.spate.table.formats.csv;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.Counter;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.connectors.formats.MalformedRecordCounting;
import io.spate.connectors.formats.MalformedRecords;
import io.spate.table.formats.common.RecordText;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.RowType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads one CSV record per message (UTF-8) into a {@link Row} of a table's physical columns, in
 * column order: the {@code csv} format's decoder. An empty or comment record (with comments allowed)
 * holds no row. A record that does not parse fails the read naming the field and the record, unless
 * parse errors are ignored: then it is skipped and counted as {@value MalformedRecords#METRIC_NAME}.
 */
@PublicEvolving
public class CsvRowDataDeserializationSchema implements DeserializationSchema<Row>, MalformedRecordCounting {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<Row> resultTypeInfo;
  private final CsvDialect dialect;
  private final String[] names;
  private final LogicalType[] types;
  private final CsvValueConverters.TextReader[] readers;
  private final String nullLiteral;
  private final boolean allowComments;
  private final boolean ignoreParseErrors;
  private transient Counter malformed;

  CsvRowDataDeserializationSchema(RowType rowType, TypeInformation<Row> resultTypeInfo, CsvDialect dialect,
      CsvValueConverters converters, String nullLiteral, boolean allowComments, boolean ignoreParseErrors) {
    this.resultTypeInfo = resultTypeInfo;
    this.dialect = dialect;
    this.names = rowType.getFieldNames().toArray(new String[0]);
    this.types = rowType.getChildren().toArray(new LogicalType[0]);
    this.readers = new CsvValueConverters.TextReader[types.length];
    for (int i = 0; i < types.length; i++) {
      CsvValueConverters.checkSupported(types[i], names[i], false);
      readers[i] = converters.reader(types[i]);
    }
    this.nullLiteral = nullLiteral;
    this.allowComments = allowComments;
    this.ignoreParseErrors = ignoreParseErrors;
  }

  @Override
  public void open(InitializationContext context) {
    malformed = MalformedRecords.counterOn(context.getMetricGroup());
  }

  /** Counts skipped records on {@code counter}: a file source's reader gives its own. */
  @Override
  public void setMalformedRecordsCounter(Counter counter) {
    malformed = counter;
  }

  @Override
  public Row deserialize(byte[] message) throws IOException {
    try {
      if (message == null) {
        throw new IOException("the record is null");
      }
      String text = new String(message, StandardCharsets.UTF_8);
      if (text.isEmpty() || text.equals("\r") || allowComments && text.startsWith("#")) {
        return null;
      }
      return read(dialect.split(text));
    } catch (IOException | RuntimeException e) {
      if (ignoreParseErrors) {
        if (malformed == null) {
          malformed = MalformedRecords.unregistered();
        }
        malformed.inc();
        return null;
      }
      throw new IOException("Failed to deserialize CSV row '" + RecordText.of(message) + "': " + e.getMessage(), e);
    }
  }

  private Row read(List<CsvDialect.Field> fields) throws IOException {
    if (fields.size() != types.length) {
      throw new IOException("it has " + fields.size() + " field(s), the table has " + types.length + " column(s)");
    }
    Row row = new Row(types.length);
    for (int i = 0; i < types.length; i++) {
      CsvDialect.Field field = fields.get(i);
      String text = field.text();
      if (!field.quoted() && (nullLiteral != null && field.raw().equals(nullLiteral)
          || text.isEmpty() && !CsvValueConverters.isStringLike(types[i]))) {
        continue;
      }
      if (text.isEmpty() && field.quoted() && !emptyIsAValue(types[i])) {
        continue;
      }
      try {
        row.setField(i, readers[i].read(text));
      } catch (RuntimeException e) {
        throw new IOException("field '" + names[i] + "' (" + types[i].asSummaryString() + "): " + describe(e, text), e);
      }
    }
    return row;
  }

  /** Whether a quoted empty field of {@code type} is a value (an empty string, bytes, array or row) rather than NULL. */
  private static boolean emptyIsAValue(LogicalType type) {
    LogicalTypeRoot root = type.getTypeRoot();
    return CsvValueConverters.isStringLike(type) || root == LogicalTypeRoot.BINARY || root == LogicalTypeRoot.VARBINARY
        || root == LogicalTypeRoot.ARRAY || root == LogicalTypeRoot.ROW;
  }

  private static String describe(RuntimeException e, String text) {
    if (e instanceof NumberFormatException || e.getMessage() == null) {
      return "cannot read '" + text + "'";
    }
    return e.getMessage();
  }

  /**
   * Whether a record whose text so far is {@code textSoFar} goes on after a line break: it ends
   * inside a quoted field. A file reader joins such lines into one record.
   */
  public boolean recordGoesOn(String textSoFar) {
    return dialect.endsInsideQuotes(textSoFar);
  }

  @Override
  public boolean isEndOfStream(Row nextElement) {
    return false;
  }

  @Override
  public TypeInformation<Row> getProducedType() {
    return resultTypeInfo;
  }
}
