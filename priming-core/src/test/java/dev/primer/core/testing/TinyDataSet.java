package dev.primer.core.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.DataSetDirectory;
import dev.primer.core.dataset.DataSetInfo;
import dev.primer.core.dataset.DataSetJson;
import dev.primer.core.dataset.Interaction;
import dev.primer.core.dataset.InteractionKind;
import dev.primer.core.dataset.Jsonl;
import dev.primer.core.dataset.User;
import dev.primer.territory.geojson.TerritoryGeoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Writes {@link TinyWorld} as a data set directory, with interactions given by the test. */
public final class TinyDataSet {
  private final List<Interaction> interactions = new ArrayList<>();

  /** u1 touches {@code record} at {@code hour} local time on {@code day}. */
  public TinyDataSet touch(String user, String record, LocalDate day, int hour) {
    interactions.add(
        new Interaction(
            user,
            record,
            day.atTime(hour, 0).atZone(TinyWorld.CHICAGO).toOffsetDateTime(),
            InteractionKind.VIEW));
    return this;
  }

  public DataSetDirectory writeTo(Path dir, LocalDate start, int days) {
    TinyWorld world = new TinyWorld();
    DataSetDirectory out = DataSetDirectory.create(dir);
    write(
        dir.resolve(DataSetDirectory.USERS),
        User.class,
        IntStream.range(0, world.catalog.userCount()).mapToObj(world.catalog::user).toList());
    write(
        dir.resolve(DataSetDirectory.ACCOUNTS),
        Account.class,
        IntStream.range(0, world.catalog.accountCount()).mapToObj(world.catalog::account).toList());
    write(
        dir.resolve(DataSetDirectory.RECORDS),
        CrmRecord.class,
        IntStream.range(0, world.catalog.recordCount()).mapToObj(world.catalog::record).toList());
    List<Interaction> sorted = new ArrayList<>(interactions);
    sorted.sort((a, b) -> a.at().toInstant().compareTo(b.at().toInstant()));
    write(dir.resolve(DataSetDirectory.INTERACTIONS), Interaction.class, sorted);
    TerritoryGeoJson.write(world.catalog.territories().territories(), out.territoriesFile());
    DataSetInfo info =
        new DataSetInfo(
            "tiny", 0, "tiny", start, days, Map.of(), JsonNodeFactory.instance.objectNode());
    try {
      DataSetJson.mapper().writeValue(dir.resolve(DataSetDirectory.INFO).toFile(), info);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return DataSetDirectory.open(dir);
  }

  private static <T> void write(Path file, Class<T> type, List<T> values) {
    try (var w = Jsonl.writer(file, type)) {
      values.forEach(w::write);
    }
  }
}
