package dev.primer.testdata.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PusherTest {
  @Test
  void chunksAreGzipNdjsonOneLinePerValue() throws IOException {
    byte[] gz = Pusher.gzip(List.of("{\"a\":1}", "{\"b\":\"é\"}"));
    String text;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(text).isEqualTo("{\"a\":1}\n{\"b\":\"é\"}\n");
  }

  @Test
  void contentLinesCarryTheBytesInBase64() throws IOException {
    byte[] content = {0, 1, 2, (byte) 0xff, 'x'};
    JsonNode line = new ObjectMapper().readTree(Pusher.contentLine("r9", content));
    assertThat(line.path("id").asText()).isEqualTo("r9");
    assertThat(Base64.getDecoder().decode(line.path("contentBase64").asText())).isEqualTo(content);
  }

  @Test
  void contentPolicyNamesTheAcceptedValues() {
    assertThat(ContentPolicy.parse("SMALL")).isEqualTo(ContentPolicy.SMALL);
    assertThatThrownBy(() -> ContentPolicy.parse("some"))
        .hasMessage("--content must be all, small or none, was 'some'");
  }
}
