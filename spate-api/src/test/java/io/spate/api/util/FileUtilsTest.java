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

  // ---------------------------------------------------------------- Flink's other FileUtils members

  private static io.spate.api.fs.Path fsPath(Path path) {
    return new io.spate.api.fs.Path(path.toString());
  }

  @Test
  void aDirectoryCompressedAndExpandedElsewhereHasTheSameFilesAndCopiesAreExecutableIfAsked() throws Exception {
    Path root = tree();
    Path zip = dir.resolve("tree.zip");
    assertThat(FileUtils.compressDirectory(fsPath(root), fsPath(zip))).isEqualTo(fsPath(zip));
    Path target = Files.createDirectories(dir.resolve("expanded"));
    io.spate.api.fs.Path expanded = FileUtils.expandDirectory(fsPath(zip), fsPath(target));
    assertThat(expanded).isEqualTo(fsPath(target.resolve(root.getFileName().toString())));
    Path expandedRoot = target.resolve(root.getFileName().toString());
    assertThat(FileUtils.listFilesInDirectory(expandedRoot, p -> true).stream()
        .map(p -> expandedRoot.relativize(p).toString()).sorted().toList())
        .isEqualTo(FileUtils.listFilesInDirectory(root, p -> true).stream()
            .map(p -> root.relativize(p).toString()).sorted().toList());
    assertThat(FileUtils.getDirectoryFilesSize(expandedRoot)).isEqualTo(FileUtils.getDirectoryFilesSize(root))
        .isPositive();

    Path copy = dir.resolve("copy");
    FileUtils.copy(fsPath(root), fsPath(copy), true);
    assertThat(FileUtils.listFilesInDirectory(copy, p -> true)).hasSize(3).allMatch(Files::isExecutable);
    assertThat(FileUtils.listDirectory(copy)).hasSize(FileUtils.listDirectory(root).length);
    assertThatThrownBy(() -> FileUtils.copy(fsPath(dir.resolve("nothing")), fsPath(copy), false))
        .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
  }

  @Test
  void anArchiveEntryOutsideTheTargetIsRefused() throws Exception {
    Path zip = dir.resolve("evil.zip");
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("../escaped.txt"));
      out.write('x');
      out.closeEntry();
    }
    Path target = Files.createDirectories(dir.resolve("target"));
    assertThatThrownBy(() -> FileUtils.expandDirectory(fsPath(zip), fsPath(target)))
        .isInstanceOf(IOException.class).hasMessageContaining("outside");
    assertThat(dir.resolve("escaped.txt")).doesNotExist();
  }

  @Test
  void smallPathAndChannelHelpers() throws Exception {
    assertThat(FileUtils.stripFileExtension("a.tar.gz")).isEqualTo("a.tar");
    assertThat(FileUtils.stripFileExtension("README")).isEqualTo("README");
    assertThat(FileUtils.stripFileExtension(".hidden")).isEmpty();
    assertThat(FileUtils.stripFileExtension("dir.d/name")).isEqualTo("dir.d/name");
    assertThat(FileUtils.toURL(dir.resolve("f.txt"))).hasProtocol("file").hasPath(dir.resolve("f.txt").toString());
    assertThat(FileUtils.absolutizePath(new io.spate.api.fs.Path("rel/x")).isAbsolute()).isTrue();
    assertThat(FileUtils.absolutizePath(fsPath(dir))).isEqualTo(fsPath(dir));

    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    assertThat(FileUtils.getTargetPathIfContainsSymbolicPath(link.resolve("f/g")))
        .isEqualTo(real.toRealPath().resolve("f/g"));
    assertThat(FileUtils.getTargetPathIfContainsSymbolicPath(real)).isEqualTo(real);

    Path file = dir.resolve("channel.bin");
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      FileUtils.writeCompletely(channel, java.nio.ByteBuffer.wrap(new byte[100_000]));
    }
    assertThat(Files.size(file)).isEqualTo(100_000);
  }
}
