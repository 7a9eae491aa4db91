package dev.primer.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.primer.protocol.records.RecordLine;
import java.io.EOFException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceClientFetchTest {
  private HttpServer server;

  private ServiceClient serving(String ndjson) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = ndjson.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return new ServiceClient("http://127.0.0.1:" + server.getAddress().getPort(), "token");
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
    ServiceClient client = serving(FIRST + "\n\n" + SECOND + "\n");
    List<RecordLine> lines = new ArrayList<>();

    client.fetch("d1", List.of("r1", "r2"), lines::add);

    assertThat(lines).extracting(RecordLine::id).containsExactly("r1", "r2");
    assertThat(new String(lines.get(0).contentBase64(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(lines.get(1).blob()).isEqualTo("cd");
  }

  @Test
  void anAnswerCutInsideALineFails() throws Exception {
    ServiceClient client = serving(FIRST + "\n" + SECOND.substring(0, 20));

    assertThatThrownBy(() -> client.fetch("d1", List.of("r1", "r2"), line -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("records:fetch broke off");
  }

  @Test
  void anAnswerWithFewerLinesThanIdsFails() throws Exception {
    ServiceClient client = serving(FIRST + "\n");

    assertThatThrownBy(() -> client.fetch("d1", List.of("r1", "r2"), line -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseInstanceOf(EOFException.class)
        .hasRootCauseMessage("records:fetch answered 1 lines for 2 ids");
  }
}
