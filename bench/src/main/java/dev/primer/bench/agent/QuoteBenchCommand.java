package dev.primer.bench.agent;

import dev.primer.agent.cli.Agent;
import dev.primer.agent.cli.AgentContext;
import dev.primer.agent.config.AgentHome;
import dev.primer.agent.quotes.OfflineQuotes;
import dev.primer.agent.quotes.QuoteDocuments;
import dev.primer.agent.store.LocalStore;
import dev.primer.protocol.quotes.QuoteRequest;
import dev.primer.protocol.quotes.QuoteResult;
import dev.primer.testdata.content.SalesCatalogue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/primer agent bench-quote}: how long an offline quote of the 30-line pumping station
 * takes on a synced agent, from its own store: the first in a fresh JVM (class loading, CEL's first
 * compile), then warm, split into loading the pricing (read, decrypt, parse, compile the rules) and
 * pricing.
 */
@Command(
    name = "bench-quote",
    mixinStandardHelpOptions = true,
    description = {
      "Times offline quotes of the 30-line pumping station (the generated organisation's price",
      "book) on a synced agent: the first one in this JVM, then --runs warm ones, and prints",
      "p50/p99 of loading the pricing from the store and of pricing."
    })
final class QuoteBenchCommand implements Callable<Integer> {
  private final AgentContext context;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--home", required = true, paramLabel = "DIR", description = "A synced agent.")
  Path home;

  @Option(
      names = "--account",
      paramLabel = "ACCOUNT_ID",
      description = "The account to quote for (default: the first whose price list is here).")
  Optional<String> account = Optional.empty();

  @Option(names = "--runs", defaultValue = "200", description = "Warm runs (default 200).")
  int runs;

  QuoteBenchCommand(AgentContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be >= 1, was " + runs);
    }
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    try (Agent agent = Agent.open(new AgentHome(home), context, spec.commandLine().getErr())) {
      LocalStore store = agent.store();
      long opened = System.nanoTime();
      String accountId = account.orElseGet(() -> firstQuotable(store));
      QuoteRequest request = new QuoteRequest(accountId, SalesCatalogue.pumpingStation());
      OfflineQuotes.Engine engine = OfflineQuotes.engineFor(store, accountId);
      long loaded = System.nanoTime();
      QuoteResult first = engine.price(request).result();
      long priced = System.nanoTime();
      out.printf(
          Locale.ROOT,
          "quote bench: account %s, %d lines, %s, valid %s, total %s %s%n",
          accountId,
          first.lines().size(),
          engine.basis().describe(),
          first.valid() ? "yes" : "no (" + first.violations().size() + " violations)",
          first.currency(),
          first.total().toPlainString());
      out.printf(
          Locale.ROOT,
          "first in this JVM: open store %.1f ms, load pricing %.1f ms, price %.1f ms%n",
          ms(opened - t0),
          ms(loaded - opened),
          ms(priced - loaded));
      long[] load = new long[runs];
      long[] price = new long[runs];
      long[] both = new long[runs];
      for (int i = 0; i < runs; i++) {
        long a = System.nanoTime();
        OfflineQuotes.Engine e = OfflineQuotes.engineFor(store, accountId);
        long b = System.nanoTime();
        QuoteResult r = e.price(request).result();
        long c = System.nanoTime();
        if (!r.total().equals(first.total())) {
          throw new IllegalStateException(
              "run " + i + " priced " + r.total() + ", not " + first.total());
        }
        load[i] = b - a;
        price[i] = c - b;
        both[i] = c - a;
      }
      out.printf(
          Locale.ROOT,
          "warm, %d runs: load pricing p50 %.2f ms p99 %.2f ms; price p50 %.2f ms p99 %.2f ms;"
              + " both p50 %.2f ms p99 %.2f ms%n",
          runs,
          ms(p(load, 50)),
          ms(p(load, 99)),
          ms(p(price, 50)),
          ms(p(price, 99)),
          ms(p(both, 50)),
          ms(p(both, 99)));
      OfflineQuotes.Priced pricedOnce = engine.price(request);
      Path pdf = java.nio.file.Files.createTempFile("bench-quote-", ".pdf");
      try {
        int renders = Math.max(1, Math.min(runs, 20));
        long[] render = new long[renders + 1];
        long bytes = 0;
        for (int i = 0; i <= renders; i++) {
          long a = System.nanoTime();
          bytes =
              QuoteDocuments.write(
                      store, pricedOnce, "bench", "bench", java.time.LocalDate.of(2026, 3, 2), pdf)
                  .bytes();
          render[i] = System.nanoTime() - a;
        }
        long firstRender = render[0];
        long[] warm = java.util.Arrays.copyOfRange(render, 1, render.length);
        out.printf(
            Locale.ROOT,
            "pdf of the 30 lines (%,d bytes): first %.1f ms, warm p50 %.1f ms p99 %.1f ms (%d"
                + " renders)%n",
            bytes,
            ms(firstRender),
            ms(p(warm, 50)),
            ms(p(warm, 99)),
            renders);
      } finally {
        java.nio.file.Files.deleteIfExists(pdf);
      }
      out.flush();
      return 0;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String firstQuotable(LocalStore store) {
    return store.accountsWithRecordsOf("price-list").stream()
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no price list on this device: sync it first"));
  }

  private static long p(long[] values, int percentile) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[
        Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
