package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.examples.ExampleRegistry;
import io.spate.examples.ExampleRegistry.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spate example}: runs one of the examples bundled with Spate, by name. */
@Command(
    name = "example",
    customSynopsis = {"spate example <name> [<args>...]", "       spate example --list"},
    description = "Runs a bundled example by name; '<name> --help' shows the example's own options.")
final class ExampleCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Option(names = "--list", description = "Lists the bundled examples.")
  private boolean list;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", description = "The example to run.")
  private String name;

  @Parameters(index = "1..*", paramLabel = "<args>", description = "The example's arguments.")
  private List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    if (list) {
      spec.commandLine().getOut().print(examplesTable(ExampleRegistry.all()));
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (name == null) {
      throw new ParameterException(spec.commandLine(),
          "Missing the name of the example; available: " + names() + ".");
    }
    Optional<Example> example = ExampleRegistry.find(name);
    if (example.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "Unknown example '" + name + "'; available: " + names() + ".");
    }
    return run(example.get(), args, spec);
  }

  /** Runs {@code example} with {@code args} under the CLI's launcher; returns the exit code. */
  static int run(Example example, List<String> args, CommandSpec spec) {
    String[] exampleArgs = args.toArray(new String[0]);
    JobLauncher launcher = new JobLauncher(spec.commandLine().getOut(), spec.commandLine().getErr());
    return launcher.launch(() -> example.program().run(exampleArgs), new Configuration(),
        example.mainClass().getClassLoader());
  }

  /** The examples under a heading, one per line with its description. */
  static String examplesTable(List<Example> examples) {
    int width = examples.stream().mapToInt(e -> e.name().length()).max().orElse(0);
    StringBuilder table = new StringBuilder("Examples:").append(System.lineSeparator());
    for (Example example : examples) {
      table.append(String.format("  %-" + width + "s  %s", example.name(), example.description()))
          .append(System.lineSeparator());
    }
    return table.toString();
  }

  private static String names() {
    return ExampleRegistry.all().stream().map(Example::name).collect(Collectors.joining(", "));
  }
}
