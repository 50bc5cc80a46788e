package io.spate.api.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.fs.FileSystem.WriteMode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemTest {

  @TempDir java.nio.file.Path dir;

  private final FileSystem fs = FileSystem.getLocalFileSystem();

  private Path path(String relative) {
    return new Path(dir.resolve(relative).toString());
  }

  @Test
  void plainPathsAndFileUrisHaveTheLocalFileSystem() throws IOException {
    assertThat(FileSystem.get(URI.create("/tmp/x"))).isSameAs(fs);
    assertThat(FileSystem.get(URI.create("file:///tmp/x"))).isSameAs(fs);
    assertThat(new Path("file:/tmp").getFileSystem()).isSameAs(fs);
    assertThat(fs.isDistributedFS()).isFalse();
    assertThat(fs.getUri()).isEqualTo(URI.create("file:///"));
    assertThat(fs.getWorkingDirectory()).isEqualTo(new Path("file", null, System.getProperty("user.dir")));
    assertThat(fs.getKind()).isEqualTo(FileSystemKind.FILE_SYSTEM);
    assertThat(FileSystem.getDefaultFsUri()).isEqualTo(URI.create("file:///"));
  }

  @Test
  void otherSchemesFailNamingTheSchemeAndWhatIsSupported() {
    assertThatThrownBy(() -> FileSystem.get(URI.create("hdfs://nn:9000/data")))
        .isInstanceOf(UnsupportedFileSystemSchemeException.class)
        .hasMessageContaining("'hdfs'")
        .hasMessageContaining("'file://'");
    assertThatThrownBy(() -> fs.open(new Path("s3://bucket/key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'s3'");
  }

  @Test
  void writesThenReadsWithSeekAndPosition() throws IOException {
    Path file = path("sub/data.bin");
    try (FSDataOutputStream out = fs.create(file, WriteMode.NO_OVERWRITE)) {
      out.write("hello, ".getBytes(StandardCharsets.UTF_8));
      assertThat(out.getPos()).isEqualTo(7);
      out.write('w');
      out.write("orld".getBytes(StandardCharsets.UTF_8));
      out.sync();
      assertThat(out.getPos()).isEqualTo(12);
    }
    assertThat(fs.exists(file)).isTrue();
    try (FSDataInputStream in = fs.open(file)) {
      assertThat(in.getPos()).isZero();
      assertThat(in.available()).isEqualTo(12);
      in.seek(7);
      assertThat(in.getPos()).isEqualTo(7);
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("world");
      assertThat(in.read()).isEqualTo(-1);
      in.seek(0);
      assertThat(in.read()).isEqualTo('h');
      assertThat(in.skip(100)).isEqualTo(11);
      assertThatThrownBy(() -> in.seek(-1)).isInstanceOf(IOException.class).hasMessageContaining("negative");
    }
    FileStatus status = fs.getFileStatus(file);
    assertThat(status.getLen()).isEqualTo(12);
    assertThat(status.isDir()).isFalse();
    assertThat(status.getReplication()).isEqualTo((short) 1);
    assertThat(status.getPath()).isEqualTo(new Path("file", null, dir.resolve("sub/data.bin").toString()));
    BlockLocation[] blocks = fs.getFileBlockLocations(status, 0, 12);
    assertThat(blocks).singleElement().satisfies(b -> {
      assertThat(b.getOffset()).isZero();
      assertThat(b.getLength()).isEqualTo(12);
      assertThat(b.getHosts()).containsExactly("localhost");
    });
    assertThat(fs.getFileBlockLocations(status, 12, 5)).isEmpty();
  }

  @Test
  void noOverwriteRefusesAnExistingFileAndOverwriteReplacesIt() throws IOException {
    Path file = path("a.txt");
    Files.writeString(dir.resolve("a.txt"), "old content");
    assertThatThrownBy(() -> fs.create(file, WriteMode.NO_OVERWRITE))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining(dir.resolve("a.txt").toString());
    try (FSDataOutputStream out = fs.create(file, WriteMode.OVERWRITE)) {
      out.write("new".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("new");
  }

  @Test
  void listsDirectoriesAndFilesAndAnswersNullForAMissingPath() throws IOException {
    Files.createDirectories(dir.resolve("d/inner"));
    Files.writeString(dir.resolve("d/x"), "12345");
    FileStatus[] entries = fs.listStatus(path("d"));
    assertThat(Arrays.stream(entries).map(s -> s.getPath().getName() + (s.isDir() ? "/" : "=" + s.getLen())))
        .containsExactlyInAnyOrder("inner/", "x=5");
    assertThat(fs.listStatus(path("d/x"))).singleElement().satisfies(s -> assertThat(s.getLen()).isEqualTo(5));
    assertThat(fs.listStatus(path("missing"))).isNull();
    assertThatThrownBy(() -> fs.getFileStatus(path("missing")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("missing");
    assertThat(fs.exists(path("missing"))).isFalse();
  }

  @Test
  void mkdirsDeleteAndRename() throws IOException {
    assertThat(fs.mkdirs(path("m/n/o"))).isTrue();
    assertThat(Files.isDirectory(dir.resolve("m/n/o"))).isTrue();
    Files.writeString(dir.resolve("m/n/o/f"), "x");
    assertThatThrownBy(() -> fs.mkdirs(path("m/n/o/f/g"))).isInstanceOf(FileAlreadyExistsException.class);

    assertThatThrownBy(() -> fs.delete(path("m"), false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not empty");
    assertThat(fs.rename(path("m/n/o/f"), path("m/g"))).isTrue();
    assertThat(Files.readString(dir.resolve("m/g"))).isEqualTo("x");
    assertThat(fs.rename(path("m/none"), path("m/h"))).isFalse();

    assertThat(fs.delete(path("m/g"), false)).isTrue();
    assertThat(fs.delete(path("m"), true)).isTrue();
    assertThat(Files.exists(dir.resolve("m"))).isFalse();
    assertThat(fs.delete(path("m"), true)).isFalse();
  }

  @Test
  void anOutputPathIsPreparedByItsWriteMode() throws IOException {
    Path file = path("out.txt");
    Files.writeString(dir.resolve("out.txt"), "old");
    assertThatThrownBy(() -> fs.initOutPathLocalFS(file, WriteMode.NO_OVERWRITE, false))
        .isInstanceOf(IOException.class).hasMessageContaining("out.txt").hasMessageContaining("NO_OVERWRITE");
    assertThat(fs.initOutPathLocalFS(file, WriteMode.OVERWRITE, false)).isTrue();
    assertThat(fs.exists(file)).isFalse();

    Path directory = path("parts");
    assertThat(fs.initOutPathLocalFS(directory, WriteMode.NO_OVERWRITE, true)).isTrue();
    Files.writeString(dir.resolve("parts/1"), "kept");
    assertThat(fs.initOutPathLocalFS(directory, WriteMode.NO_OVERWRITE, true)).isTrue();
    assertThat(fs.exists(path("parts/1"))).isTrue();
    assertThat(fs.initOutPathLocalFS(directory, WriteMode.OVERWRITE, true)).isTrue();
    assertThat(fs.exists(path("parts/1"))).isFalse();
    assertThat(fs.getFileStatus(directory).isDir()).isTrue();

    // The local file system is not distributed: preparing it as one does nothing, as in Flink.
    assertThat(fs.initOutPathDistFS(path("dist"), WriteMode.OVERWRITE, true)).isFalse();
    assertThat(fs.exists(path("dist"))).isFalse();
  }
}
