package dev.primer.agent.crypto;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The key file, {@code HOME/agent.key}: either JSON naming the {@link KeyProtector} that sealed the
 * master key and what it needs to open it, or (only when enrolled with --plain-key-file, and in
 * homes of earlier agents) the key itself in base64.
 */
public final class KeyFile {
  /** The protection of a plain key file. */
  public static final String PLAIN = "plain";

  private static final ObjectMapper JSON = new ObjectMapper();

  private KeyFile() {}

  /** How the key in {@code file} is protected: a protector's kind, or {@link #PLAIN}. */
  public static String protection(Path file) {
    return read(file).map(m -> m.getOrDefault("protection", "")).orElse(PLAIN);
  }

  /** Creates {@code file} with a fresh key, sealed by {@code protector} (plain when empty). */
  public static StoreKey create(Path file, Optional<KeyProtector> protector) {
    if (Files.exists(file)) {
      throw new IllegalStateException("a key file exists already: " + file);
    }
    if (protector.isEmpty()) {
      return StoreKey.loadOrCreate(file);
    }
    StoreKey key = StoreKey.random();
    Map<String, String> content = new LinkedHashMap<>();
    content.put("protection", protector.get().kind());
    content.putAll(protector.get().seal(key.master()));
    try {
      StoreKey.writePrivate(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key file " + file, e);
    }
    return key;
  }

  /**
   * Opens the key in {@code file} with the protector {@code protectors} gives for its kind; a
   * {@link KeyProtector.WrongKeyException} names the file when it does not open.
   */
  public static StoreKey open(Path file, Function<String, KeyProtector> protectors) {
    Optional<Map<String, String>> sealed = read(file);
    if (sealed.isEmpty()) {
      return StoreKey.loadOrCreate(file);
    }
    KeyProtector protector = protectors.apply(sealed.get().getOrDefault("protection", ""));
    try {
      return StoreKey.of(protector.open(sealed.get()));
    } catch (KeyProtector.WrongKeyException e) {
      throw new KeyProtector.WrongKeyException(e.getMessage() + " in " + file);
    }
  }

  /** The JSON of a sealed key file; empty for a plain one. */
  private static Optional<Map<String, String>> read(Path file) {
    try {
      String text = Files.readString(file).strip();
      if (!text.startsWith("{")) {
        return Optional.empty();
      }
      return Optional.of(JSON.readValue(text, new TypeReference<Map<String, String>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key file " + file, e);
    }
  }
}
