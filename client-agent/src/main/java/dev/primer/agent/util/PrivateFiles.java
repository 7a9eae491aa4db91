package dev.primer.agent.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders only their owner can read: 0600 and 0700 on POSIX systems, given at creation
 * (never a chmod after, which would leave a moment when others could open them). Elsewhere the
 * system's defaults apply (on Windows the user's profile folder is private already).
 */
public final class PrivateFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /** The attributes to create a private file with (none where POSIX modes do not exist). */
  public static FileAttribute<?>[] file() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  /** Creates {@code dir} and any missing parents as private folders. */
  public static Path createDirectories(Path dir) throws IOException {
    return POSIX
        ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR))
        : Files.createDirectories(dir);
  }

  /** Creates {@code file} empty and private if it does not exist yet. */
  public static void createFileIfAbsent(Path file) throws IOException {
    try {
      Files.createFile(file, file());
    } catch (FileAlreadyExistsException e) {
      // kept as it is (tighten() sets its mode)
    }
  }

  /**
   * Sets every folder under {@code root} (and root) to 0700 and every file to 0600 where they are
   * wider: homes made by earlier agents, or by a copy, get the modes new ones are created with.
   */
  public static void tighten(Path root) {
    if (!POSIX || !Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        if (Files.isSymbolicLink(p)) {
          continue;
        }
        Set<PosixFilePermission> wanted = Files.isDirectory(p) ? DIR : FILE;
        try {
          if (!Files.getPosixFilePermissions(p).equals(wanted)) {
            Files.setPosixFilePermissions(p, wanted);
          }
        } catch (java.nio.file.NoSuchFileException gone) {
          // deleted meanwhile (a finished download's partial file): nothing to protect
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + root + " private", e);
    }
  }
}
