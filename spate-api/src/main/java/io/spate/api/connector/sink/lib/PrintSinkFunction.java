package io.spate.api.connector.sink.lib;

import io.spate.api.annotation.Public;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RuntimeContext;
import io.spate.api.functions.sink.RichSinkFunction;
import java.io.PrintStream;

/**
 * The sink function of {@code addSink} that prints each record's {@code String.valueOf} as a line to
 * standard output or standard error, with the prefix {@link PrintSink} uses: {@code "id:subtask> "},
 * the identifier left out if empty and the 1-based subtask number if the sink runs with parallelism 1.
 *
 * @param <IN> the record type
 */
@Public
public class PrintSinkFunction<IN> extends RichSinkFunction<IN> {

  private static final long serialVersionUID = 1L;

  private final String sinkIdentifier;
  private final boolean stdErr;
  private transient PrintStream stream;
  private transient String prefix;

  /** Prints to standard output without an identifier. */
  public PrintSinkFunction() {
    this("", false);
  }

  /** Prints to standard error if {@code stdErr}, else to standard output, without an identifier. */
  public PrintSinkFunction(boolean stdErr) {
    this("", stdErr);
  }

  /** Prints to standard error if {@code stdErr}, else to standard output, prefixed with {@code sinkIdentifier}. */
  public PrintSinkFunction(String sinkIdentifier, boolean stdErr) {
    this.sinkIdentifier = sinkIdentifier == null ? "" : sinkIdentifier;
    this.stdErr = stdErr;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    RuntimeContext context = getRuntimeContext();
    stream = stdErr ? System.err : System.out;
    prefix = PrintSink.prefix(sinkIdentifier, context.getIndexOfThisSubtask(), context.getNumberOfParallelSubtasks());
  }

  @Override
  public void invoke(IN record) {
    // One println per record: PrintStream locks per call, so lines of parallel subtasks never mix.
    stream.println(prefix.isEmpty() ? String.valueOf(record) : prefix + record);
  }

  @Override
  public void close() throws Exception {
    if (stream != null) {
      stream.flush();
    }
    super.close();
  }

  @Override
  public String toString() {
    return "Print to " + (stdErr ? "System.err" : "System.out");
  }
}
