package io.spate.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.configuration.MemorySize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class SlotSharingGroupTest {

  @Test
  void aGroupWithoutResourcesHasOnlyItsName() {
    SlotSharingGroup group = SlotSharingGroup.newBuilder("etl").build();
    assertThat(group.getName()).isEqualTo("etl");
    assertThat(group.getCpuCores()).isEmpty();
    assertThat(group.getTaskHeapMemory()).isEmpty();
    assertThat(group.getTaskOffHeapMemory()).isEmpty();
    assertThat(group.getManagedMemory()).isEmpty();
    assertThat(group.getExternalResources()).isEmpty();
  }

  @Test
  void theBuilderSetsEveryResourceAndDefaultsOffHeapAndManagedToZero() {
    SlotSharingGroup full = SlotSharingGroup.newBuilder("a")
        .setCpuCores(1.5)
        .setTaskHeapMemoryMB(100)
        .setTaskOffHeapMemory(MemorySize.ofKibiBytes(64))
        .setManagedMemoryMB(20)
        .setExternalResource("gpu", 2.0)
        .build();
    assertThat(full.getCpuCores()).contains(1.5);
    assertThat(full.getTaskHeapMemory()).contains(MemorySize.ofMebiBytes(100));
    assertThat(full.getTaskOffHeapMemory()).contains(MemorySize.ofKibiBytes(64));
    assertThat(full.getManagedMemory()).contains(MemorySize.ofMebiBytes(20));
    assertThat(full.getExternalResources()).containsExactly(Map.entry("gpu", 2.0));
    assertThatThrownBy(() -> full.getExternalResources().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);

    SlotSharingGroup minimal = SlotSharingGroup.newBuilder("b")
        .setCpuCores(1).setTaskHeapMemory(MemorySize.ofMebiBytes(10))
        .setTaskOffHeapMemoryMB(3).setManagedMemory(MemorySize.ofMebiBytes(4)).build();
    assertThat(minimal.getTaskOffHeapMemory()).contains(MemorySize.ofMebiBytes(3));
    assertThat(minimal.getManagedMemory()).contains(MemorySize.ofMebiBytes(4));
    SlotSharingGroup defaults = SlotSharingGroup.newBuilder("c").setCpuCores(1).setTaskHeapMemoryMB(10).build();
    assertThat(defaults.getTaskOffHeapMemory()).contains(MemorySize.ofBytes(0));
    assertThat(defaults.getManagedMemory()).contains(MemorySize.ofBytes(0));
  }

  @Test
  void badValuesNameTheGroupAndWhatIsWrong() {
    assertThatThrownBy(() -> SlotSharingGroup.newBuilder(" ")).hasMessageContaining("non-blank name");
    assertThatThrownBy(() -> SlotSharingGroup.newBuilder("g").setCpuCores(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'g'").hasMessageContaining("cpu cores");
    assertThatThrownBy(() -> SlotSharingGroup.newBuilder("g").setTaskHeapMemoryMB(-1))
        .hasMessageContaining("task heap memory should be positive");
    assertThatThrownBy(() -> SlotSharingGroup.newBuilder("g").setTaskHeapMemory(MemorySize.ofBytes(0)))
        .hasMessageContaining("task heap memory should be positive");
    assertThatThrownBy(() -> SlotSharingGroup.newBuilder("g").setExternalResource("gpu", 0))
        .hasMessageContaining("'gpu'");
    assertThatThrownBy(() -> SlotSharingGroup.newBuilder("g").setCpuCores(1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu cores and task heap memory are required");
    assertThatThrownBy(() -> SlotSharingGroup.newBuilder("g").setManagedMemoryMB(1).build())
        .hasMessageContaining("cpu cores and task heap memory are required");
    assertThatThrownBy(() -> SlotSharingGroup.newBuilder("g").setExternalResource("gpu", 1).build())
        .hasMessageContaining("cpu cores and task heap memory are required");
  }

  private static SlotSharingGroup build(String name, int cpuTenths, int heapMb, int managedMb, boolean gpu) {
    SlotSharingGroup.Builder builder = SlotSharingGroup.newBuilder(name)
        .setCpuCores(cpuTenths / 10.0).setTaskHeapMemoryMB(heapMb).setManagedMemoryMB(managedMb);
    return (gpu ? builder.setExternalResource("gpu", 1) : builder).build();
  }

  @Test
  void equalGroupsHaveEqualHashesAndAnyDifferenceMakesThemUnequal() {
    Gen<String> names = SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(1, 4).assuming(s -> !s.isBlank());
    qt().forAll(names, SourceDSL.integers().between(1, 40), SourceDSL.integers().between(1, 512), SourceDSL.booleans().all())
        .checkAssert((name, cpu, heap, gpu) -> {
          int managed = heap / 3;
          SlotSharingGroup a = build(name, cpu, heap, managed, gpu);
          SlotSharingGroup b = build(name, cpu, heap, managed, gpu);
          assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
          assertThat(a).isNotEqualTo(build(name + "x", cpu, heap, managed, gpu));
          assertThat(a).isNotEqualTo(build(name, cpu + 1, heap, managed, gpu));
          assertThat(a).isNotEqualTo(build(name, cpu, heap + 1, managed, gpu));
          assertThat(a).isNotEqualTo(build(name, cpu, heap, managed + 1, gpu));
          assertThat(a).isNotEqualTo(build(name, cpu, heap, managed, !gpu));
          assertThat(a).isNotEqualTo(SlotSharingGroup.newBuilder(name).build());
        });
  }

  @Test
  void javaSerializationKeepsTheGroup() throws Exception {
    SlotSharingGroup group = build("ser", 15, 64, 8, true);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(group);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(group);
    }
  }
}
