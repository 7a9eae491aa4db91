package dev.primer.core.scoring;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the classes a serialised Tribuo model names before Tribuo sees it. Tribuo's protobuf
 * format names a Java class in every {@code class_name} field (and OLCUT's provenance names its
 * provenance classes), and deserialising loads and initialises each of them by name: a hostile
 * bundle could name any class on the service's class path. Only Tribuo's and OLCUT's own packages
 * are allowed.
 *
 * <p>The check walks the protobuf wire format without the schema: every length-delimited field is
 * looked at both as text and as a nested message, so a class name is found wherever it sits.
 */
final class ModelClassNames {
  /** The packages whose classes Tribuo's format names. */
  static final List<String> ALLOWED_PACKAGES =
      List.of("org.tribuo.", "com.oracle.labs.mlrg.olcut.");

  /** A fully qualified Java class name, as Class.forName takes it. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("([a-zA-Z_$][a-zA-Z0-9_$]*\\.)+[A-Z][a-zA-Z0-9_$]*");

  private static final int MAX_DEPTH = 64;

  private ModelClassNames() {}

  /**
   * The first class name outside {@link #ALLOWED_PACKAGES} that {@code proto} holds, if any;
   * callers must not show it (it may name internal classes), only refuse the model.
   */
  static Optional<String> firstForbidden(byte[] proto) {
    return scan(ByteBuffer.wrap(proto), 0);
  }

  private static Optional<String> scan(ByteBuffer in, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    while (in.hasRemaining()) {
      long key = varint(in);
      if (key < 0) {
        return Optional.empty();
      }
      switch ((int) (key & 7)) {
        case 0 -> {
          if (varint(in) < 0) {
            return Optional.empty();
          }
        }
        case 1 -> {
          if (!skip(in, 8)) {
            return Optional.empty();
          }
        }
        case 5 -> {
          if (!skip(in, 4)) {
            return Optional.empty();
          }
        }
        case 2 -> {
          long length = varint(in);
          if (length < 0 || length > in.remaining()) {
            return Optional.empty();
          }
          ByteBuffer field = in.slice(in.position(), (int) length);
          in.position(in.position() + (int) length);
          Optional<String> name = className(field.duplicate());
          if (name.isPresent() && !allowed(name.get())) {
            return name;
          }
          Optional<String> nested = scan(field, depth + 1);
          if (nested.isPresent()) {
            return nested;
          }
        }
        default -> {
          // Not a message (or groups, which Tribuo never writes): nothing further to look at.
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static boolean allowed(String className) {
    return ALLOWED_PACKAGES.stream().anyMatch(className::startsWith);
  }

  private static Optional<String> className(ByteBuffer bytes) {
    if (bytes.remaining() < 3 || bytes.remaining() > 1024) {
      return Optional.empty();
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(bytes)
              .toString();
      return CLASS_NAME.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static boolean skip(ByteBuffer in, int n) {
    if (in.remaining() < n) {
      return false;
    }
    in.position(in.position() + n);
    return true;
  }

  /** A base-128 varint, or -1 when the bytes end or run on too long. */
  private static long varint(ByteBuffer in) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!in.hasRemaining()) {
        return -1;
      }
      byte b = in.get();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value & Long.MAX_VALUE;
      }
    }
    return -1;
  }
}
