package io.spate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Answers wrong arguments with a one-line reason, then the usage of the command, and exit code 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(firstLine(exception.getMessage()));
    UnmatchedArgumentException.printSuggestions(exception, err);
    err.println();
    command.usage(err, command.getColorScheme());
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "Invalid arguments.";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
