package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.spate.api.common.DistributedCache.DistributedCacheEntry;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.fs.Path;
import io.spate.api.tuple.Tuple2;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The distributed cache's entries survive both of their written forms, and its lookups name what is wrong. */
class DistributedCacheTest {

  @Test
  void cachedFileStringsParseBackToTheEntries() {
    qt().forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 8), booleans().all())
        .checkAssert((ids, executable) -> {
          List<Tuple2<String, DistributedCacheEntry>> files = new ArrayList<>();
          for (int id : ids) {
            files.add(Tuple2.of("file-" + id, new DistributedCacheEntry("file:///data/f" + id + ".txt", executable)));
          }
          List<String> strings = DistributedCache.parseStringFromCachedFiles(files);
          assertThat(DistributedCache.parseCachedFilesFromString(strings)).isEqualTo(files);
        });
  }

  @Test
  void entriesWrittenToAConfigurationReadBackInOrder() {
    qt().forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(1, 12)).ofSizeBetween(0, 6), booleans().all())
        .checkAssert((paths, zipped) -> {
          Configuration conf = new Configuration();
          List<Map.Entry<String, DistributedCacheEntry>> written = new ArrayList<>();
          for (int i = 0; i < paths.size(); i++) {
            DistributedCacheEntry entry = new DistributedCacheEntry("/tmp/" + paths.get(i), i % 2 == 0, zipped);
            DistributedCache.writeFileInfoToConfig("n" + i, entry, conf);
            written.add(Map.entry("n" + i, entry));
          }
          assertThat(new ArrayList<>(DistributedCache.readFileInfoFromConfig(conf))).isEqualTo(written);
        });
  }

  @Test
  void entriesAreEqualExactlyWhenTheirFieldsAre() {
    qt().forAll(integers().between(0, 3), booleans().all(), booleans().all()).checkAssert((path, executable, zipped) -> {
      DistributedCacheEntry a = new DistributedCacheEntry("/p" + path, executable, zipped);
      DistributedCacheEntry b = new DistributedCacheEntry("/p" + path, executable, zipped);
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(a).isNotEqualTo(new DistributedCacheEntry("/p" + path, !executable, zipped));
      assertThat(a).isNotEqualTo(new DistributedCacheEntry("/p" + path, (Boolean) executable, new byte[] {1}, zipped));
    });
    assertThat(new DistributedCacheEntry("/x", true, new byte[] {1, 2}))
        .isEqualTo(new DistributedCacheEntry("/x", true, new byte[] {1, 2}, false));
    assertThat(new DistributedCacheEntry("/x", (Boolean) null).toString()).contains("/x");
  }

  @Test
  void malformedStringsAreNamed() {
    assertThatThrownBy(() -> DistributedCache.parseCachedFilesFromString(List.of("name:a")))
        .hasMessageContaining("'name:a'").hasMessageContaining("both a name and a path");
    assertThatThrownBy(() -> DistributedCache.parseCachedFilesFromString(List.of("name:a,path:/x,mode:7")))
        .hasMessageContaining("unknown key 'mode'");
    assertThatThrownBy(() -> DistributedCache.parseCachedFilesFromString(List.of("name:a,/x")))
        .hasMessageContaining("'/x' is not key:value");
  }

  @Test
  void getFileFindsRegisteredFilesAndNamesTheOthers() {
    DistributedCache cache = new DistributedCache(Map.of(
        "ready", CompletableFuture.completedFuture(new Path("file:///data/ready.txt")),
        "broken", CompletableFuture.failedFuture(new java.io.IOException("the file 'x' is gone"))));
    assertThat(cache.getFile("ready")).isEqualTo(new File("/data/ready.txt"));
    assertThatThrownBy(() -> cache.getFile("broken")).hasMessage("the file 'x' is gone");
    assertThatThrownBy(() -> cache.getFile("other"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'other'");
  }

  @Test
  void theEnvironmentRegistersFilesForItsJobs() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    env.registerCachedFile("/data/words.txt", "words");
    env.registerCachedFile("/data/tool.sh", "tool", true);
    assertThat(env.getCachedFiles()).containsExactly(
        Tuple2.of("words", new DistributedCacheEntry("/data/words.txt", false)),
        Tuple2.of("tool", new DistributedCacheEntry("/data/tool.sh", true)));
    assertThatThrownBy(() -> env.registerCachedFile("/other", "words")).hasMessageContaining("'words' is taken");
    env.fromElements(1).discard();
    Configuration job = env.getStreamGraph("cached").configuration();
    assertThat(DistributedCache.readFileInfoFromConfig(job)).extracting(Map.Entry::getKey).containsExactly("words", "tool");
  }
}
