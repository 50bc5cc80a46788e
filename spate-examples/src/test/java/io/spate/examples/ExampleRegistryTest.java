package io.spate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.examples.ExampleRegistry.Example;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ExampleRegistryTest {

  @Test
  void namesTheExamplesOfTheCli() {
    assertThat(ExampleRegistry.all()).extracting(Example::name).containsExactly("wordcount", "demo", "fraud-detection");
    assertThat(ExampleRegistry.find("demo")).map(Example::mainClass).contains(AuctionDemo.class);
    assertThat(ExampleRegistry.find("nope")).isEmpty();
  }

  @Test
  void everyExampleHasAMainMethodAndAOneLineDescription() throws Exception {
    for (Example example : ExampleRegistry.all()) {
      Method main = example.mainClass().getMethod("main", String[].class);
      assertThat(Modifier.isStatic(main.getModifiers())).as(example.name()).isTrue();
      assertThat(example.description()).as(example.name()).isNotBlank().doesNotContain("\n");
    }
  }
}
