package io.spate.runtime.rpc.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.runtime.StringGens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RemoteAddressProperties {

  @Test
  void everyAddressParsesBackFromItsText() {
    qt().forAll(addresses()).checkAssert(address -> {
      String text = address.toString();

      assertThat(RemoteAddress.isRemote(text)).isTrue();
      assertThat(RemoteAddress.parse(text)).isEqualTo(address);
    });
  }

  @Test
  void anyTextEitherParsesOrFailsNamingTheText() {
    qt().forAll(StringGens.anyChars(0, 255)).checkAssert(text -> {
      try {
        RemoteAddress address = RemoteAddress.parse(text);
        assertThat(RemoteAddress.parse(address.toString())).isEqualTo(address);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).contains("'" + text + "'");
      }
    });
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

  private static Gen<RemoteAddress> addresses() {
    Gen<String> hostNames = StringGens.over("abcdefghijklmnopqrstuvwxyz0123456789-._", 1, 30);
    Gen<String> ipv4 = lists().of(integers().between(0, 255)).ofSize(4)
        .map(parts -> String.join(".", parts.stream().map(String::valueOf).toList()));
    Gen<String> ipv6 = lists().of(integers().between(0, 0xffff)).ofSize(8)
        .map(parts -> String.join(":", parts.stream().map(Integer::toHexString).toList()));
    Gen<String> hosts = Generate.oneOf(hostNames, ipv4, ipv6, Generate.pick(List.of("::1", "localhost")));
    Gen<Integer> ports = integers().between(1, 65535);
    Gen<String> names = StringGens.anyChars(1, 40);
    return hosts.zip(ports, names, RemoteAddress::new);
  }
}
