package io.spate.bench.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpateMirrorsTest {

  private static ClassModel spate(String name, String module, boolean isPublic, boolean internal, String outer) {
    return new ClassModel(name, module, isPublic, false, internal, false, outer, "java.lang.Object", List.of(), List.of());
  }

  @Test
  void theCandidateWhosePackageSharesMostWordsWins() {
    SpateMirrors mirrors = new SpateMirrors(new ClassIndex(List.of(
        spate("io.spate.connectors.source.SourceFunction", "spate-connectors", true, false, null),
        spate("io.spate.api.functions.source.SourceFunction", "spate-api", true, false, null))),
        List.of("spate-connectors", "spate-api"));

    assertThat(mirrors.candidates("org.apache.flink.streaming.api.functions.source.SourceFunction"))
        .extracting(ClassModel::binaryName)
        .containsExactly("io.spate.api.functions.source.SourceFunction", "io.spate.connectors.source.SourceFunction");
  }

  @Test
  void tiesGoToTheModuleListedFirst() {
    SpateMirrors mirrors = new SpateMirrors(new ClassIndex(List.of(
        spate("io.spate.runtime.state.Foo", "spate-runtime", true, false, null),
        spate("io.spate.api.state.Foo", "spate-api", true, false, null))), List.of("spate-api", "spate-runtime"));

    assertThat(mirrors.mirrorOf("org.apache.flink.api.common.state.Foo")).map(ClassModel::binaryName)
        .hasValue("io.spate.api.state.Foo");
  }

  @Test
  void internalNonPublicAndHiddenNestedClassesMirrorNothing() {
    SpateMirrors mirrors = new SpateMirrors(new ClassIndex(List.of(
        spate("io.spate.api.a.Internal", "spate-api", true, true, null),
        spate("io.spate.api.a.Hidden", "spate-api", false, false, null),
        spate("io.spate.api.a.Hidden$Nested", "spate-api", true, false, "io.spate.api.a.Hidden"),
        spate("io.spate.api.a.Open", "spate-api", true, false, null),
        spate("io.spate.api.a.Open$Nested", "spate-api", true, false, "io.spate.api.a.Open"))), List.of("spate-api"));

    assertThat(mirrors.mirrorOf("org.apache.flink.x.Internal")).isEmpty();
    assertThat(mirrors.mirrorOf("org.apache.flink.x.Hidden")).isEmpty();
    assertThat(mirrors.mirrorOf("org.apache.flink.x.Hidden$Nested")).isEmpty();
    assertThat(mirrors.mirrorOf("org.apache.flink.x.Open$Nested")).map(ClassModel::binaryName)
        .hasValue("io.spate.api.a.Open$Nested");
    assertThat(mirrors.mirrorOf("org.apache.flink.x.Nested")).as("a nested class mirrors only Outer.Inner").isEmpty();
  }

  @Test
  void aClassDeclaredNotMirroredHasNoMirrorAndMapsToNothing() {
    SpateMirrors mirrors = new SpateMirrors(new ClassIndex(List.of(
        spate("io.spate.api.state.ListState", "spate-api", true, false, null))), List.of("spate-api"),
        name -> name.equals("org.apache.flink.api.common.state.v2.ListState"));

    assertThat(mirrors.mirrorOf("org.apache.flink.api.common.state.v2.ListState")).isEmpty();
    assertThat(mirrors.mapType("org.apache.flink.api.common.state.v2.ListState")).isEmpty();
    assertThat(mirrors.mirrorOf("org.apache.flink.api.common.state.ListState")).map(ClassModel::binaryName)
        .hasValue("io.spate.api.state.ListState");
  }

  @Test
  void typesOutsideFlinkMapToThemselves() {
    SpateMirrors mirrors = new SpateMirrors(new ClassIndex(List.of()), List.of());

    assertThat(mirrors.mapType("java.lang.String[]")).hasValue("java.lang.String[]");
    assertThat(mirrors.mapType("int")).hasValue("int");
    assertThat(mirrors.mapType("org.apache.flink.x.Unknown")).isEmpty();
  }
}
