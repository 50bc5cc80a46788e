package io.spate.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.operators.SlotSharingGroup;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Operators placed with Flink's SlotSharingGroup objects share slots by the group's name, so different groups never chain. */
class SlotSharingGroupChainingTest {

  @Test
  void operatorsInDifferentGroupsDoNotChainAndOperatorsInOneGroupDo() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    SlotSharingGroup heavy = SlotSharingGroup.newBuilder("heavy").setCpuCores(2).setTaskHeapMemoryMB(256).build();
    env.registerSlotSharingGroup(heavy);
    env.fromSequence(1, 10).name("src")
        .map(x -> x + 1).name("m1").slotSharingGroup(heavy)
        .map(x -> x * 2).name("m2").slotSharingGroup(SlotSharingGroup.newBuilder("heavy").build())
        .filter(x -> x > 2).name("f").slotSharingGroup(SlotSharingGroup.newBuilder("light").build())
        .sinkTo(new io.spate.api.connector.sink.lib.DiscardingSink<>()).name("out")
        .slotSharingGroup(SlotSharingGroup.newBuilder("light").build());

    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("ssg"));

    assertThat(graph.vertices()).hasSize(3);
    assertThat(graph.vertices().stream()
            .map(v -> v.getSlotSharingGroup() + ":" + v.getChain().stream().map(StreamNode::getName)
                .collect(Collectors.joining(",")))
            .collect(Collectors.toList()))
        .containsExactlyInAnyOrder("default:src", "heavy:m1,m2", "light:f,out");
  }
}
