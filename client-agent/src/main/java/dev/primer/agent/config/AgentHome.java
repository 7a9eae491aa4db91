package dev.primer.agent.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.primer.agent.util.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The agent's directory: config.json, the key file, the SQLite store and the encrypted blobs. One
 * directory per agent, so many agents (a load drill) can run side by side with --home.
 */
public record AgentHome(Path dir) {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The default home, ~/.primer-agent. */
  public static AgentHome defaultHome() {
    return new AgentHome(Path.of(System.getProperty("user.home"), ".primer-agent"));
  }

  public Path configFile() {
    return dir.resolve("config.json");
  }

  public Path keyFile() {
    return dir.resolve("agent.key");
  }

  public Path storeFile() {
    return dir.resolve("store.db");
  }

  public Path blobDir() {
    return dir.resolve("blobs");
  }

  /** Whether this home holds an enrolled agent. */
  public boolean enrolled() {
    return Files.isRegularFile(configFile());
  }

  /**
   * Refuses a home whose device was revoked (finishing its wipe if it was cut off): an {@link
   * AgentStoppedException} with the marker's line.
   */
  public void requireNotRevoked() {
    RemoteWipe.marker(this)
        .ifPresent(
            m -> {
              throw new AgentStoppedException(RemoteWipe.finish(this, m).line());
            });
  }

  /** Reads the config, or says how to enrol when there is none. */
  public AgentConfig config() {
    requireNotRevoked();
    if (!enrolled()) {
      throw new IllegalStateException(
          "no agent enrolled in "
              + dir
              + ": run 'bin/primer agent enroll --server URL --token TOKEN' first");
    }
    try {
      return JSON.readValue(configFile().toFile(), AgentConfig.class);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + configFile() + ": " + e.getMessage(), e);
    }
  }

  /** Writes the config atomically (a reader sees the old file or the new one). */
  public void save(AgentConfig config) {
    try {
      PrivateFiles.createDirectories(dir);
      // The config holds the token: created readable by its owner alone, before a byte is written.
      Path tmp = dir.resolve("config.json.tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PrivateFiles.file());
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
        JSON.writeValue(out, config);
      }
      Files.move(
          tmp, configFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + configFile(), e);
    }
  }
}
