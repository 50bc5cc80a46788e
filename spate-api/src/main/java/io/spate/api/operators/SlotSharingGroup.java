package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.MemorySize;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named slot sharing group with the resources Flink's fine-grained resource management would give
 * its slot; Spate places operators by the group's name and keeps the resources only as a record,
 * because its slots are not sized by resource profiles.
 */
@PublicEvolving
public class SlotSharingGroup implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String name;
  // All null (and no external resources) when the group declares no resources.
  private final Double cpuCores;
  private final MemorySize taskHeapMemory;
  private final MemorySize taskOffHeapMemory;
  private final MemorySize managedMemory;
  private final Map<String, Double> externalResources;

  private SlotSharingGroup(String name, Double cpuCores, MemorySize taskHeapMemory, MemorySize taskOffHeapMemory,
      MemorySize managedMemory, Map<String, Double> externalResources) {
    this.name = name;
    this.cpuCores = cpuCores;
    this.taskHeapMemory = taskHeapMemory;
    this.taskOffHeapMemory = taskOffHeapMemory;
    this.managedMemory = managedMemory;
    this.externalResources = Collections.unmodifiableMap(new LinkedHashMap<>(externalResources));
  }

  /** Starts a group called {@code name}, with no resources until the builder sets them. */
  public static Builder newBuilder(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A slot sharing group needs a non-blank name, but got "
          + (name == null ? "null" : "'" + name + "'") + ".");
    }
    return new Builder(name);
  }

  /** The group's name, which operators placed in it share. */
  public String getName() {
    return name;
  }

  /** The managed memory declared for the group's slot, if it declares resources. */
  public Optional<MemorySize> getManagedMemory() {
    return Optional.ofNullable(managedMemory);
  }

  /** The task heap memory declared for the group's slot, if it declares resources. */
  public Optional<MemorySize> getTaskHeapMemory() {
    return Optional.ofNullable(taskHeapMemory);
  }

  /** The task off-heap memory declared for the group's slot, if it declares resources. */
  public Optional<MemorySize> getTaskOffHeapMemory() {
    return Optional.ofNullable(taskOffHeapMemory);
  }

  /** The CPU cores declared for the group's slot, if it declares resources. */
  public Optional<Double> getCpuCores() {
    return Optional.ofNullable(cpuCores);
  }

  /** The external resources (such as GPUs) declared for the group's slot, by name; empty if none. */
  public Map<String, Double> getExternalResources() {
    return externalResources;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    SlotSharingGroup other = (SlotSharingGroup) o;
    return name.equals(other.name) && Objects.equals(cpuCores, other.cpuCores)
        && Objects.equals(taskHeapMemory, other.taskHeapMemory)
        && Objects.equals(taskOffHeapMemory, other.taskOffHeapMemory)
        && Objects.equals(managedMemory, other.managedMemory)
        && externalResources.equals(other.externalResources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, cpuCores, taskHeapMemory, taskOffHeapMemory, managedMemory, externalResources);
  }

  @Override
  public String toString() {
    if (cpuCores == null) {
      return "SlotSharingGroup{name='" + name + "'}";
    }
    return "SlotSharingGroup{name='" + name + "', cpuCores=" + cpuCores + ", taskHeapMemory=" + taskHeapMemory
        + ", taskOffHeapMemory=" + taskOffHeapMemory + ", managedMemory=" + managedMemory
        + ", externalResources=" + externalResources + "}";
  }

  /** Builds a {@link SlotSharingGroup}: either no resources, or at least CPU cores and task heap memory. */
  @PublicEvolving
  public static class Builder {

    private final String name;
    private Double cpuCores;
    private MemorySize taskHeapMemory;
    private MemorySize taskOffHeapMemory;
    private MemorySize managedMemory;
    private final Map<String, Double> externalResources = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Sets the CPU cores of the group's slot; must be positive. */
    public Builder setCpuCores(double cpuCores) {
      if (!(cpuCores > 0)) {
        throw new IllegalArgumentException("Slot sharing group '" + name + "': the cpu cores should be positive,"
            + " but are " + cpuCores + ".");
      }
      this.cpuCores = cpuCores;
      return this;
    }

    /** Sets the task heap memory of the group's slot; must be positive. */
    public Builder setTaskHeapMemory(MemorySize taskHeapMemory) {
      Objects.requireNonNull(taskHeapMemory, "Slot sharing group '" + name + "': the task heap memory must not be null.");
      if (taskHeapMemory.getBytes() <= 0) {
        throw new IllegalArgumentException("Slot sharing group '" + name + "': the task heap memory should be"
            + " positive, but is " + taskHeapMemory + ".");
      }
      this.taskHeapMemory = taskHeapMemory;
      return this;
    }

    /** Sets the task heap memory in mebibytes; must be positive. */
    public Builder setTaskHeapMemoryMB(int taskHeapMemoryMb) {
      if (taskHeapMemoryMb <= 0) {
        throw new IllegalArgumentException("Slot sharing group '" + name + "': the task heap memory should be"
            + " positive, but is " + taskHeapMemoryMb + " MB.");
      }
      return setTaskHeapMemory(MemorySize.ofMebiBytes(taskHeapMemoryMb));
    }

    /** Sets the task off-heap memory of the group's slot (zero when not set). */
    public Builder setTaskOffHeapMemory(MemorySize taskOffHeapMemory) {
      this.taskOffHeapMemory = Objects.requireNonNull(taskOffHeapMemory,
          "Slot sharing group '" + name + "': the task off-heap memory must not be null.");
      return this;
    }

    /** Sets the task off-heap memory in mebibytes. */
    public Builder setTaskOffHeapMemoryMB(int taskOffHeapMemoryMb) {
      return setTaskOffHeapMemory(MemorySize.ofMebiBytes(taskOffHeapMemoryMb));
    }

    /** Sets the managed memory of the group's slot (zero when not set). */
    public Builder setManagedMemory(MemorySize managedMemory) {
      this.managedMemory = Objects.requireNonNull(managedMemory,
          "Slot sharing group '" + name + "': the managed memory must not be null.");
      return this;
    }

    /** Sets the managed memory in mebibytes. */
    public Builder setManagedMemoryMB(int managedMemoryMb) {
      return setManagedMemory(MemorySize.ofMebiBytes(managedMemoryMb));
    }

    /** Declares {@code value} units of the external resource {@code name}; the value must be positive. */
    public Builder setExternalResource(String name, double value) {
      Objects.requireNonNull(name, "Slot sharing group '" + this.name + "': an external resource needs a name.");
      if (!(value > 0)) {
        throw new IllegalArgumentException("Slot sharing group '" + this.name + "': the value of external resource '"
            + name + "' should be positive, but is " + value + ".");
      }
      externalResources.put(name, value);
      return this;
    }

    /**
     * The group; as in Flink, declaring any resource requires both the CPU cores and the task heap
     * memory, and unset off-heap and managed memory are then zero.
     */
    public SlotSharingGroup build() {
      if (cpuCores != null && taskHeapMemory != null) {
        return new SlotSharingGroup(name, cpuCores, taskHeapMemory,
            taskOffHeapMemory == null ? MemorySize.ofBytes(0) : taskOffHeapMemory,
            managedMemory == null ? MemorySize.ofBytes(0) : managedMemory, externalResources);
      }
      if (cpuCores == null && taskHeapMemory == null && taskOffHeapMemory == null && managedMemory == null
          && externalResources.isEmpty()) {
        return new SlotSharingGroup(name, null, null, null, null, Map.of());
      }
      throw new IllegalArgumentException("Slot sharing group '" + name + "': the cpu cores and task heap memory are"
          + " required when specifying the resources of a slot sharing group; set both to positive values.");
    }
  }
}
