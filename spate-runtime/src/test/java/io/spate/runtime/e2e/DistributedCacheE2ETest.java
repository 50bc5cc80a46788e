package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function reads a file the job registered with registerCachedFile; one it cannot read fails the job, named. */
class DistributedCacheE2ETest {

  /** Prefixes every record with the first line of the cached file "prefix". */
  static final class Prefixing extends RichMapFunction<Long, String> {
    private transient String prefix;

    @Override
    public void open(OpenContext openContext) throws Exception {
      prefix = Files.readAllLines(getRuntimeContext().getDistributedCache().getFile("prefix").toPath()).get(0);
    }

    @Override
    public String map(Long value) {
      return prefix + value;
    }
  }

  @Test
  void functionsReadTheRegisteredFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("prefix.txt"), "n=\n");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.registerCachedFile(file.toString(), "prefix");
    List<String> out = E2eSupport.collect(env.fromSequence(1, 3).map(new Prefixing()));
    assertThat(out).containsExactlyInAnyOrder("n=1", "n=2", "n=3");
  }

  @Test
  void aMissingOrNonExecutableFileFailsTheJobNamingIt(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.registerCachedFile(dir.resolve("absent.txt").toString(), "prefix");
    env.fromSequence(1, 3).map(new Prefixing()).discard();
    assertThatThrownBy(() -> E2eSupport.run(env, "missing cached file"))
        .hasStackTraceContaining("registered as 'prefix' with registerCachedFile does not exist");

    Path plain = Files.writeString(dir.resolve("plain.txt"), "x\n");
    StreamExecutionEnvironment executable = StreamExecutionEnvironment.createLocalEnvironment(1);
    executable.registerCachedFile(plain.toString(), "prefix", true);
    executable.fromSequence(1, 3).map(new Prefixing()).discard();
    assertThatThrownBy(() -> E2eSupport.run(executable, "not executable"))
        .hasStackTraceContaining("is to be executable, but is not");
  }
}
