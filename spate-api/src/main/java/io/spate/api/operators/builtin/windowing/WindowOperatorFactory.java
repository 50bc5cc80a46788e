package io.spate.api.operators.builtin.windowing;

import io.spate.api.annotation.Internal;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Function;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.operators.builtin.RuntimeOperatorFactory;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.triggers.Trigger;

/**
 * A window operator ({@code window(...)} / {@code windowAll(...)} then a window function). The
 * window contents are {@code incrementalFunction}'s single value per key and window when it is set
 * (a {@link ReduceFunction} or {@link AggregateFunction}), else the list of records. Internal.
 *
 * @param assigner the window assigner
 * @param trigger the trigger (the assigner's default unless the program set one)
 * @param defaultTrigger whether {@code trigger} is the assigner's default
 * @param evictor the evictor, or null for none
 * @param allowedLateness the allowed lateness in milliseconds (event time only)
 * @param lateDataOutputTag the side output of late records, or null to drop them
 * @param incrementalFunction the reduce or aggregate function, or null to keep records in a list
 * @param function the window function, applied to the contents when a window fires
 * @param inputType the type of the input records (null if unknown)
 * @param accumulatorType the type of an aggregate function's accumulator, as the program gave it,
 *     or null to infer it
 * @param <OUT> the output type
 */
@Internal
public record WindowOperatorFactory<OUT>(
    WindowAssigner<?, ?> assigner,
    Trigger<?, ?> trigger,
    boolean defaultTrigger,
    Evictor<?, ?> evictor,
    long allowedLateness,
    OutputTag<?> lateDataOutputTag,
    Function incrementalFunction,
    ProcessWindowFunction<?, OUT, ?, ?> function,
    TypeInformation<?> inputType,
    TypeInformation<?> accumulatorType) implements RuntimeOperatorFactory<OUT> {}
