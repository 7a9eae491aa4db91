package dev.primer.agent.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.primer.agent.sync.ServiceClient;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportTest {
  @TempDir Path tmp;

  @Test
  void refusesPlainHttpToAnotherMachine() {
    assertThatThrownBy(() -> Transport.standard().check(URI.create("http://10.0.0.5:8080/")))
        .isInstanceOf(Transport.RefusedServerException.class)
        .hasMessage(
            "refusing http://10.0.0.5:8080: the token would cross the network in clear; use"
                + " https:// (or --insecure-http for a test network)");
    // A name is not loopback because of what it resolves to today.
    assertThatThrownBy(
            () -> Transport.standard().check(URI.create("http://localhost.example.com/")))
        .isInstanceOf(Transport.RefusedServerException.class);
    assertThatThrownBy(() -> Transport.standard().check(URI.create("ftp://127.0.0.1/")))
        .hasMessageContaining("https://");
  }

  @Test
  void allowsHttpsAnywhereAndHttpToLoopbackOnly() {
    for (String ok :
        List.of(
            "https://primer.example.com",
            "http://127.0.0.1:8080",
            "http://127.9.9.9",
            "http://localhost:1",
            "http://LOCALHOST",
            "http://[::1]:8080")) {
      assertThat(Transport.standard().check(URI.create(ok))).as(ok).isEmpty();
    }
  }

  @Test
  void insecureHttpIsAllowedOnlyWithAWarning() {
    assertThat(Transport.of(true, "").check(URI.create("http://10.0.0.5:8080")))
        .hasValueSatisfying(w -> assertThat(w).startsWith("warning: ").contains("10.0.0.5:8080"));
    assertThat(Transport.of(true, "").check(URI.create("http://127.0.0.1:8080"))).isEmpty();
  }

  @Test
  void aPinIsTakenAsHexOrBase64AndAnythingElseIsRefused() {
    byte[] digest = new byte[32];
    digest[0] = 7;
    String hex = HexFormat.of().formatHex(digest);
    String b64 = Base64.getEncoder().encodeToString(digest);
    assertThat(Transport.canonicalPin(hex)).isEqualTo(b64);
    assertThat(Transport.canonicalPin(hex.toUpperCase())).isEqualTo(b64);
    assertThat(Transport.canonicalPin("sha256/" + b64)).isEqualTo(b64);
    assertThatThrownBy(() -> Transport.parsePin("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--pin-sha256");
    assertThatThrownBy(() -> Transport.of(false, b64).check(URI.create("http://127.0.0.1:1")))
        .hasMessageContaining("pinning needs https://");
  }

  @Test
  void aPinnedConnectionNeedsTheServersOwnCertificate() throws Exception {
    Path keystore = tmp.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String log = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(log).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, "changeit".toCharArray());
    }
    X509Certificate cert = (X509Certificate) keys.getCertificate("server");
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", cert);

    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext(
        "/v1/devices",
        ex -> {
          byte[] body = "{\"deviceId\":\"d-1\",\"userId\":\"u1\"}".getBytes();
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try {
      String url = "https://127.0.0.1:" + server.getAddress().getPort();
      String spki =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
      String wholeCert =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));

      for (String pin : List.of(spki, wholeCert)) {
        ServiceClient pinned =
            new ServiceClient(url, "t", Transport.of(false, pin).trusting(trusted));
        assertThat(pinned.enroll("n", "linux").deviceId()).isEqualTo("d-1");
      }
      ServiceClient wrongPin =
          new ServiceClient(
              url,
              "t",
              Transport.of(false, Base64.getEncoder().encodeToString(new byte[32]))
                  .trusting(trusted));
      assertThatThrownBy(() -> wrongPin.enroll("n", "linux"))
          .isInstanceOf(UncheckedIOException.class)
          .hasStackTraceContaining("does not match the pinned sha256");
    } finally {
      server.stop(0);
    }
  }
}
