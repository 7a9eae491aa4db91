package dev.primer.protocol;

/** The HTTP header names the API reads or writes beyond the everyday ones. */
public final class Headers {
  /** {@code Bearer TOKEN}: a user's JWT or a device's {@code pdt_} token. */
  public static final String AUTHORIZATION = "Authorization";

  /** Asks for the manifest only when its generation changed. */
  public static final String IF_NONE_MATCH = "If-None-Match";

  /** The manifest's generation tag; the blob's content hash. */
  public static final String ETAG = "ETag";

  /** Seconds (or an HTTP date) a busy service asks the client to wait. */
  public static final String RETRY_AFTER = "Retry-After";

  /** A blob's byte range, to resume a cut download. */
  public static final String RANGE = "Range";

  /** Resume only when the blob is still the one whose ETag is given. */
  public static final String IF_RANGE = "If-Range";

  /** Set to {@code gzip} on compressed bodies. */
  public static final String CONTENT_ENCODING = "Content-Encoding";

  /** The encodings a client accepts; the service gzips manifests and records:fetch answers. */
  public static final String ACCEPT_ENCODING = "Accept-Encoding";

  /** The token challenge of a 401, naming why the token was refused. */
  public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  private Headers() {}
}
