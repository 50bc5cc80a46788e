package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.typeinfo.CompositeTypeInfo;
import io.spate.api.typeinfo.EitherTypeInfo;
import io.spate.api.typeinfo.GenericTypeInfo;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.ListTypeInfo;
import io.spate.api.typeinfo.MapTypeInfo;
import io.spate.api.typeinfo.MissingTypeInfo;
import io.spate.api.typeinfo.ObjectArrayTypeInfo;
import io.spate.api.typeinfo.OptionalTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a stream graph before it is submitted, and reports every problem at once with the
 * operator it concerns and how to fix it.
 */
@Internal
public final class StreamGraphValidator {

  private StreamGraphValidator() {}

  /**
   * Validates {@code graph}.
   *
   * @param defaultParallelism the parallelism of operators that set none
   * @param defaultMaxParallelism the job's max parallelism
   * @throws InvalidProgramException listing every problem found
   */
  public static void validate(StreamGraph graph, int defaultParallelism, int defaultMaxParallelism) {
    List<String> problems = new ArrayList<>();
    if (graph.sinks().isEmpty()) {
      problems.add("The job '" + graph.jobName() + "' has no sinks: add one, e.g. stream.print() or stream.sinkTo(...).");
    }
    Map<String, Transformation<?>> uids = new HashMap<>();
    Map<String, Transformation<?>> uidHashes = new HashMap<>();
    // A missing type propagates downstream as the same instance; report it where it arose.
    Set<TypeInformation<?>> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Transformation<?> t : graph.transformations()) {
      if (t.getUid() != null) {
        Transformation<?> previous = uids.putIfAbsent(t.getUid(), t);
        if (previous != null) {
          problems.add("The uid '" + t.getUid() + "' is used by two operators, " + previous.describe()
              + " and " + t.describe() + ": uids must be unique within a job.");
        }
      }
      if (t.getUidHash() != null) {
        Transformation<?> previous = uidHashes.putIfAbsent(t.getUidHash(), t);
        if (previous != null) {
          problems.add("The uid hash '" + t.getUidHash() + "' is set on two operators, " + previous.describe()
              + " and " + t.describe() + ": operator ids must be unique within a job.");
        }
      }
      if (!(t instanceof SinkTransformation<?>) && t.getOutputType() instanceof MissingTypeInfo<?> missing
          && reported.add(missing)) {
        problems.add("The return type of operator " + t.describe() + " could not be determined automatically, because "
            + missing.getReason() + ". Give it explicitly, for example " + missing.getReturnsExample() + ".");
      }
      int parallelism = t.getParallelism() > 0 ? t.getParallelism() : defaultParallelism;
      int maxParallelism = t.getMaxParallelism() > 0 ? t.getMaxParallelism() : defaultMaxParallelism;
      if (parallelism > maxParallelism) {
        problems.add("Operator " + t.describe() + " has parallelism " + parallelism
            + " above its max parallelism " + maxParallelism
            + ": lower the parallelism or raise the max parallelism (setMaxParallelism).");
      }
      checkKey(t, problems, reported);
    }
    checkGenericTypes(graph, problems);
    checkIterations(graph, problems);
    checkUidsWhenNotGenerated(graph, problems);
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder("The job '").append(graph.jobName()).append("' is invalid:");
      for (String problem : problems) {
        message.append("\n  - ").append(problem);
      }
      throw new InvalidProgramException(message.toString());
    }
  }

  /**
   * An iteration must be closed, cannot run in BATCH mode (its head waits for feedback, which a
   * staged execution never delivers), and is not checkpointed: records on their way back to the head
   * belong to no snapshot, so a restore would lose them silently.
   */
  private static void checkIterations(StreamGraph graph, List<String> problems) {
    List<FeedbackTransformation<?>> heads = new ArrayList<>();
    for (Transformation<?> t : graph.transformations()) {
      if (t instanceof FeedbackTransformation<?> head) {
        heads.add(head);
        if (head.getFeedback() == null) {
          problems.add("The iteration " + head.describe() + " is never closed: call closeWith(feedbackStream) on"
              + " the stream that iterate() returned.");
        }
      }
    }
    if (heads.isEmpty()) {
      return;
    }
    if (graph.runtimeMode() == io.spate.api.common.RuntimeExecutionMode.BATCH) {
      problems.add("The iteration " + heads.get(0).describe() + " cannot run in BATCH mode: set "
          + io.spate.api.configuration.CoreOptions.RUNTIME_MODE.key() + " to STREAMING.");
    }
    if (graph.configuration().getOptional(io.spate.api.configuration.CheckpointingOptions.CHECKPOINTING_INTERVAL)
        .isPresent()) {
      problems.add("The iteration " + heads.get(0).describe() + " cannot run with checkpointing enabled:"
          + " iterations are not checkpointed, and records on their way back to the iteration head would be lost"
          + " on recovery. Disable checkpointing (" + io.spate.api.configuration.CheckpointingOptions
          .CHECKPOINTING_INTERVAL.key() + ") for this job.");
    }
  }

  /**
   * With {@code pipeline.auto-generate-uids: false} (Flink's {@code disableAutoGeneratedUIDs()}) every
   * operator, source and sink must have a uid, so that its state maps to the same operator after a
   * change to the job.
   */
  private static void checkUidsWhenNotGenerated(StreamGraph graph, List<String> problems) {
    if (graph.configuration().get(io.spate.api.configuration.PipelineOptions.AUTO_GENERATE_UIDS)) {
      return;
    }
    for (Transformation<?> t : graph.transformations()) {
      boolean operator = t instanceof PhysicalTransformation<?> || t instanceof SourceTransformation<?>
          || t instanceof SinkTransformation<?>;
      if (operator && t.getUid() == null) {
        problems.add("Operator " + t.describe() + " has no uid, and automatically generated uids are disabled ("
            + io.spate.api.configuration.PipelineOptions.AUTO_GENERATE_UIDS.key() + ": false, as"
            + " disableAutoGeneratedUIDs() sets): give it one with .uid(\"...\").");
      }
    }
  }

  private static void checkKey(Transformation<?> t, List<String> problems, Set<TypeInformation<?>> reported) {
    TypeInformation<?> keyType = null;
    if (t instanceof PhysicalTransformation<?> physical) {
      keyType = physical.getStateKeyType();
    } else if (t instanceof PartitionTransformation<?> p
        && p.getPartitioning() instanceof PartitionSpec.KeyGroupHash hash) {
      keyType = hash.keyType();
    }
    if (keyType == null || !reported.add(keyType)) {
      return;
    }
    if (keyType instanceof MissingTypeInfo<?> missing) {
      problems.add("The key type of " + (t instanceof PartitionTransformation<?> ? "keyBy " : "operator ")
          + t.describe() + " could not be determined automatically, because " + missing.getReason()
          + ". Pass it to keyBy: `keyBy(selector, Types.STRING)` or `keyBy(selector, new TypeHint<...>(){})`.");
      return;
    }
    try {
      keyType.checkValidKey();
    } catch (InvalidTypesException e) {
      problems.add("The key of operator " + t.describe() + " is invalid: " + e.getMessage());
    }
  }

  // Flink's setGenericTypes(false): a job whose records hold a generic type fails before it runs.

  private static void checkGenericTypes(StreamGraph graph, List<String> problems) {
    if (graph.executionConfig() == null
        || !graph.executionConfig().getSerializerConfig().hasGenericTypesDisabled()) {
      return;
    }
    Set<TypeInformation<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Transformation<?> t : graph.transformations()) {
      GenericTypeInfo<?> generic = findGeneric(t.getOutputType(), seen);
      if (generic != null) {
        problems.add("Operator " + t.describe() + " produces " + t.getOutputType() + ": Generic types have been"
            + " disabled in the ExecutionConfig and type " + generic.getTypeClass().getName() + " is treated as a"
            + " generic type. Make it a record or a POJO, or give it a TypeInfoFactory with @TypeInfo.");
      }
    }
  }

  /** The first generic type in {@code type} or the types it holds, each type visited once. */
  private static GenericTypeInfo<?> findGeneric(TypeInformation<?> type, Set<TypeInformation<?>> seen) {
    if (type == null || !seen.add(type)) {
      return null;
    }
    if (type instanceof GenericTypeInfo<?> generic) {
      return generic;
    }
    List<TypeInformation<?>> nested = new ArrayList<>();
    if (type instanceof CompositeTypeInfo<?> composite) {
      for (int i = 0; i < composite.getArity(); i++) {
        nested.add(composite.getFieldType(i));
      }
    } else if (type instanceof ListTypeInfo<?> list) {
      nested.add(list.getElementType());
    } else if (type instanceof OptionalTypeInfo<?> optional) {
      nested.add(optional.getElementType());
    } else if (type instanceof MapTypeInfo<?, ?> map) {
      nested.add(map.getKeyType());
      nested.add(map.getValueType());
    } else if (type instanceof ObjectArrayTypeInfo<?> array) {
      nested.add(array.getComponentType());
    } else if (type instanceof EitherTypeInfo<?, ?> either) {
      nested.add(either.getLeftType());
      nested.add(either.getRightType());
    }
    for (TypeInformation<?> inner : nested) {
      GenericTypeInfo<?> generic = findGeneric(inner, seen);
      if (generic != null) {
        return generic;
      }
    }
    return null;
  }
}
