package io.spate.runtime.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.RestOptions;
import io.spate.api.configuration.SecurityOptions;
import org.junit.jupiter.api.Test;

/** The start-up rule: REST authentication on and internal connections open is refused unless allowed. */
class InternalAuthenticationTest {

  private static Configuration bearer() {
    return new Configuration().set(RestOptions.AUTHENTICATION_TYPE, "bearer")
        .set(RestOptions.AUTHENTICATION_TOKEN, "t");
  }

  @Test
  void restAuthenticationWithOpenInternalConnectionsIsRefusedNamingTheOptions() {
    for (Configuration conf : new Configuration[] {bearer(),
        new Configuration().set(RestOptions.AUTHENTICATION_TYPE, "basic"),
        new Configuration().set(SecurityOptions.REST_AUTHENTICATION_ENABLED, true)}) {
      assertThatThrownBy(() -> InternalAuthentication.requireForProcess(conf, "TaskManager"))
          .isInstanceOf(IllegalConfigurationException.class)
          .hasMessageContaining("This TaskManager's REST API requires authentication")
          .hasMessageContaining("security.internal.secret-file")
          .hasMessageContaining("security.ssl.internal.enabled")
          .hasMessageContaining("security.internal.allow-unauthenticated");
    }
  }

  @Test
  void aSecretTlsAnExplicitAllowanceOrNoRestAuthenticationLetTheProcessStart() {
    assertThatCode(() -> InternalAuthentication.requireForProcess(
        bearer().set(SecurityOptions.INTERNAL_SECRET_FILE, "/some/file"), "JobManager")).doesNotThrowAnyException();
    assertThatCode(() -> InternalAuthentication.requireForProcess(
        bearer().set(SecurityOptions.INTERNAL_ENABLED, true), "JobManager")).doesNotThrowAnyException();
    assertThatCode(() -> InternalAuthentication.requireForProcess(
        bearer().set(SecurityOptions.INTERNAL_ALLOW_UNAUTHENTICATED, true), "JobManager")).doesNotThrowAnyException();
    assertThatCode(() -> InternalAuthentication.requireForProcess(new Configuration(), "JobManager"))
        .doesNotThrowAnyException();
  }
}
