package dev.primer.testdata.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primer.protocol.client.DaemonThreads;
import dev.primer.protocol.client.PrimerClient;
import dev.primer.protocol.client.ServiceException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The few calls the push makes, through the protocol's client, each failing with one readable line
 * that says what to do about a refused token.
 */
final class ServiceClient {
  private final PrimerClient client;

  ServiceClient(URI server, String token, int parallel) {
    this.client =
        PrimerClient.builder(server)
            .token(token)
            .executor(
                Executors.newFixedThreadPool(
                    Math.max(2, parallel), DaemonThreads.named("push-http")))
            .build();
  }

  /** POST a gzip NDJSON chunk to an import; answers the service's counts. */
  JsonNode importChunk(String kind, byte[] gzipped) {
    return call(() -> client.importChunk(kind, gzipped));
  }

  /** PUT a JSON body. */
  JsonNode putJson(String path, String body) {
    return call(() -> client.putJson(path, body));
  }

  /** PUT a calendar. */
  JsonNode putCalendar(String userId, String ics) {
    return call(() -> client.putCalendar(userId, ics));
  }

  /** PUT small record content. */
  JsonNode putContent(String recordId, byte[] body) {
    return call(() -> client.putContent(recordId, body));
  }

  /** PUT record content of a known length, streamed. */
  JsonNode putContent(String recordId, Supplier<InputStream> body, long length) {
    return call(() -> client.putContent(recordId, body, length));
  }

  private static JsonNode call(Supplier<JsonNode> call) {
    try {
      return call.get();
    } catch (ServiceException e) {
      throw new PushException(e.getMessage() + hint(e.status()), e);
    } catch (UncheckedIOException e) {
      throw new PushException(e.getMessage(), e);
    }
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> " (is the token valid and unexpired?)";
      case 403 ->
          " (the push needs a token with roles integrator and admin: bin/primer token --user loader --role integrator,admin)";
      default -> "";
    };
  }
}
