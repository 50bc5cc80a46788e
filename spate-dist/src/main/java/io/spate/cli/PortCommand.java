package io.spate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spate port}: rewrites the Flink imports of a directory's Java sources to Spate's classes of the same name. */
@Command(name = "port", description = {"Rewrites 'import org.apache.flink...' declarations (static and wildcard ones"
    + " too) and fully qualified Flink names in every .java file under <dir> to Spate's classes of the same name,"
    + " and changes nothing else. Each name Spate has no class for is reported as file:line and left as it is.",
    "What Spate has of each Flink class: docs/flink-compatibility.md."})
final class PortCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Option(names = "--dry-run", description = "Prints the changes as a unified diff instead of writing them.")
  private boolean dryRun;

  @Parameters(index = "0", paramLabel = "<dir>", description = "The directory whose .java files to rewrite, subdirectories included.")
  private Path directory;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new ParameterException(spec.commandLine(), "'" + directory + "' is not a directory");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FlinkImportRewriter rewriter = new FlinkImportRewriter(FlinkImportMapping.bundled());
    int changedFiles = 0;
    int unmappedNames = 0;
    int unreadable = 0;
    for (Path file : javaFiles(directory)) {
      String original;
      try {
        original = Files.readString(file, StandardCharsets.UTF_8);
      } catch (CharacterCodingException e) {
        err.println(file + ": not read, it is not UTF-8 text");
        unreadable++;
        continue;
      }
      FlinkImportRewriter.Result result = rewriter.rewrite(original);
      for (FlinkImportRewriter.Unmapped name : result.unmapped()) {
        err.println(file + ":" + name.line() + ": Spate has no class for " + name.flinkName() + "; left as it is");
        unmappedNames++;
      }
      if (result.text().equals(original)) {
        continue;
      }
      changedFiles++;
      if (dryRun) {
        out.print(LineDiff.unified(directory.relativize(file).toString(), original, result.text()));
      } else {
        Files.writeString(file, result.text(), StandardCharsets.UTF_8);
      }
    }
    err.println((dryRun ? "Would change " : "Changed ") + changedFiles + " file(s); " + unmappedNames
        + " Flink name(s) without a Spate class" + (unreadable > 0 ? "; " + unreadable + " file(s) not read" : "") + ".");
    out.flush();
    err.flush();
    return unreadable > 0 ? 1 : 0;
  }

  private static List<Path> javaFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return new ArrayList<>(files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList());
    }
  }
}
