package io.spate.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Validation names the offending option; defaults are Nexmark's; derived values follow the rate. */
class NexmarkConfigurationTest {

  @Test
  void defaultsAreNexmarks() {
    NexmarkConfiguration config = NexmarkConfiguration.defaults();
    assertThat(config.eventsPerEpoch()).isEqualTo(50);
    assertThat(config.personProportion()).isEqualTo(1);
    assertThat(config.auctionProportion()).isEqualTo(3);
    assertThat(config.bidProportion()).isEqualTo(46);
    assertThat(config.numActivePeople()).isEqualTo(1000);
    assertThat(config.numInFlightAuctions()).isEqualTo(100);
    assertThat(config.rateLimited()).isFalse();
    assertThat(config.isUnbounded()).isFalse();
  }

  @Test
  void theDerivedAuctionDurationIsTheTimeToCreateTheInFlightAuctions() {
    NexmarkConfiguration config = NexmarkConfiguration.builder().eventsPerSecond(1000).numInFlightAuctions(30).build();
    // 30 auctions take 30 * 50 / 3 = 500 events, at 1000 events/s 500 ms.
    assertThat(config.auctionDurationMillis()).isEqualTo(500);
    assertThat(config.toBuilder().eventsPerSecond(100).build().auctionDurationMillis()).isEqualTo(5_000);
    assertThat(config.toBuilder().auctionDuration(Duration.ofSeconds(3)).eventsPerSecond(100).build()
        .auctionDurationMillis()).isEqualTo(3_000);
  }

  @Test
  void invalidOptionsAreNamed() {
    assertThatThrownBy(() -> NexmarkConfiguration.builder().events(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'events'").hasMessageContaining("-1");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().eventsPerSecond(0).build())
        .hasMessageContaining("'eventsPerSecond'");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().eventsPerSecond(Double.NaN).build())
        .hasMessageContaining("'eventsPerSecond'");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().numActivePeople(0).build())
        .hasMessageContaining("'numActivePeople'");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().numInFlightAuctions(0).build())
        .hasMessageContaining("'numInFlightAuctions'");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().hotAuctionRatio(0).build())
        .hasMessageContaining("'hotAuctionRatio'");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().hotSellerRatio(0).build())
        .hasMessageContaining("'hotSellerRatio'");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().hotBidderRatio(-2).build())
        .hasMessageContaining("'hotBidderRatio'");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().outOfOrderness(Duration.ofMillis(-5)).build())
        .hasMessageContaining("'outOfOrderness");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().proportions(1, 0, 46).build())
        .hasMessageContaining("'auctionProportion'");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().averageSizes(200, 500, 1 << 20).build())
        .hasMessageContaining("'averageBidSize'");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().auctionDuration(Duration.ZERO))
        .hasMessageContaining("'auctionDuration'");
    assertThatThrownBy(() -> NexmarkConfiguration.builder().firstEventTime(-1).build())
        .hasMessageContaining("'firstEventTime'");
    assertThatThrownBy(() -> NexmarkSource.builder().events(-3).build())
        .hasMessageContaining("'events'");
  }

  @Test
  void theSourceBuilderTakesTheSameOptions() {
    NexmarkSource source = NexmarkSource.builder().seed(3).unbounded().eventsPerSecond(500).rateLimited(true).build();
    assertThat(source.configuration().seed()).isEqualTo(3);
    assertThat(source.configuration().isUnbounded()).isTrue();
    assertThat(source.configuration().rateLimited()).isTrue();
    assertThat(source.getBoundedness()).isEqualTo(io.spate.api.connector.source.Boundedness.CONTINUOUS_UNBOUNDED);
  }
}
