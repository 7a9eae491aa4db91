package dev.primer.agent.trust;

import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the agent may reach its service. The bearer token goes with every request, so it travels over
 * https, or over http only to this machine (127.0.0.0/8, ::1, localhost); http to anything else
 * needs {@code --insecure-http}, and is then warned about on every run. With a pin (the SHA-256 of
 * the server certificate's public key, SPKI, or of the whole certificate) the usual certificate
 * checks still run and the server's certificate must also match the pin.
 */
public final class Transport {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final boolean insecureHttp;
  private final Optional<byte[]> pin;
  private final Optional<KeyStore> trustStore;

  private Transport(boolean insecureHttp, Optional<byte[]> pin, Optional<KeyStore> trustStore) {
    this.insecureHttp = insecureHttp;
    this.pin = pin.map(byte[]::clone);
    this.trustStore = trustStore;
  }

  /** https, or http to loopback; no pin. */
  public static Transport standard() {
    return new Transport(false, Optional.empty(), Optional.empty());
  }

  /**
   * The rules an agent's config asks for: {@code pin} is empty or as {@link #parsePin} takes it.
   */
  public static Transport of(boolean insecureHttp, String pin) {
    return new Transport(
        insecureHttp,
        pin.isBlank() ? Optional.empty() : Optional.of(parsePin(pin)),
        Optional.empty());
  }

  /** The same rules, with certificates checked against {@code trusted} instead of the JDK's CAs. */
  public Transport trusting(KeyStore trusted) {
    return new Transport(insecureHttp, pin, Optional.of(trusted));
  }

  /** A refused server URL, with the reason. */
  public static final class RefusedServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefusedServerException(String message) {
      super(message);
    }
  }

  /**
   * Checks {@code server} against the rules: empty when it may be used as it is, the warning to
   * print when it may be used only because of {@code --insecure-http}; refused otherwise.
   */
  public Optional<String> check(URI server) {
    String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
    if (server.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new RefusedServerException(
          "server must be an https:// URL (http:// only to this machine), was '" + server + "'");
    }
    if (scheme.equals("https")) {
      return Optional.empty();
    }
    if (pin.isPresent()) {
      throw new RefusedServerException(
          "refusing to pin a certificate for " + origin(server) + ": pinning needs https://");
    }
    if (isLoopback(server.getHost())) {
      return Optional.empty();
    }
    if (!insecureHttp) {
      throw new RefusedServerException(
          "refusing "
              + origin(server)
              + ": the token would cross the network in clear; use https:// (or --insecure-http"
              + " for a test network)");
    }
    return Optional.of(
        "warning: talking to "
            + origin(server)
            + " over plain http (--insecure-http): the token and every record cross the network"
            + " readable");
  }

  /** Whether {@code host} is this machine by its literal name: no DNS lookup is trusted here. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    boolean ipv6 = h.startsWith("[") && h.endsWith("]") && h.contains(":");
    if (!ipv6 && !IPV4.matcher(h).matches()) {
      return false; // a name other than localhost: whatever it resolves to today
    }
    try {
      // A literal address: parsed, not looked up.
      return InetAddress.getByName(ipv6 ? h.substring(1, h.length() - 1) : h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String origin(URI server) {
    return server.getScheme() + "://" + server.getRawAuthority();
  }

  /** A pin as given: 64 hex digits, or base64 of 32 bytes (with or without a leading "sha256/"). */
  public static byte[] parsePin(String text) {
    String t = text.strip();
    if (t.startsWith("sha256/")) {
      t = t.substring("sha256/".length());
    }
    String hex = t.replace(":", "");
    byte[] bytes;
    if (hex.matches("[0-9A-Fa-f]{64}")) {
      bytes = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
    } else {
      try {
        bytes = Base64.getDecoder().decode(t);
      } catch (IllegalArgumentException e) {
        bytes = new byte[0];
      }
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          "--pin-sha256 must be the SHA-256 of the server's public key (SPKI) or certificate, as"
              + " 64 hex digits or base64, was '"
              + text
              + "'");
    }
    return bytes;
  }

  /** The pin in the form the config keeps: base64. */
  public static String canonicalPin(String text) {
    return text.isBlank() ? "" : Base64.getEncoder().encodeToString(parsePin(text));
  }

  /** The TLS context for the HTTP client: the JDK's checks, plus the pin when there is one. */
  public SSLContext sslContext() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore.orElse(null));
      X509ExtendedTrustManager standard = null;
      for (TrustManager tm : factory.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x) {
          standard = x;
        }
      }
      if (standard == null) {
        throw new IllegalStateException("no X.509 trust manager in this JDK");
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          null,
          new TrustManager[] {pin.isPresent() ? new Pinned(standard, pin.get()) : standard},
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The SHA-256 of a certificate's public key (SPKI) and of the whole certificate. */
  static byte[][] fingerprints(X509Certificate cert) throws CertificateException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] spki = sha.digest(cert.getPublicKey().getEncoded());
      byte[] whole = sha.digest(cert.getEncoded());
      return new byte[][] {spki, whole};
    } catch (GeneralSecurityException e) {
      throw new CertificateException("cannot hash the server certificate", e);
    }
  }

  /** The JDK's trust decision, then the pin on the server's own certificate. */
  private static final class Pinned extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager standard;
    private final byte[] pin;

    Pinned(X509ExtendedTrustManager standard, byte[] pin) {
      this.standard = standard;
      this.pin = pin;
    }

    private void checkPin(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("the server sent no certificate");
      }
      for (byte[] fingerprint : fingerprints(chain[0])) {
        if (MessageDigest.isEqual(fingerprint, pin)) {
          return;
        }
      }
      throw new CertificateException(
          "the server's certificate does not match the pinned sha256 "
              + Base64.getEncoder().encodeToString(pin)
              + " (its public key's is "
              + Base64.getEncoder().encodeToString(fingerprints(chain[0])[0])
              + ")");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      standard.checkServerTrusted(chain, authType, socket);
      checkPin(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      standard.checkServerTrusted(chain, authType, engine);
      checkPin(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      standard.checkServerTrusted(chain, authType);
      checkPin(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("the agent does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("the agent does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("the agent does not accept client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return standard.getAcceptedIssuers();
    }
  }
}
