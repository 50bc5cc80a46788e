package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobID;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobJarsTest {

  @TempDir
  Path dir;

  private final JobID jobId = JobID.generate();

  private Path file(String name, int size) throws Exception {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void servesSizesAndChunksThatReassembleTheFiles() throws Exception {
    Path small = file("small.jar", 10);
    Path large = file("large.jar", JobJars.MAX_CHUNK_BYTES + 123);
    JobJars jars = new JobJars(jobId, List.of(small.toString(), large.toUri().toString()));
    assertThat(jars.sizes()).containsExactly(10L, JobJars.MAX_CHUNK_BYTES + 123L);

    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    long offset = 0;
    while (offset < Files.size(large)) {
      byte[] chunk = jars.read(1, offset, Integer.MAX_VALUE);
      assertThat(chunk.length).isBetween(1, JobJars.MAX_CHUNK_BYTES);
      copy.write(chunk);
      offset += chunk.length;
    }
    assertThat(copy.toByteArray()).isEqualTo(Files.readAllBytes(large));
    assertThat(jars.read(0, 4, 3)).isEqualTo(java.util.Arrays.copyOfRange(Files.readAllBytes(small), 4, 7));
    assertThat(jars.read(0, 10, 5)).isEmpty();
  }

  @Test
  void aJobWithoutJarsHasNoSizes() {
    assertThat(new JobJars(jobId, List.of()).sizes()).isEmpty();
  }

  @Test
  void rejectsAnIndexOffsetOrLengthOutOfRange() throws Exception {
    Path jar = file("job.jar", 10);
    JobJars jars = new JobJars(jobId, List.of(jar.toString()));
    assertThatThrownBy(() -> jars.read(1, 0, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Job " + jobId + " has 1 jar(s); there is no jar #1");
    assertThatThrownBy(() -> jars.read(-1, 0, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no jar #-1");
    assertThatThrownBy(() -> jars.read(0, -1, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Offset -1 into jar " + jar + " is negative");
    assertThatThrownBy(() -> jars.read(0, 11, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Offset 11 is past the end of jar " + jar + " (10 bytes)");
    assertThatThrownBy(() -> jars.read(0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one byte, not 0");
  }

  @Test
  void aMissingJarIsNamed() {
    String missing = dir.resolve("gone.jar").toString();
    JobJars jars = new JobJars(jobId, List.of(missing));
    assertThatThrownBy(jars::sizes).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("Jar " + missing + " of job " + jobId + " is missing or unreadable");
    assertThatThrownBy(() -> jars.read(0, 0, 1)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("Cannot read jar " + missing);
  }
}
