package dev.primer.service.selection;

import dev.primer.core.candidates.CandidateGenerator;
import dev.primer.core.candidates.CandidateSettings;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.day.DayContext;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.selection.Baselines;
import dev.primer.core.selection.ModelSelector;
import dev.primer.core.selection.Selection;
import dev.primer.core.selection.SelectionEntry;
import dev.primer.core.selection.SelectionSettings;
import dev.primer.core.selection.Selector;
import dev.primer.protocol.client.DaemonThreads;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.service.budget.BudgetService;
import dev.primer.service.manifest.EntriesCodec;
import dev.primer.service.manifest.EntryList;
import dev.primer.service.manifest.EntryLists;
import dev.primer.service.manifest.ManifestConfig;
import dev.primer.service.manifest.ManifestContent;
import dev.primer.service.manifest.ShiftDay;
import dev.primer.service.model.ActiveModel;
import dev.primer.service.model.ModelRegistry;
import dev.primer.service.snapshot.OrgSnapshot;
import dev.primer.service.snapshot.Snapshots;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Chooses the records for a user's next shift day with priming-core: the active model's {@link
 * ModelSelector}, or the configured baseline while no model is active. Selections are stored and
 * reused while the day, the model and the org data are unchanged.
 */
@ApplicationScoped
public class SelectionService {
  private static final CandidateSettings CANDIDATES = CandidateSettings.defaults();

  @Inject Snapshots snapshots;
  @Inject ModelRegistry models;
  @Inject ManifestConfig config;
  @Inject Clock clock;
  @Inject SelectionStore store;
  @Inject EntryLists lists;
  @Inject MeterRegistry meters;
  @Inject BudgetService budgets;

  private static final Logger LOG = Logger.getLogger(SelectionService.class);

  private final AtomicReference<SelectorChoice> modelChoice = new AtomicReference<>();
  private final ThreadPoolExecutor writer =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(64),
          DaemonThreads.named("selection-writer"),
          new ThreadPoolExecutor.CallerRunsPolicy());

  /**
   * Scores half of an on-demand selection's candidates while the request's thread scores the other;
   * takes one at a time and refuses more (the request then scores alone), so requests never queue
   * behind each other here. The precompute keeps both cores busy with users and does not split.
   */
  private final ThreadPoolExecutor scoreHelper =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          DaemonThreads.named("score-helper"),
          new ThreadPoolExecutor.AbortPolicy());

  private SelectionCache cache;
  private LocalTime shiftStart;
  private Timer computeTimer;

  @PostConstruct
  void init() {
    shiftStart = LocalTime.parse(config.shiftStart());
    cache = new SelectionCache(config.selectionCache().asLongValue());
    baseline(config.fallbackBaseline());
    computeTimer =
        Timer.builder("primer.selection.compute")
            .description(
                "Time to compute one user's selection (candidates, features, scores, fill)")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(meters);
  }

  /** The selector in force now. */
  public SelectorChoice choice() {
    Optional<ActiveModel> active = models.active();
    if (active.isEmpty()) {
      String name = config.fallbackBaseline();
      return new SelectorChoice(
          "",
          "fallback:" + name,
          "no model is active: the " + name + " baseline selected these records",
          baseline(name));
    }
    SelectorChoice current = modelChoice.get();
    if (current != null && current.modelId().equals(active.get().id())) {
      return current;
    }
    SelectorChoice fresh =
        new SelectorChoice(
            active.get().id(),
            "model",
            "",
            new ModelSelector(
                "model",
                new CandidateGenerator(CANDIDATES),
                new FeatureExtractor(CANDIDATES.minLinkConfidence()),
                active.get().bundle().scorer(),
                SelectionSettings.defaults(),
                CANDIDATES.minLinkConfidence()));
    modelChoice.set(fresh);
    return fresh;
  }

  private static Selector baseline(String name) {
    return switch (name) {
      case "appointments" -> Baselines.appointments(CANDIDATES.minLinkConfidence());
      case "recent" -> Baselines.recent();
      case "frequent" -> Baselines.frequent();
      case "territory" -> Baselines.territory();
      default ->
          throw new IllegalArgumentException(
              "primer.manifest.fallback-baseline must be one of appointments, recent, frequent,"
                  + " territory; was "
                  + name);
    };
  }

  /** The user's next shift day after now (see {@link ShiftDay}). */
  public LocalDate dayFor(OrgSnapshot s, int u) {
    return ShiftDay.next(clock.instant(), s.catalog().user(u).timezone(), shiftStart);
  }

  /**
   * The user's selection for a device asking for {@code asked} bytes, under the budget an admin set
   * for the user or their role: the stored one while fresh, else computed and stored.
   */
  public UserSelection selectionFor(String userId, long asked) {
    OrgSnapshot s = snapshots.currentKnowing(userId);
    int u = s.knownUser(userId);
    long budget = budgets.served(userId, s.catalog().user(u).role().wireName(), asked);
    LocalDate day = dayFor(s, u);
    SelectorChoice choice = choice();
    Optional<UserSelection> cached = cache.get(userId, budget);
    if (cached.isPresent() && cached.get().freshFor(day, choice, s.dataVersion())) {
      return cached.get();
    }
    Optional<UserSelection> stored = store.find(userId, day, budget);
    if (stored.isPresent() && stored.get().freshFor(day, choice, s.dataVersion())) {
      cache.put(stored.get());
      return stored.get();
    }
    UserSelection computed =
        compute(s, u, day, List.of(budget), choice, Optional.of(scoreHelper)).get(0);
    cache.put(computed);
    // The answer does not wait for the row and its entry list (the device's generation refers to
    // the list, which is pending meanwhile): a lost write costs a recomputation, or a full
    // manifest instead of a delta. When the writer falls behind, the requests store their own
    // (CallerRunsPolicy).
    lists.pending(computed.contentHash(), computed.storedForm());
    writer.execute(() -> saveQuietly(computed));
    return computed;
  }

  private void saveQuietly(UserSelection computed) {
    try {
      // A device asking for ever new budgets must not fill the table: beyond a few budgets per
      // user and day, selections are computed when asked and kept in memory only.
      if (store.otherBudgetsStored(computed.userId(), computed.day(), computed.budget())
          >= config.storedBudgetsPerUser()) {
        store.saveEntryList(computed);
        return;
      }
      store.save(List.of(computed));
    } catch (RuntimeException e) {
      LOG.warnf(
          e, "selection of %s not stored; it is computed again when asked", computed.userId());
    } finally {
      lists.stored(computed.contentHash());
    }
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    scoreHelper.shutdownNow();
    writer.shutdown();
    if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
      LOG.warn("selections still being stored at shutdown are dropped");
    }
  }

  /** Stores computed selections and makes them the ones served. */
  public void save(List<UserSelection> selections) {
    store.save(selections);
    for (UserSelection u : selections) {
      cache.put(u);
    }
  }

  /**
   * Deletes stored selections of days that have passed everywhere (before yesterday in UTC, so no
   * time zone still has them ahead); returns how many.
   */
  public int prunePastDays() {
    LocalDate yesterday =
        LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusDays(1);
    return store.pruneBefore(yesterday);
  }

  /** Computes the user's selections for several budgets at once (the scoring is shared). */
  public List<UserSelection> compute(
      OrgSnapshot s, int u, LocalDate day, List<Long> budgets, SelectorChoice choice) {
    return compute(s, u, day, budgets, choice, Optional.empty());
  }

  private List<UserSelection> compute(
      OrgSnapshot s,
      int u,
      LocalDate day,
      List<Long> budgets,
      SelectorChoice choice,
      Optional<Executor> scoreHelper) {
    long t0 = System.nanoTime();
    DayContext ctx = s.context(u, day);
    List<Selection> selections = new ArrayList<>();
    OptionalDouble expected = OptionalDouble.empty();
    if (choice.selector() instanceof ModelSelector model) {
      ModelSelector.Scored scored =
          scoreHelper.isPresent() ? model.score(ctx, scoreHelper.get()) : model.score(ctx);
      double sum = 0;
      for (double score : scored.scores()) {
        sum += score;
      }
      expected = OptionalDouble.of(sum);
      for (long budget : budgets) {
        selections.add(model.fill(ctx, scored, budget));
      }
    } else {
      selections.addAll(choice.selector().select(ctx, budgets));
    }
    long nanos = System.nanoTime() - t0;
    computeTimer.record(nanos, TimeUnit.NANOSECONDS);
    Instant now = clock.instant();
    List<UserSelection> out = new ArrayList<>();
    for (Selection selection : selections) {
      String note = selection.note();
      if (!choice.note().isEmpty()) {
        note = note.isEmpty() ? choice.note() : choice.note() + "; " + note;
      }
      List<ManifestEntry> entries = entries(s, selection);
      List<String> notFitted =
          selection.notFitted().stream().map(r -> s.catalog().record(r).id()).toList();
      ManifestContent content =
          new ManifestContent(
              day,
              choice.modelId(),
              choice.name(),
              note,
              selection.budgetBytes(),
              selection.bytes(),
              entries,
              notFitted);
      // Packed once: the hash and the stored form come from the same pass.
      EntriesCodec.Packed packed = EntriesCodec.pack(entries);
      out.add(
          new UserSelection(
              s.catalog().user(u).id(),
              day,
              selection.budgetBytes(),
              choice.modelId(),
              s.dataVersion(),
              choice.name(),
              note,
              selection.bytes(),
              entries,
              notFitted,
              expected,
              now,
              TimeUnit.NANOSECONDS.toMillis(nanos),
              content.hash(packed),
              Optional.of(packed.stored())));
    }
    return out;
  }

  private static List<ManifestEntry> entries(OrgSnapshot s, Selection selection) {
    Catalog catalog = s.catalog();
    EntryList.Builder out = new EntryList.Builder(selection.entries().size());
    for (SelectionEntry e : selection.entries()) {
      var record = catalog.record(e.record());
      out.add(
          record.id(),
          record.version(),
          record.sizeBytes(),
          s.sha256Of(e.record()),
          e.tier().wireName(),
          e.score(),
          e.reason(),
          record.type().wireName(),
          record.title());
    }
    return out.build();
  }
}
