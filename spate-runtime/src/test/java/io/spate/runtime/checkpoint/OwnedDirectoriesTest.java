package io.spate.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which paths a job's checkpoint coordinator may delete. */
class OwnedDirectoriesTest {

  @TempDir
  Path dir;

  @Test
  void pathsUnderAnOwnedDirectoryAreOwnedAndOthersAreNot() throws Exception {
    Path job = Files.createDirectories(dir.resolve("job"));
    OwnedDirectories owned = new OwnedDirectories();
    owned.add(job);
    assertThat(owned.contains(job)).isTrue();
    assertThat(owned.contains(Files.writeString(job.resolve("state"), "x"))).isTrue();
    assertThat(owned.contains(job.resolve("chk-9").resolve("not-written-yet"))).isTrue();
    assertThat(owned.contains(job.resolve("..").resolve("elsewhere"))).isFalse();
    assertThat(owned.contains(dir.resolve("job-other"))).isFalse();
    assertThat(owned.contains(Path.of("/etc/hosts"))).isFalse();
  }

  @Test
  void aSymbolicLinkOutOfAnOwnedDirectoryIsNotFollowed() throws Exception {
    Path job = Files.createDirectories(dir.resolve("job"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path victim = Files.writeString(outside.resolve("victim"), "x");
    Path link = Files.createSymbolicLink(job.resolve("shared"), outside);
    OwnedDirectories owned = new OwnedDirectories();
    owned.add(job);
    assertThat(owned.contains(link.resolve(victim.getFileName()))).isFalse();
    // The link itself lies inside: deleting it removes the link, not what it points to.
    assertThat(owned.contains(link)).isTrue();
  }
}
