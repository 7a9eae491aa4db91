package dev.primer.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrimerClientTokenTest {
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/models",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aClientForAnotherTokenSendsThatTokenAndTheFirstKeepsItsOwn() {
    PrimerClient first =
        PrimerClient.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .token("first")
            .build();
    PrimerClient second = first.withToken("second");

    second.getJson("v1/models");
    first.getJson("v1/models");

    assertThat(authorizations).containsExactly("Bearer second", "Bearer first");
    assertThat(second.server()).isEqualTo(first.server());
    assertThat(second.wireBytes()).isEqualTo(first.wireBytes()).isEqualTo(11);
  }
}
