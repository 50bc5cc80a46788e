package io.spate.runtime.rpc.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RemoteAddressProperties {

  @Property
  void everyAddressParsesBackFromItsText(@ForAll("addresses") RemoteAddress address) {
    String text = address.toString();

    assertThat(RemoteAddress.isRemote(text)).isTrue();
    assertThat(RemoteAddress.parse(text)).isEqualTo(address);
  }

  @Property
  void anyTextEitherParsesOrFailsNamingTheText(@ForAll String text) {
    try {
      RemoteAddress address = RemoteAddress.parse(text);
      assertThat(RemoteAddress.parse(address.toString())).isEqualTo(address);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("'" + text + "'");
    }
  }

  @Test
  void plainEndpointNamesAreNotRemote() {
    assertThat(RemoteAddress.isRemote("resourcemanager")).isFalse();
    assertThat(RemoteAddress.isRemote("taskexecutor-0")).isFalse();
    assertThat(RemoteAddress.isRemote("jobmaster-8f2e")).isFalse();
  }

  @Test
  void malformedAddressesNameTheTextAndTheProblem() {
    assertThatThrownBy(() -> RemoteAddress.parse("host:6123")).hasMessageContaining("'host:6123'")
        .hasMessageContaining("no '/name'");
    assertThatThrownBy(() -> RemoteAddress.parse("host/name")).hasMessageContaining("no ':port'");
    assertThatThrownBy(() -> RemoteAddress.parse("host:0/name")).hasMessageContaining("not a port");
    assertThatThrownBy(() -> RemoteAddress.parse("::1:6123/name")).hasMessageContaining("in brackets");
    assertThatThrownBy(() -> RemoteAddress.parse("host:6123/")).hasMessageContaining("name after '/' is empty");
    assertThatThrownBy(() -> RemoteAddress.parse("ho st:6123/x")).hasMessageContaining("not a host name");
  }

  @Provide
  Arbitrary<RemoteAddress> addresses() {
    Arbitrary<String> hostNames = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-._")
        .ofMinLength(1).ofMaxLength(30);
    Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
        .map(parts -> String.join(".", parts.stream().map(String::valueOf).toList()));
    Arbitrary<String> ipv6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
        .map(parts -> String.join(":", parts.stream().map(Integer::toHexString).toList()));
    Arbitrary<String> hosts = Arbitraries.oneOf(hostNames, ipv4, ipv6, Arbitraries.of("::1", "localhost"));
    Arbitrary<Integer> ports = Arbitraries.integers().between(1, 65535);
    Arbitrary<String> names = Arbitraries.strings().ofMinLength(1).ofMaxLength(40);
    return Combinators.combine(hosts, ports, names).as(RemoteAddress::new);
  }
}
