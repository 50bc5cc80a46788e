package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.cli.SpateCliTest.Result;
import io.spate.testing.Await;
import io.spate.testing.TestJars;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A job's state class changes between the job that took a savepoint and the one that resumes from
 * it, through the CLI: each version of the job and its state class is compiled at test time into its
 * own jar, under the same class names.
 */
class SchemaEvolutionSavepointTest {

  private static final Pattern ANNOUNCEMENT = Pattern.compile("\\(([0-9a-f]{32})\\) is running; REST API at http://([^ ]+) ");

  @TempDir
  Path dir;

  /** The job: per key (x mod 4), an Account in value state counts and sums the numbers it saw. */
  private static String job(String name, String source, String sourceUid, String onElement) {
    return """
        package com.acme;

        import io.spate.api.datastream.StreamExecutionEnvironment;
        import io.spate.api.functions.KeyedProcessFunction;
        import io.spate.api.functions.OpenContext;
        import io.spate.api.state.ValueState;
        import io.spate.api.state.ValueStateDescriptor;
        import io.spate.api.typeinfo.Types;
        import io.spate.api.functions.Collector;

        public class AccountsJob {
          public static void main(String[] args) throws Exception {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.%s.uid("%s")
                .keyBy(x -> x %% 4, Types.LONG)
                .process(new Tally(), Types.STRING).uid("accounts")
                .print();
            env.execute("%s");
          }

          public static class Tally extends KeyedProcessFunction<Long, Long, String> {
            private transient ValueState<Account> account;

            @Override
            public void open(OpenContext ctx) {
              account = getRuntimeContext().getState(new ValueStateDescriptor<>("account", Account.class));
            }

            @Override
            public void processElement(Long x, Context ctx, Collector<String> out) throws Exception {
              Account a = account.value();
              %s
            }
          }
        }
        """.formatted(source, sourceUid, name, onElement);
  }

  private Path jar(String version, String accountSource, String jobSource) throws Exception {
    Map<String, String> sources = new HashMap<>();
    sources.put("com.acme.Account", "package com.acme;\n" + accountSource);
    sources.put("com.acme.AccountsJob", jobSource);
    Files.createDirectories(dir.resolve(version));
    return TestJars.compiledJar(dir.resolve(version).resolve("accounts.jar"), "com.acme.AccountsJob", sources);
  }

  @Test
  void stateWhoseClassGainedAFieldResumesAndATypeChangeIsNamed() throws Exception {
    Path v1 = jar("v1", "public class Account { public long count; public long total; }",
        job("accounts-v1", "fromSequence(1, Long.MAX_VALUE)", "numbers", """
            if (a == null) { a = new Account(); }
            a.count++;
            a.total += x;
            account.update(a);"""));
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
      CommandLine commandLine = SpateCli.newCommandLine();
      commandLine.setOut(new PrintWriter(new StringWriter(), true));
      commandLine.setErr(new PrintWriter(err, true));
      return commandLine.execute("run", v1.toString());
    });
    Matcher announced = ANNOUNCEMENT.matcher(Await.untilMatches(Duration.ofSeconds(30),
        "spate run to announce its REST API (or to end)", err::toString,
        text -> first.isDone() || ANNOUNCEMENT.matcher(text).find()));
    boolean found = announced.find();
    assertThat(found).as("no announcement: %s", err).isTrue();
    Result stop = SpateCliTest.spate("stop", "-m", announced.group(2), "-p", dir.resolve("sp").toString(),
        announced.group(1));
    assertThat(stop.exitCode()).as(stop.err()).isZero();
    String savepoint = stop.out().trim().substring("Savepoint completed. Path: ".length());
    assertThat(first.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();

    // v2: Account gained a field with a default; each key's account is read once and printed.
    Path v2 = jar("v2", "public class Account { public long count; public long total; public String currency = \"EUR\"; }",
        job("accounts-v2", "fromSequence(0, 3)", "keys", """
            out.collect(ctx.getCurrentKey() + " " + a.count + " " + a.total + " " + a.currency);"""));
    // v2 reads keys from a new source: the old source's position is left behind on purpose.
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    Result resumed;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      resumed = SpateCliTest.spate("run", v2.toString(), "--from-savepoint", savepoint, "--allow-non-restored-state");
    } finally {
      System.setOut(stdout);
    }
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(4);
    for (String line : lines) {
      String[] fields = line.split(" ");
      long key = Long.parseLong(fields[0]);
      long count = Long.parseLong(fields[1]);
      long total = Long.parseLong(fields[2]);
      // Key k saw, in order, the first `count` positive numbers congruent to k mod 4.
      long firstNumber = key == 0 ? 4 : key;
      assertThat(count).as(line).isPositive();
      assertThat(total).as(line).isEqualTo(count * firstNumber + 4 * count * (count - 1) / 2);
      assertThat(fields[3]).as(line).isEqualTo("EUR");
    }

    // v3: a field changed its type; the restore fails and names the state, the field and both types.
    Path v3 = jar("v3", "public class Account { public long count; public String total; }",
        job("accounts-v3", "fromSequence(0, 3)", "keys", "out.collect(String.valueOf(a));"));
    Result refused = SpateCliTest.spate("run", v3.toString(), "--from-savepoint", savepoint,
        "--allow-non-restored-state");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("account", "com.acme.Account", "total", "long", "String");
  }
}
