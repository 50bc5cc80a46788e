package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryJarDirectoryTest {

  @TempDir
  Path tmp;

  @Test
  void aJobManagerDeletesTheJarDirectoriesOfEndedJobManagersAndNoOther() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path killed = Files.createDirectory(tmp.resolve("spate-jars-" + ended.pid() + "-4711"));
    Files.writeString(killed.resolve("job.jar"), "an upload");
    Path running = Files.createDirectory(tmp.resolve("spate-jars-" + ProcessHandle.current().pid() + "-815"));
    Path olderForm = Files.createDirectory(tmp.resolve("spate-jars-10006691172790339982"));
    Path other = Files.createDirectory(tmp.resolve("spate-other-" + ended.pid() + "-1"));

    Path created = TemporaryJarDirectory.create(tmp);

    assertThat(killed).as("the directory of a JobManager that has ended").doesNotExist();
    assertThat(running).as("the directory of a running JobManager").isDirectory();
    assertThat(olderForm).as("a directory whose name holds no process id").isDirectory();
    assertThat(other).as("a directory of another name").isDirectory();
    assertThat(created).isDirectory().hasParent(tmp);
    assertThat(created.getFileName().toString()).startsWith("spate-jars-" + ProcessHandle.current().pid() + "-");
  }
}
