package io.spate.api.connector.sink.lib;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import java.io.PrintStream;

/**
 * Prints each record's {@code String.valueOf} as a line to standard output or standard error,
 * prefixed as in Flink: {@code "id:subtask> "}, where the identifier is left out if empty and the
 * 1-based subtask number if the sink runs with parallelism 1.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class PrintSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;

  private final String sinkIdentifier;
  private final boolean stdErr;

  /** Prints to standard output without an identifier. */
  public PrintSink() {
    this("", false);
  }

  /** Prints to standard error if {@code stdErr}, else to standard output, without an identifier. */
  public PrintSink(boolean stdErr) {
    this("", stdErr);
  }

  /** Prints to standard output, each line prefixed with {@code sinkIdentifier}. */
  public PrintSink(String sinkIdentifier) {
    this(sinkIdentifier, false);
  }

  /** Prints to standard error if {@code stdErr}, else to standard output, prefixed with {@code sinkIdentifier}. */
  public PrintSink(String sinkIdentifier, boolean stdErr) {
    this.sinkIdentifier = sinkIdentifier == null ? "" : sinkIdentifier;
    this.stdErr = stdErr;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    PrintStream stream = stdErr ? System.err : System.out;
    return new Writer<>(stream, prefix(sinkIdentifier, context.getSubtaskId(), context.getNumberOfParallelSubtasks()));
  }

  /** The prefix of every line that subtask {@code subtaskIndex} (0-based) of {@code parallelism} prints. */
  static String prefix(String sinkIdentifier, int subtaskIndex, int parallelism) {
    boolean named = !sinkIdentifier.isEmpty();
    if (parallelism > 1) {
      return (named ? sinkIdentifier + ":" : "") + (subtaskIndex + 1) + "> ";
    }
    return named ? sinkIdentifier + "> " : "";
  }

  @Override
  public String toString() {
    return "PrintSink(" + (stdErr ? "stderr" : "stdout") + (sinkIdentifier.isEmpty() ? "" : ", " + sinkIdentifier) + ")";
  }

  /** Prints to the stream it was created with. */
  private static final class Writer<T> implements SinkWriter<T> {

    private final PrintStream stream;
    private final String prefix;

    Writer(PrintStream stream, String prefix) {
      this.stream = stream;
      this.prefix = prefix;
    }

    @Override
    public void write(T element, Context context) {
      // One println per record: PrintStream locks per call, so lines of parallel subtasks never mix.
      stream.println(prefix.isEmpty() ? String.valueOf(element) : prefix + element);
    }

    @Override
    public void flush(boolean endOfInput) {
      stream.flush();
    }

    @Override
    public void close() {
      stream.flush();
    }
  }
}
