package dev.primer.core.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A data set directory as DESIGN.md lays it out; every tool reads data sets through this. */
public record DataSetDirectory(Path root) {
  public static final String INFO = "dataset.json";
  public static final String USERS = "users.jsonl";
  public static final String TERRITORIES = "territories.geojson";
  public static final String ACCOUNTS = "accounts.jsonl";
  public static final String RECORDS = "records.jsonl";
  public static final String INTERACTIONS = "interactions.jsonl";
  public static final String CALENDARS = "calendars";
  public static final String SHARES = "shares.jsonl";

  /** Opens {@code root}, failing with a clear message when it is not a data set. */
  public static DataSetDirectory open(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("data set directory " + root + " does not exist");
    }
    for (String file : List.of(INFO, USERS, TERRITORIES, ACCOUNTS, RECORDS, INTERACTIONS)) {
      if (!Files.isRegularFile(root.resolve(file))) {
        throw new IllegalArgumentException(
            "data set directory " + root + " has no " + file + ": is it a Primer data set?");
      }
    }
    return new DataSetDirectory(root);
  }

  public DataSetInfo info() {
    Path file = root.resolve(INFO);
    try {
      return DataSetJson.mapper().readValue(file.toFile(), DataSetInfo.class);
    } catch (IOException e) {
      throw new DataSetFormatException(file, 0, e.getMessage(), e);
    }
  }

  public List<User> users() {
    return readAll(USERS, User.class);
  }

  public List<Account> accounts() {
    return readAll(ACCOUNTS, Account.class);
  }

  public List<CrmRecord> records() {
    return readAll(RECORDS, CrmRecord.class);
  }

  /** Streams records without holding them all; for the large scale. */
  public void forEachRecord(Consumer<? super CrmRecord> sink) {
    Jsonl.forEach(root.resolve(RECORDS), CrmRecord.class, sink);
  }

  /** Streams interactions in file order (by time). */
  public void forEachInteraction(Consumer<? super Interaction> sink) {
    Jsonl.forEach(root.resolve(INTERACTIONS), Interaction.class, sink);
  }

  /** Explicit account shares; none when the data set has no shares file. */
  public List<AccountShare> shares() {
    return Files.isRegularFile(root.resolve(SHARES))
        ? readAll(SHARES, AccountShare.class)
        : List.of();
  }

  public List<Interaction> interactions() {
    return readAll(INTERACTIONS, Interaction.class);
  }

  public Path territoriesFile() {
    return root.resolve(TERRITORIES);
  }

  /** The user's exported calendar, if the data set has one for them. */
  public Optional<Path> calendarOf(String userId) {
    Path file = root.resolve(CALENDARS).resolve(userId + ".ics");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private <T> List<T> readAll(String name, Class<T> type) {
    List<T> all = new ArrayList<>();
    Jsonl.forEach(root.resolve(name), type, all::add);
    return List.copyOf(all);
  }

  /** Creates the directory layout for writing a new data set. */
  public static DataSetDirectory create(Path root) {
    try {
      Files.createDirectories(root.resolve(CALENDARS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + root, e);
    }
    return new DataSetDirectory(root);
  }
}
