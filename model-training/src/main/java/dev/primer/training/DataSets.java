package dev.primer.training;

import dev.primer.core.appointments.CalendarAppointments;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.evaluation.ReplayData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Loads data sets for replay and fingerprints them for provenance. */
public final class DataSets {
  private DataSets() {}

  /** The data set with appointments from its calendars. */
  public static ReplayData load(Path dir) {
    DataSetDirectory dataSet = DataSetDirectory.open(dir);
    return ReplayData.load(dataSet, catalog -> CalendarAppointments.fromDataSet(dataSet, catalog));
  }

  /**
   * SHA-256 over the files that determine training: info, users, accounts, records, interactions.
   */
  public static String fingerprint(Path dir) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String name :
          List.of(
              DataSetDirectory.INFO,
              DataSetDirectory.USERS,
              DataSetDirectory.TERRITORIES,
              DataSetDirectory.ACCOUNTS,
              DataSetDirectory.RECORDS,
              DataSetDirectory.INTERACTIONS)) {
        try (InputStream in =
            new DigestInputStream(Files.newInputStream(dir.resolve(name)), digest)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data set " + dir, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
