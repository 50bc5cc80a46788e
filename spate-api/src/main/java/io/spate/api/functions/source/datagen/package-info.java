/**
 * The legacy data generator source of older Flink programs: {@link
 * io.spate.api.functions.source.datagen.DataGeneratorSource}, a parallel source function that emits
 * what a {@link io.spate.api.functions.source.datagen.DataGenerator} produces ({@link
 * io.spate.api.functions.source.datagen.RandomGenerator} random values, {@link
 * io.spate.api.functions.source.datagen.SequenceGenerator} checkpointed sequences), at a rate. New
 * programs use {@code io.spate.connectors.datagen.DataGeneratorSource} with a generator function.
 */
package io.spate.api.functions.source.datagen;
