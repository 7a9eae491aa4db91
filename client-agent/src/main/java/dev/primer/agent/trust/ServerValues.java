package dev.primer.agent.trust;

import dev.primer.protocol.client.RefusedAnswerException;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.records.RecordLine;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place where values the service sent are checked before the agent uses them: as a file
 * name (a sha256), in SQL, in a URL or a header, or to size a read. The service is not trusted: a
 * hostile or broken one must not make the agent write outside its home or grow without bound. A
 * value that fails is refused with the reason; the caller skips that entry and reports it.
 */
public final class ServerValues {
  /** Longest record, account, device or user id accepted (the service's own telemetry limit). */
  public static final int MAX_ID = 200;

  /** Largest content size accepted for one record: 16 GiB. */
  public static final long MAX_SIZE = 16L << 30;

  /** Longest title or reason accepted, in characters. */
  public static final int MAX_TEXT = 4096;

  /** Most related ids one record may name. */
  public static final int MAX_RELATED = 1000;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern ID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0," + (MAX_ID - 1) + "}");
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  private static final Pattern ETAG = Pattern.compile("(W/)?\"[\\x21\\x23-\\x7e]{0,200}\"");
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9A-Za-z:.+-]{0,40}");

  private ServerValues() {}

  /** A value the service sent that the agent refuses to use. */
  public static final class RefusedValueException extends RefusedAnswerException {
    private static final long serialVersionUID = 1L;

    public RefusedValueException(String message) {
      super(message);
    }
  }

  /** Whether {@code value} is a sha256 as the agent names files: 64 lower-case hex digits. */
  public static boolean isSha256(String value) {
    return value != null && SHA256.matcher(value).matches();
  }

  /** Whether {@code value} is a record, account, device or user id the agent accepts. */
  public static boolean isId(String value) {
    return value != null && ID.matcher(value).matches();
  }

  /** {@code value} if it is a sha256, else a {@link RefusedValueException} naming {@code what}. */
  public static String requireSha256(String what, String value) {
    if (!isSha256(value)) {
      throw new RefusedValueException(
          what + " must be 64 lower-case hex digits, was " + quoted(value));
    }
    return value;
  }

  /** {@code value} if it is an id, else a {@link RefusedValueException} naming {@code what}. */
  public static String requireId(String what, String value) {
    if (!isId(value)) {
      throw new RefusedValueException(
          what + " must be 1-" + MAX_ID + " characters of [A-Za-z0-9._:@-], was " + quoted(value));
    }
    return value;
  }

  /** Longest device token accepted (the service's are about 50 characters). */
  public static final int MAX_TOKEN = 4096;

  /**
   * {@code value} if it can be a bearer token: 1-{@value #MAX_TOKEN} visible ASCII characters (it
   * goes into a header and the config); else refused. The value itself is never echoed.
   */
  public static String requireToken(String what, String value) {
    boolean ok = !value.isEmpty() && value.length() <= MAX_TOKEN;
    for (int i = 0; ok && i < value.length(); i++) {
      char c = value.charAt(i);
      ok = c > 0x20 && c < 0x7f;
    }
    if (!ok) {
      throw new RefusedValueException(
          what
              + " must be 1-"
              + MAX_TOKEN
              + " visible ASCII characters (was "
              + value.length()
              + " characters)");
    }
    return value;
  }

  /** {@code value} as an instant if it is an ISO-8601 instant, else refused naming {@code what}. */
  public static java.time.Instant requireInstant(String what, String value) {
    try {
      return java.time.Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new RefusedValueException(what + " must be an ISO-8601 instant, was " + quoted(value));
    }
  }

  /** {@code value} if it is a quoted ETag without control characters, else refused. */
  public static String requireEtag(String value) {
    if (!value.isEmpty() && !ETAG.matcher(value).matches()) {
      throw new RefusedValueException("the manifest's ETag is not a valid ETag: " + quoted(value));
    }
    return value;
  }

  /** Refuses a negative generation. */
  public static long requireGeneration(long generation) {
    if (generation < 0) {
      throw new RefusedValueException("the manifest's generation must be >= 0, was " + generation);
    }
    return generation;
  }

  /** Why a manifest entry cannot be used, or empty when it can. */
  public static Optional<String> problem(ManifestEntry e) {
    if (!isId(e.recordId())) {
      return Optional.of("record id " + quoted(e.recordId()) + " is not a valid id");
    }
    if (!isSha256(e.sha256())) {
      return Optional.of("sha256 " + quoted(e.sha256()) + " is not 64 lower-case hex digits");
    }
    return size(e.sizeBytes())
        .or(
            () ->
                e.version() < 0 ? Optional.of("version " + e.version() + " < 0") : Optional.empty())
        .or(() -> type(e.type()))
        .or(
            () ->
                Double.isFinite(e.score())
                    ? Optional.empty()
                    : Optional.of("score is not a number"))
        .or(() -> text("title", e.title()))
        .or(() -> text("reason", e.reason()));
  }

  /** Why a records:fetch line cannot be used for {@code entry}, or empty when it can. */
  public static Optional<String> problem(RecordLine line, ManifestEntry entry) {
    if (!line.accountId().isEmpty() && !isId(line.accountId())) {
      return Optional.of("account id " + quoted(line.accountId()) + " is not a valid id");
    }
    if (line.isBlob() && !isSha256(line.blob())) {
      return Optional.of("blob " + quoted(line.blob()) + " is not 64 lower-case hex digits");
    }
    if (line.relatedIds().size() > MAX_RELATED) {
      return Optional.of(line.relatedIds().size() + " related ids (at most " + MAX_RELATED + ")");
    }
    for (String related : line.relatedIds()) {
      if (!isId(related)) {
        return Optional.of("related id " + quoted(related) + " is not a valid id");
      }
    }
    if (line.isBlob() && line.sizeBytes() != entry.sizeBytes()) {
      return Optional.of(
          "size " + line.sizeBytes() + " is not the manifest's " + entry.sizeBytes());
    }
    if (!TIMESTAMP.matcher(line.updatedAt()).matches()) {
      return Optional.of("updatedAt " + quoted(line.updatedAt()) + " is not a timestamp");
    }
    return (line.version() < 0
            ? Optional.of("version " + line.version() + " < 0")
            : Optional.<String>empty())
        .or(() -> type(line.type()))
        .or(() -> text("title", line.title()));
  }

  /** The longest field value the agent keeps from the service, in characters. */
  public static final int MAX_FIELD_VALUE = 65_536;

  private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /** Why a line's structured fields cannot be kept, or empty when they can. */
  public static Optional<String> fieldsProblem(RecordLine line) {
    if (line.fields().size() > MAX_RELATED) {
      return Optional.of(line.fields().size() + " fields (at most " + MAX_RELATED + ")");
    }
    for (dev.primer.protocol.records.RecordField f : line.fields()) {
      if (!FIELD_NAME.matcher(f.name()).matches()) {
        return Optional.of("field name " + quoted(f.name()) + " is not [a-z][a-z0-9-]{0,63}");
      }
      if (f.value().length() > MAX_FIELD_VALUE || f.version() < 0) {
        return Optional.of(
            "field " + f.name() + " is longer than " + MAX_FIELD_VALUE + " or has a version < 0");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> size(long size) {
    return size < 0 || size > MAX_SIZE
        ? Optional.of("size " + size + " is outside 0.." + MAX_SIZE)
        : Optional.empty();
  }

  private static Optional<String> type(String type) {
    return type.isEmpty() || TYPE.matcher(type).matches()
        ? Optional.empty()
        : Optional.of("type " + quoted(type) + " is not [a-z][a-z0-9-]{0,39}");
  }

  private static Optional<String> text(String what, String value) {
    return value.length() > MAX_TEXT || value.chars().anyMatch(c -> c < 0x20 && c != '\t')
        ? Optional.of(
            what + " is longer than " + MAX_TEXT + " characters or holds control characters")
        : Optional.empty();
  }

  /** The value for a message: quoted, cut to 80 characters, control characters escaped. */
  public static String quoted(String value) {
    if (value == null) {
      return "(none)";
    }
    String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    StringBuilder out = new StringBuilder("'");
    cut.chars()
        .forEach(
            c ->
                out.append(
                    c < 0x20 || c == 0x7f
                        ? String.format("\\x%02x", c)
                        : String.valueOf((char) c)));
    return out.append('\'').toString();
  }
}
