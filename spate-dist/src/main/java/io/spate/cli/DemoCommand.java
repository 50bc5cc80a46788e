package io.spate.cli;

import io.spate.examples.ExampleRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spate demo}: runs the online-auction demo until Ctrl-C. */
@Command(
    name = "demo",
    customSynopsis = {
      "spate demo [--rate <n>] [--auctions <n>] [--parallelism <n>]",
      "                  [--max-events <n>] [--seed <n>]"
    },
    description = {
      "Runs the online-auction demo on an embedded local cluster: a generated stream of bids, "
          + "aggregated per auction and printed live until Ctrl-C.",
      "'spate demo --help' describes the options."
    })
final class DemoCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "<demo args>", description = "The demo's options.")
  private List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    return ExampleCommand.run(ExampleRegistry.find("demo").orElseThrow(), args, spec);
  }
}
