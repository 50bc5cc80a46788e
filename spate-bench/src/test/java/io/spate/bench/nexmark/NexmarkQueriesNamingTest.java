package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding a query by its name. */
class NexmarkQueriesNamingTest {

  @Test
  void everyQueryIsFoundByItsNameAndTheyComeInOrder() {
    List<NexmarkQuery<?>> all = NexmarkQueries.all();
    assertThat(all).hasSize(23);
    for (int i = 0; i < all.size(); i++) {
      NexmarkQuery<?> query = all.get(i);
      assertThat(query.name()).isEqualTo("q" + i);
      assertThat(NexmarkQueries.named(query.name())).isInstanceOf(query.getClass())
          .extracting(NexmarkQuery::name).isEqualTo(query.name());
    }
  }

  @Test
  void anUnknownNameFailsListingTheKnownOnes() {
    assertThatThrownBy(() -> NexmarkQueries.named("q23"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown query 'q23'")
        .hasMessageContaining("q0, q1,")
        .hasMessageContaining("q22]");
  }
}
