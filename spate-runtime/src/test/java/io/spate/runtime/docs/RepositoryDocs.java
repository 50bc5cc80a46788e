package io.spate.runtime.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The repository's documentation (README.md, docs/ and the benchmark notes) and its test sources, found from the working directory. */
final class RepositoryDocs {

  // Build output and version control hold copies and generated files, never sources of the docs.
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "node_modules");

  private final Path root;

  private RepositoryDocs(Path root) {
    this.root = root;
  }

  /** The repository that holds the working directory: the nearest directory upwards with README.md, docs/ and pom.xml. */
  static RepositoryDocs find() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return new RepositoryDocs(dir);
      }
    }
    throw new IllegalStateException("No directory at or above " + start + " holds README.md, docs/ and pom.xml");
  }

  Path root() {
    return root;
  }

  /** README.md, then every Markdown file under docs/, in a stable order. */
  List<MarkdownFile> pages() {
    List<MarkdownFile> pages = new ArrayList<>();
    try {
      pages.add(MarkdownFile.read(root.resolve("README.md")));
      for (Path page : walk(root.resolve("docs"), p -> p.toString().endsWith(".md"))) {
        pages.add(MarkdownFile.read(page));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  /** The Markdown files under spate-bench/results: the index, the notes on each day's runs and the runs' own reports. */
  List<MarkdownFile> benchmarkResults() {
    Path results = root.resolve("spate-bench").resolve("results");
    List<MarkdownFile> files = new ArrayList<>();
    if (!Files.isDirectory(results)) {
      return files;
    }
    try {
      for (Path file : walk(results, p -> p.toString().endsWith(".md"))) {
        files.add(MarkdownFile.read(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Every Java file under a src/test/java directory of any module, build output left out. */
  List<Path> testSources() {
    return walk(root, p -> p.toString().endsWith(".java") && root.relativize(p).toString().replace('\\', '/')
        .matches("(.*/)?src/test/java/.*"));
  }

  /** {@code file} relative to the repository, with forward slashes, for messages. */
  String name(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private List<Path> walk(Path dir, Predicate<Path> wanted) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
          String name = d.getFileName() == null ? "" : d.getFileName().toString();
          boolean skipped = !d.equals(dir) && SKIPPED_DIRECTORIES.contains(name);
          return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile() && wanted.test(file)) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(null);
    return found;
  }
}
