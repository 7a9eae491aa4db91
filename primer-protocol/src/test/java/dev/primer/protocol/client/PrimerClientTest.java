package dev.primer.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.primer.protocol.records.RecordLine;
import java.io.EOFException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP server on loopback that answers as told. */
class PrimerClientTest {
  private HttpServer server;

  private final List<String> authorizations = new ArrayList<>();

  private PrimerClient serving(String ndjson) throws Exception {
    return answering(200, "application/x-ndjson", Map.of(), ndjson);
  }

  private PrimerClient answering(int status, String type, Map<String, String> headers, String text)
      throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = text.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", type);
          headers.forEach(exchange.getResponseHeaders()::add);
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return PrimerClient.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .token("token")
        .build();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static final String FIRST =
      "{\"id\":\"r1\",\"version\":2,\"sizeBytes\":5,\"sha256\":\"ab\",\"contentBase64\":\"aGVsbG8=\"}";
  private static final String SECOND = "{\"id\":\"r2\",\"version\":1,\"blob\":\"cd\"}";

  @Test
  void everyLineOfTheAnswerArrivesInOrderWithItsContentDecoded() throws Exception {
    PrimerClient client = serving(FIRST + "\n\n" + SECOND + "\n");
    List<RecordLine> lines = new ArrayList<>();

    client.fetch("d1", List.of("r1", "r2"), lines::add);

    assertThat(lines).extracting(RecordLine::id).containsExactly("r1", "r2");
    assertThat(new String(lines.get(0).contentBase64(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(lines.get(1).blob()).isEqualTo("cd");
  }

  @Test
  void anAnswerCutInsideALineFails() throws Exception {
    PrimerClient client = serving(FIRST + "\n" + SECOND.substring(0, 20));

    assertThatThrownBy(() -> client.fetch("d1", List.of("r1", "r2"), line -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("records:fetch broke off");
  }

  @Test
  void anAnswerWithFewerLinesThanIdsFails() throws Exception {
    PrimerClient client = serving(FIRST + "\n");

    assertThatThrownBy(() -> client.fetch("d1", List.of("r1", "r2"), line -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseInstanceOf(EOFException.class)
        .hasRootCauseMessage("records:fetch answered 1 lines for 2 ids");
  }

  @Test
  void anErrorAnswerBecomesAServiceExceptionWithItsProblemDocument() throws Exception {
    PrimerClient client =
        answering(
            503,
            "application/problem+json",
            Map.of("Retry-After", "7"),
            "{\"type\":\"https://primer.dev/problems/busy\",\"title\":\"Busy\",\"status\":503,"
                + "\"detail\":\"too many syncs\"}");

    assertThatThrownBy(() -> client.manifest("d1", 100, OptionalLong.empty(), Optional.empty()))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
              assertThat(e.problem().is("busy")).isTrue();
              assertThat(e.getMessage())
                  .isEqualTo("/v1/devices/d1/manifest answered 503: too many syncs");
            });
    assertThat(authorizations).containsExactly("Bearer token");
  }

  @Test
  void anErrorAnswerThatIsNoProblemDocumentKeepsItsTextAsDetail() throws Exception {
    PrimerClient client = answering(502, "text/html", Map.of(), "<h1>Bad Gateway</h1>");

    assertThatThrownBy(() -> client.getJson("v1/models"))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.problem().detail()).isEqualTo("<h1>Bad Gateway</h1>"));
  }

  @Test
  void aNotModifiedManifestIsEmpty() throws Exception {
    PrimerClient client = answering(304, "application/json", Map.of(), "");

    assertThat(client.manifest("d1", 100, OptionalLong.of(3), Optional.of("\"3-x\""))).isEmpty();
  }

  @Test
  void anExchangeReturnsAnyStatusAsItCame() throws Exception {
    PrimerClient client = answering(404, "application/problem+json", Map.of(), "{\"status\":404}");

    PrimerClient.Exchange answer = client.exchange("GET", "/v1/x", Map.of(), new byte[0], 1024);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
    assertThat(answer.text()).isEqualTo("{\"status\":404}");
  }

  @Test
  void anAnswerPastItsLimitIsRefusedNotRetried() throws Exception {
    PrimerClient client = answering(200, "application/json", Map.of(), "x".repeat(2048));

    assertThatThrownBy(() -> client.exchange("GET", "/v1/x", Map.of(), new byte[0], 1024))
        .isInstanceOf(RefusedAnswerException.class);
  }

  @Test
  void aServerThatIsNoHttpUrlIsRefused() {
    assertThatThrownBy(() -> PrimerClient.builder(URI.create("ftp://example.com")))
        .hasMessage("the server must be an http(s) URL, was 'ftp://example.com'");
  }
}
