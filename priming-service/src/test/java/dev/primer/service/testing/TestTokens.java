package dev.primer.service.testing;

import dev.primer.service.token.TokenSigner;
import dev.primer.service.token.Tokens;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Bearer tokens signed with the development key, as {@code bin/primer token} mints them. */
public final class TestTokens {
  private static final TokenSigner SIGNER =
      new TokenSigner(
          Tokens.readPrivateKey(Path.of("dev-keys/dev-private.pem")),
          Tokens.DEV_ISSUER,
          Tokens.DEFAULT_AUDIENCE);

  private TestTokens() {}

  /** A token for {@code user} with {@code role}, valid for an hour. */
  public static String token(String user, String role) {
    return SIGNER.mint(user, List.of(role), Instant.now(), Duration.ofHours(1));
  }

  /**
   * A rest-assured request as {@code user} with {@code role}; NDJSON and iCalendar bodies as text.
   */
  public static RequestSpecification as(String user, String role) {
    return RestAssured.given()
        .config(
            RestAssuredConfig.config()
                .encoderConfig(
                    EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)
                        .encodeContentTypeAs("text/calendar", ContentType.TEXT)))
        .header("Authorization", bearer(user, role));
  }

  /** The Authorization header value for {@code user} with {@code role}. */
  public static String bearer(String user, String role) {
    return "Bearer " + token(user, role);
  }
}
