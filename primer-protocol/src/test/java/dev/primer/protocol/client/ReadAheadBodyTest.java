package dev.primer.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class ReadAheadBodyTest {
  /** Counts what the body asks of the connection. */
  private static final class Demand implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private static List<ByteBuffer> list(String... parts) {
    return java.util.Arrays.stream(parts)
        .map(p -> ByteBuffer.wrap(p.getBytes(StandardCharsets.US_ASCII)))
        .toList();
  }

  @Test
  void readsEveryByteAcrossListsAndBuffersThenEnds() throws IOException {
    ReadAheadBody body = new ReadAheadBody(4, Duration.ofSeconds(30));
    body.onSubscribe(new Demand());
    body.onNext(list("ab", "", "cde"));
    body.onNext(list("f"));
    body.onComplete();

    InputStream in = body.getBody().toCompletableFuture().join();
    assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abcdef");
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void asksForAWindowAheadThenOneListPerListConsumed() throws IOException {
    ReadAheadBody body = new ReadAheadBody(8, Duration.ofSeconds(30));
    Demand demand = new Demand();
    body.onSubscribe(demand);
    assertThat(demand.requested).isEqualTo(8);

    body.onNext(list("xy"));
    body.onNext(list("z"));
    assertThat(demand.requested).as("nothing read yet").isEqualTo(8);
    assertThat(body.read()).isEqualTo('x');
    assertThat(demand.requested).isEqualTo(9);
    assertThat(body.read(new byte[10], 0, 10)).as("rest of the first list").isEqualTo(1);
    assertThat(body.read()).isEqualTo('z');
    assertThat(demand.requested).isEqualTo(10);
  }

  @Test
  void aFailedConnectionIsAnIOExceptionForTheReader() {
    ReadAheadBody body = new ReadAheadBody(2, Duration.ofSeconds(30));
    body.onSubscribe(new Demand());
    body.onNext(list("ok"));
    body.onError(new IOException("connection reset"));

    assertThatThrownBy(body::readAllBytes)
        .isInstanceOf(IOException.class)
        .hasMessage("connection reset");
  }

  @Test
  void closingStopsTheDownload() throws IOException {
    ReadAheadBody body = new ReadAheadBody(2, Duration.ofSeconds(30));
    Demand demand = new Demand();
    body.onSubscribe(demand);
    body.onNext(list("abc"));

    body.close();

    assertThat(demand.cancelled).isTrue();
    assertThat(body.read()).isEqualTo(-1);
  }
}
