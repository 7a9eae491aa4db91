package dev.primer.service.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return TokenCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void mintsATokenTheDevelopmentPublicKeyVerifies() throws Exception {
    int code =
        run(
            "--user",
            "u0001",
            "--role",
            "device,admin",
            "--ttl",
            "30m",
            "--key",
            "dev-keys/dev-private.pem");
    assertThat(code).isZero();
    String[] parts = out.toString(StandardCharsets.UTF_8).strip().split("\\.");
    assertThat(parts).hasSize(3);
    JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.path("iss").asText()).isEqualTo(Tokens.DEV_ISSUER);
    assertThat(claims.path("aud").asText()).isEqualTo(Tokens.DEFAULT_AUDIENCE);
    assertThat(claims.path("sub").asText()).isEqualTo("u0001");
    assertThat(claims.path("upn").asText()).isEqualTo("u0001");
    assertThat(claims.path("jti").asText()).isNotBlank();
    assertThat(claims.path("groups").toString()).isEqualTo("[\"device\",\"admin\"]");
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(1800);
    String pem =
        Files.readString(Path.of("dev-keys/dev-public.pem"))
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    PublicKey key =
        KeyFactory.getInstance("RSA")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void badUsageIsOneLineAndExitCode2() {
    assertThat(run("--user", "u1", "--role", "root", "--key", "dev-keys/dev-private.pem"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "token: --role must be one of device, admin, data-scientist, integrator, was 'root' (see --help)"
                + System.lineSeparator());
    assertThat(run("--role", "device")).isEqualTo(2);
    assertThat(run("--user", "u1", "--role", "device", "--key", "no-such.pem")).isEqualTo(1);
  }

  @Test
  void parsesDurations() {
    assertThat(TokenCli.duration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(TokenCli.duration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(TokenCli.duration("PT12H")).isEqualTo(Duration.ofHours(12));
    assertThatThrownBy(() -> TokenCli.duration("soon"))
        .hasMessageContaining("--ttl must look like");
    assertThatThrownBy(() -> TokenCli.duration("0m")).hasMessageContaining("--ttl must be > 0");
  }

  @Test
  void signsClaimsAsTheyAreWithoutAddingAny() throws Exception {
    TokenSigner signer =
        new TokenSigner(
            Tokens.readPrivateKey(Path.of("dev-keys/dev-private.pem")), "iss", "primer");
    ObjectMapper json = new ObjectMapper();
    String token = signer.sign(json.createObjectNode().put("sub", "u1"));
    String[] parts = token.split("\\.");
    assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[1])).toString())
        .isEqualTo("{\"sub\":\"u1\"}");
    assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0])).path("alg").asText())
        .isEqualTo("RS256");
  }
}
