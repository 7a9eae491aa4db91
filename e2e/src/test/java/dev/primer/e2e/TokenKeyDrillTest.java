package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.service.token.TokenSigner;
import dev.primer.service.token.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The token key drill: the packaged service (production profile, as the image runs it) has no key
 * of its own, refuses to start without one, and says so when it is given the development key.
 */
class TokenKeyDrillTest {
  private static final Instant NOW = Instant.parse("2026-03-02T04:00:00Z");

  @Test
  void withoutAVerificationKeyTheServiceRefusesToStartAndNamesTheVariable() {
    assertThatThrownBy(
            () ->
                ServiceProcess.start(
                    "primer_e2e_nokey", NOW, Map.of(), Map.of("PRIMER_JWT_PUBLIC_KEY", "")))
        .hasMessageContaining("the service exited with");

    assertThat(ServiceProcess.logOf("primer_e2e_nokey"))
        .contains("no token verification key: set PRIMER_JWT_PUBLIC_KEY");
  }

  @Test
  void aKeyFileThatDoesNotExistStopsTheStartWithItsName() {
    assertThatThrownBy(
            () ->
                ServiceProcess.start(
                    "primer_e2e_nokey",
                    NOW,
                    Map.of(),
                    Map.of("PRIMER_JWT_PUBLIC_KEY", "/nonexistent/idp-public.pem")))
        .hasMessageContaining("the service exited with");

    assertThat(ServiceProcess.logOf("primer_e2e_nokey"))
        .contains("PRIMER_JWT_PUBLIC_KEY names /nonexistent/idp-public.pem, which does not exist");
  }

  @Test
  void givenTheDevelopmentKeyTheServiceStartsButWarnsThatAnyoneCanMintTokens() {
    try (ServiceProcess service = ServiceProcess.start("primer_e2e_devkey", NOW)) {
      assertThat(service.log()).contains("PUBLIC DEVELOPMENT KEY");
    }
  }

  @Test
  void givenItsOwnKeyTheServiceTrustsItAndNotTheDevelopmentKey() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair own = rsa.generateKeyPair();
    Path pem = Files.createTempFile("idp-public", ".pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(own.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    try (ServiceProcess service =
        ServiceProcess.start(
            "primer_e2e_ownkey", NOW, Map.of(), Map.of("PRIMER_JWT_PUBLIC_KEY", pem.toString()))) {
      Http http = new Http(service.url());
      String ownToken =
          new TokenSigner(own.getPrivate(), DevTokens.ISSUER, Tokens.DEFAULT_AUDIENCE)
              .mint("admin-1", List.of("admin"), Instant.now(), Duration.ofHours(1));

      assertThat(http.get("/v1/territories", ownToken).status()).isEqualTo(200);
      assertThat(http.get("/v1/territories", DevTokens.of("admin-1", "admin")).status())
          .isEqualTo(401);
      assertThat(service.log()).doesNotContain("PUBLIC DEVELOPMENT KEY");
    } finally {
      Files.deleteIfExists(pem);
    }
  }
}
