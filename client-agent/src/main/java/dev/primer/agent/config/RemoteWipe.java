package dev.primer.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.agent.util.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Remote wipe: when the service says an administrator revoked this device, everything the agent
 * keeps is deleted (key, token, store, search index, blobs) and only a marker, {@code
 * revoked.json}, says so. The marker is written first, as {@code wiping}: a wipe cut off half-way
 * is finished by the next command that opens the home, and such a home never opens as a store.
 */
public final class RemoteWipe {
  /** The marker's file name in the home. */
  public static final String MARKER = "revoked.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RemoteWipe() {}

  /** What the marker says: who the device was and when it was wiped. */
  public record Marker(
      String deviceId, String userId, String server, String wipedAt, boolean done) {
    /** The one line every command of a wiped home prints. */
    public String line() {
      return "this device ("
          + deviceId
          + ") was revoked by an administrator; its local data was "
          + (done ? "wiped at " + wipedAt : "being wiped at " + wipedAt + " (finished now)")
          + "; enrol again to use it: bin/primer agent enroll --server "
          + server
          + " --token <your token>";
    }
  }

  /** The marker of {@code home}, when the device was revoked there. */
  public static Optional<Marker> marker(AgentHome home) {
    Path file = home.dir().resolve(MARKER);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode m = JSON.readTree(file.toFile());
      return Optional.of(
          new Marker(
              m.path("deviceId").asText(),
              m.path("userId").asText(),
              m.path("server").asText(),
              m.path("wipedAt").asText(),
              "wiped".equals(m.path("state").asText())));
    } catch (IOException e) {
      // A marker that cannot be read still means the home was being wiped.
      return Optional.of(new Marker("unknown", "unknown", "URL", "unknown", false));
    }
  }

  /**
   * Wipes {@code home} for the device {@code config} describes, revoked as the service told at
   * {@code at}; returns the marker left behind.
   */
  public static Marker wipe(AgentHome home, AgentConfig config, Instant at) {
    Marker marker =
        new Marker(config.deviceId(), config.userId(), config.server(), at.toString(), false);
    write(home, marker);
    deleteAgentFiles(home);
    Marker done =
        new Marker(marker.deviceId(), marker.userId(), marker.server(), marker.wipedAt(), true);
    write(home, done);
    return done;
  }

  /** Finishes a wipe that was cut off (idempotent); returns the marker. */
  public static Marker finish(AgentHome home, Marker marker) {
    if (marker.done() && !leftovers(home)) {
      return marker;
    }
    deleteAgentFiles(home);
    Marker done =
        new Marker(marker.deviceId(), marker.userId(), marker.server(), marker.wipedAt(), true);
    write(home, done);
    return done;
  }

  /** Removes the marker, when a device is enrolled again in this home. */
  public static void clear(AgentHome home) {
    try {
      Files.deleteIfExists(home.dir().resolve(MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + home.dir().resolve(MARKER), e);
    }
  }

  /**
   * Deletes the agent's own files: the key first (without it nothing left of the store can be
   * read), then the config with the token, then the store, its WAL, lock and search index, and the
   * blobs. Files of other names in the home are not the agent's and stay.
   */
  private static void deleteAgentFiles(AgentHome home) {
    try {
      deleteMatching(home.dir(), "agent.key*");
      deleteMatching(home.dir(), "config.json*");
      deleteMatching(home.dir(), "store.*");
      deleteTree(home.blobDir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot wipe " + home.dir() + " (run the agent again to finish)", e);
    }
    if (leftovers(home)) {
      throw new IllegalStateException(
          "cannot wipe " + home.dir() + ": some of the agent's files are still there");
    }
  }

  private static boolean leftovers(AgentHome home) {
    try (DirectoryStream<Path> left =
        Files.newDirectoryStream(home.dir(), "{agent.key*,config.json*,store.*,blobs}")) {
      return left.iterator().hasNext();
    } catch (IOException e) {
      return Files.exists(home.dir());
    }
  }

  private static void deleteMatching(Path dir, String glob) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
      for (Path f : files) {
        deleteTree(f);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void write(AgentHome home, Marker marker) {
    ObjectNode node =
        JSON.createObjectNode()
            .put("state", marker.done() ? "wiped" : "wiping")
            .put("reason", "revoked by an administrator")
            .put("deviceId", marker.deviceId())
            .put("userId", marker.userId())
            .put("server", marker.server())
            .put("wipedAt", marker.wipedAt());
    try {
      PrivateFiles.createDirectories(home.dir());
      Path tmp = home.dir().resolve(MARKER + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PrivateFiles.file());
      Files.writeString(tmp, node.toPrettyString());
      Files.move(
          tmp,
          home.dir().resolve(MARKER),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + home.dir().resolve(MARKER), e);
    }
  }
}
