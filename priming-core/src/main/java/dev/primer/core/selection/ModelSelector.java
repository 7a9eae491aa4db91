package dev.primer.core.selection;

import dev.primer.core.appointments.Appointment;
import dev.primer.core.candidates.CandidateGenerator;
import dev.primer.core.candidates.Candidates;
import dev.primer.core.catalog.Catalog;
import dev.primer.core.day.DayContext;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.scoring.Scorer;
import dev.primer.core.util.IntSlots;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Primer's selection: a guaranteed tier (admin pins, then the records of the accounts the user
 * meets that day in appointment order, with everything they refer to), then a predicted tier filled
 * by expected hits per byte, within per-type caps. What the guaranteed tier cannot fit is reported,
 * never dropped silently.
 */
public final class ModelSelector implements Selector {
  /**
   * Candidates scored at a time: 1024 rows of features are 368 KB, reused, a young-generation array
   * on any heap, however many candidates there are.
   */
  private static final int BLOCK_ROWS = 1024;

  private final String name;
  private final CandidateGenerator candidates;
  private final FeatureExtractor features;
  private final Scorer scorer;
  private final SelectionSettings settings;
  private final double minLinkConfidence;

  public ModelSelector(
      String name,
      CandidateGenerator candidates,
      FeatureExtractor features,
      Scorer scorer,
      SelectionSettings settings,
      double minLinkConfidence) {
    this.name = name;
    this.candidates = candidates;
    this.features = features;
    this.scorer = scorer;
    this.settings = settings;
    this.minLinkConfidence = minLinkConfidence;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Selection> select(DayContext ctx, List<Long> budgets) {
    Scored scored = score(ctx);
    List<Selection> out = new ArrayList<>();
    for (long budget : budgets) {
      out.add(fill(ctx, scored, budget));
    }
    return out;
  }

  /** Candidates and their scores for the user-day. */
  public record Scored(Candidates candidates, double[] scores, IntSlots slots, int[] positions) {
    /** The score of a record, or 0 when it was no candidate. */
    public double scoreOf(int record) {
      int slot = slots.get(record);
      return slot < 0 ? 0 : scores[positions[slot]];
    }
  }

  public Scored score(DayContext ctx) {
    return score(ctx, candidates.generate(ctx));
  }

  /**
   * Scores the user-day's candidates with the second half on {@code helper}, while this thread
   * scores the first: for a manifest someone waits for, on an otherwise idle core. When the helper
   * refuses the work or has not started it by the time the first half is done, this thread scores
   * both; the scores are the same either way.
   */
  public Scored score(DayContext ctx, Executor helper) {
    return score(ctx, candidates.generate(ctx), helper, 2 * BLOCK_ROWS);
  }

  /** As {@link #score(DayContext, Executor)}, splitting from {@code minCandidates} on (tests). */
  Scored score(DayContext ctx, Candidates c, Executor helper, int minCandidates) {
    if (c.size() < Math.max(2, minCandidates)) {
      return score(ctx, c);
    }
    int[] records = c.records();
    double[] scores = new double[records.length];
    int half = records.length / 2;
    Claimable second = new Claimable(() -> scoreInto(ctx, records, half, records.length, scores));
    try {
      helper.execute(second);
    } catch (RejectedExecutionException busy) {
      // Scored below, on this thread.
    }
    scoreInto(ctx, records, 0, half, scores);
    second.runOrAwait();
    return scored(c, scores);
  }

  /** Scores a given candidate set for the user-day. */
  public Scored score(DayContext ctx, Candidates c) {
    int[] records = c.records();
    double[] scores = new double[records.length];
    scoreInto(ctx, records, 0, records.length, scores);
    return scored(c, scores);
  }

  private void scoreInto(DayContext ctx, int[] records, int from, int to, double[] scores) {
    double[] blockScores = new double[Math.min(BLOCK_ROWS, to - from)];
    features.extractInBlocks(
        ctx,
        Arrays.copyOfRange(records, from, to),
        BLOCK_ROWS,
        (offset, block) -> {
          scorer.score(block, blockScores);
          System.arraycopy(blockScores, 0, scores, from + offset, block.rows());
        });
  }

  private static Scored scored(Candidates c, double[] scores) {
    // Record -> candidate position without boxing: tens of thousands of candidates per user-day.
    IntSlots slots = new IntSlots(c.size());
    int[] positions = new int[c.size()];
    for (int i = 0; i < c.size(); i++) {
      positions[slots.slotOf(c.record(i))] = i;
    }
    return new Scored(c, scores, slots, positions);
  }

  /** Fills one budget from already scored candidates (selection alone, for benchmarks too). */
  public Selection fill(DayContext ctx, Scored scored, long budget) {
    Catalog catalog = ctx.catalog();
    Reasons reasons = settings.reasons() ? new Reasons(ctx) : null;
    BudgetFill fill = new BudgetFill(catalog, ctx.readable(), budget);
    settings.typeShares().forEach(fill::capType);
    Set<Integer> notFitted = new LinkedHashSet<>();

    for (int r : ctx.pins().stream().sorted().toList()) {
      guarantee(fill, r, scored.scoreOf(r), reasons == null ? "" : reasons.pinned(), notFitted);
    }
    Map<Integer, Appointment> firstAppointment = new LinkedHashMap<>();
    ctx.today().stream()
        .filter(a -> a.confidence() >= minLinkConfidence)
        .sorted(Comparator.comparing(Appointment::start))
        .forEach(a -> firstAppointment.putIfAbsent(a.account(), a));
    // Every record of the day's accounts first, then whatever they refer to, so the closure never
    // pushes out a record of an account the user meets.
    List<Integer> guaranteed = new ArrayList<>();
    for (Appointment appt : firstAppointment.values()) {
      List<Integer> records = new ArrayList<>();
      for (int r : catalog.recordsOf(appt.account())) {
        records.add(r);
      }
      records.sort(byValuePerByte(catalog, scored));
      String why = reasons == null ? "" : reasons.appointment(appt);
      for (int r : records) {
        if (guarantee(fill, r, scored.scoreOf(r), why, notFitted)) {
          guaranteed.add(r);
        }
      }
    }
    for (int r : guaranteed) {
      closure(fill, catalog, r, scored, reasons, notFitted);
    }

    Candidates c = scored.candidates();
    int[] order = byExpectedHitsPerByte(catalog, c, scored.scores());
    long smallest = Long.MAX_VALUE;
    for (int i = 0; i < c.size(); i++) {
      smallest = Math.min(smallest, catalog.size(c.record(i)));
    }
    for (int i : order) {
      int r = c.record(i);
      if (fill.contains(r)) {
        continue;
      }
      fill.offer(
          r,
          Tier.PREDICTED,
          scored.scores()[i],
          reasons == null ? "" : reasons.predicted(r, c.sources(i)));
      if (fill.full(smallest)) {
        break;
      }
    }
    String note =
        notFitted.isEmpty()
            ? ""
            : notFitted.size()
                + " guaranteed records ("
                + notFitted.stream().mapToLong(catalog::size).sum()
                + " bytes) did not fit the budget";
    return new Selection(name, budget, fill.entries(), fill.bytes(), List.copyOf(notFitted), note);
  }

  /**
   * Candidate positions, best expected hits per byte first, ties by position. Sorted as packed
   * longs (value as float bits, then position): a primitive sort keeps 50k candidates in
   * milliseconds.
   */
  private static int[] byExpectedHitsPerByte(Catalog catalog, Candidates c, double[] scores) {
    long[] keys = new long[c.size()];
    for (int i = 0; i < keys.length; i++) {
      float value = (float) (Math.max(0, scores[i]) / Math.max(1, catalog.size(c.record(i))));
      // Non-negative floats order like their bits; invert so the best value sorts first.
      keys[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(value)) << 32) | i;
    }
    java.util.Arrays.sort(keys);
    int[] order = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }

  private static boolean guarantee(
      BudgetFill fill, int r, double score, String why, Set<Integer> notFitted) {
    if (!fill.readable(r)) {
      // Not the user's to read: neither selected nor named among what did not fit.
      return false;
    }
    if (fill.offer(r, Tier.GUARANTEED, score, why)) {
      return true;
    }
    notFitted.add(r);
    return false;
  }

  /** Adds everything a guaranteed record refers to, transitively, so no link dangles. */
  private static void closure(
      BudgetFill fill,
      Catalog catalog,
      int root,
      Scored scored,
      @Nullable Reasons reasons,
      Set<Integer> notFitted) {
    Deque<Integer> todo = new ArrayDeque<>();
    for (int r : catalog.related(root)) {
      todo.add(r);
    }
    while (!todo.isEmpty()) {
      int r = todo.poll();
      if (fill.contains(r) || notFitted.contains(r)) {
        continue;
      }
      if (guarantee(
          fill, r, scored.scoreOf(r), reasons == null ? "" : reasons.related(root), notFitted)) {
        for (int next : catalog.related(r)) {
          todo.add(next);
        }
      }
    }
  }

  private static Comparator<Integer> byValuePerByte(Catalog catalog, Scored scored) {
    return Comparator.comparingDouble(
            (Integer r) -> -scored.scoreOf(r) / Math.max(1, catalog.size(r)))
        .thenComparingInt(r -> r);
  }

  /**
   * Work handed to another thread that runs once, on whichever thread claims it first: the owner
   * takes it back if the helper has not started it, so a busy helper never makes the owner wait.
   */
  private static final class Claimable implements Runnable {
    private final Runnable work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile @Nullable Throwable failure;

    Claimable(Runnable work) {
      this.work = work;
    }

    @Override
    public void run() {
      if (claimed.compareAndSet(false, true)) {
        try {
          work.run();
        } catch (RuntimeException | Error e) {
          failure = e;
        } finally {
          done.countDown();
        }
      }
    }

    void runOrAwait() {
      if (claimed.compareAndSet(false, true)) {
        work.run();
        return;
      }
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
    }
  }
}
