package io.spate.cli.sql;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;

/**
 * Tells JLine when the typed lines form a whole input: a finished statement (up to a {@code ;}
 * outside literals and comments), a blank line, or a shell command such as {@code quit} typed
 * without one. Until then JLine keeps reading lines under the continuation prompt.
 */
final class SqlLineParser implements Parser {

  @Override
  public CompletingParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !StatementSplitter.isBlank(line)
        && !StatementSplitter.isComplete(line) && !ShellCommand.isShellCommand(line)) {
      throw new EOFError(-1, -1, "The statement has not ended: finish it with ';'", ";");
    }
    return new WholeLine(line, cursor);
  }

  /** The input as one word: the shell neither completes nor splits words. */
  private record WholeLine(String line, int cursor) implements CompletingParsedLine {
    @Override
    public String word() {
      return line;
    }

    @Override
    public int wordCursor() {
      return cursor;
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(line);
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return cursor;
    }

    @Override
    public int rawWordLength() {
      return line.length();
    }
  }
}
