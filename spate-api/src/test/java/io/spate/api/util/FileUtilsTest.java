package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUtilsTest {

  @TempDir
  Path dir;

  @Test
  void whatIsWrittenReadsBack() {
    File file = dir.resolve("text").toFile();
    qt().withExamples(200).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(text -> {
      try {
        String wellFormed = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        FileUtils.writeFileUtf8(file, wellFormed);
        assertThat(FileUtils.readFileUtf8(file)).isEqualTo(wellFormed);
        assertThat(FileUtils.readAllBytes(file.toPath())).isEqualTo(wellFormed.getBytes(StandardCharsets.UTF_8));
        FileUtils.writeFile(file, wellFormed, "UTF-16");
        assertThat(FileUtils.readFile(file, "UTF-16")).isEqualTo(wellFormed);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  private Path tree() throws IOException {
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/one.txt"), "1");
    Files.writeString(root.resolve("a/two.jar"), "2");
    Files.writeString(root.resolve("three.txt"), "3");
    return root;
  }

  @Test
  void deletingADirectoryDeletesEverythingInIt() throws IOException {
    Path root = tree();
    Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
    Files.createSymbolicLink(root.resolve("link"), outside);
    FileUtils.deleteDirectory(root.toFile());
    assertThat(root).doesNotExist();
    assertThat(outside).exists().hasContent("keep");
    FileUtils.deleteDirectory(root.toFile()); // absent: nothing to do
    FileUtils.deleteFileOrDirectory(outside.toFile());
    assertThat(outside).doesNotExist();
    FileUtils.deleteFileOrDirectory(outside.toFile());
  }

  @Test
  void deletingAFileAsADirectoryIsAnErrorNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThatThrownBy(() -> FileUtils.deleteDirectory(file.toFile())).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
    assertThatThrownBy(() -> FileUtils.cleanDirectory(file.toFile())).isInstanceOf(IOException.class);
    FileUtils.deleteDirectoryQuietly(file.toFile());
    assertThat(file).exists();
  }

  @Test
  void cleaningKeepsTheDirectoryAndListingFindsFilesAtAnyDepth() throws IOException {
    Path root = tree();
    assertThat(FileUtils.listFilesInDirectory(root, FileUtils::isJarFile)).containsExactly(root.resolve("a/two.jar"));
    assertThat(FileUtils.listFilesInDirectory(root, p -> true)).hasSize(3);
    assertThat(FileUtils.relativizePath(root, root.resolve("a/b"))).isEqualTo(Path.of("a", "b"));
    FileUtils.cleanDirectory(root.toFile());
    assertThat(root).isEmptyDirectory();
    assertThat(FileUtils.getRandomFilename("part-")).startsWith("part-").isNotEqualTo(FileUtils.getRandomFilename("part-"));
    assertThat(FileUtils.getCurrentWorkingDirectory()).isAbsolute();
  }
}
