package dev.primer.bench.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {
  @TempDir Path dir;

  @Test
  void mintsAnRs256TokenWithTheClaimsTheServiceChecksSignedByThePemKey() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    Path pem = dir.resolve("key.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");

    String token =
        DevTokens.fromPem(pem, "https://issuer", "primer")
            .mint("u0001", "device", Duration.ofHours(4));

    String[] parts = token.split("\\.");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(pair.getPublic());
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0])).path("alg").asText())
        .isEqualTo("RS256");
    JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.path("iss").asText()).isEqualTo("https://issuer");
    assertThat(claims.path("aud").asText()).isEqualTo("primer");
    assertThat(claims.path("sub").asText()).isEqualTo("u0001");
    assertThat(claims.path("groups").get(0).asText()).isEqualTo("device");
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(4 * 3600);
  }

  @Test
  void refusesAFileThatIsNoPkcs8Key() throws Exception {
    Path pem = dir.resolve("public.pem");
    Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

    assertThatThrownBy(() -> DevTokens.fromPem(pem, "i", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a PKCS#8 PEM private key");
  }
}
