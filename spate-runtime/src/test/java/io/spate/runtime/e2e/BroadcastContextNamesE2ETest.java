package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.BroadcastStream;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.BaseBroadcastProcessFunction;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedBroadcastProcessFunction;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.e2e.E2eSupport.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flink nests the two broadcast contexts in BaseBroadcastProcessFunction too, so that code shared by
 * keyed and non-keyed broadcast functions can take either function's context: such code, run in jobs.
 */
class BroadcastContextNamesE2ETest {

  static final MapStateDescriptor<String, Integer> LIMITS = new MapStateDescriptor<>("limits", Types.STRING, Types.INT);

  /** Stores "name=limit" in the broadcast state, through the context both functions' broadcast sides are. */
  static void remember(String rule, BaseBroadcastProcessFunction.Context ctx) throws Exception {
    String[] parts = rule.split("=");
    ctx.getBroadcastState(LIMITS).put(parts[0], Integer.parseInt(parts[1]));
  }

  /** Judges "name:value" against the stored limit, through the context both functions' other sides are. */
  static String judge(String reading, BaseBroadcastProcessFunction.ReadOnlyContext ctx) throws Exception {
    String[] parts = reading.split(":");
    Integer limit = ctx.getBroadcastState(LIMITS).get(parts[0]);
    return reading + (limit == null ? " unknown" : Integer.parseInt(parts[1]) > limit ? " over" : " within");
  }

  static final class Judge extends BroadcastProcessFunction<String, String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      out.collect(judge(value, ctx));
    }

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
      remember(value, ctx);
    }
  }

  static final class KeyedJudge extends KeyedBroadcastProcessFunction<String, String, String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "|" + judge(value, ctx));
    }

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
      remember(value, ctx);
    }
  }

  @Test
  void codeTakingTheBaseContextsServesBothFunctions() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    // in batch mode the broadcast side is processed first, so every reading sees every limit
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    BroadcastStream<String> limits = env.fromData(List.of("cpu=80", "disk=90"), Types.STRING).broadcast(LIMITS);
    DataStream<String> readings = env.fromData(List.of("cpu:85", "disk:40", "net:5", "cpu:80"), Types.STRING);
    RecordingSink<String> plain = new RecordingSink<>();
    RecordingSink<String> keyed = new RecordingSink<>();
    readings.connect(limits).process(new Judge()).sinkTo(plain);
    readings.keyBy(r -> r.split(":")[0]).connect(limits).process(new KeyedJudge()).sinkTo(keyed);
    E2eSupport.run(env, "broadcast contexts");

    assertThat(plain.values()).containsExactlyInAnyOrder("cpu:85 over", "disk:40 within", "net:5 unknown",
        "cpu:80 within");
    assertThat(keyed.values()).containsExactlyInAnyOrder("cpu|cpu:85 over", "disk|disk:40 within",
        "net|net:5 unknown", "cpu|cpu:80 within");
  }
}
