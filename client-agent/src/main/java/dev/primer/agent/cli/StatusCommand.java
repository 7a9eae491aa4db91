package dev.primer.agent.cli;

import dev.primer.agent.config.AgentConfig;
import dev.primer.agent.crypto.KeyFile;
import dev.primer.agent.edits.EditUploader;
import dev.primer.agent.store.EditWork;
import dev.primer.agent.store.GenerationInfo;
import dev.primer.agent.store.LocalStore;
import dev.primer.protocol.ByteSizes;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent status}: what the device holds and how well it has served. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Generation, model, records and bytes by type, last sync, budget use, the edit outbox"
            + " (pending, oldest, conflicts, last upload), hit rate.")
final class StatusCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    AgentConfig config = home.home().config();
    try (LocalStore store = Agent.openStore(home.home(), parent.context)) {
      Map<String, String> meta = store.meta();
      Optional<GenerationInfo> g = store.generation();
      out.printf(
          "device %s (user %s) at %s%n", config.deviceId(), config.userId(), config.server());
      if (g.isEmpty()) {
        out.println("generation: none yet (run 'bin/primer agent sync')");
      } else {
        long[] counts = store.manifestCounts();
        out.printf(
            "generation %d for %s, selector %s%s, %s (%,d of %,d records)%n",
            g.get().generation(),
            g.get().day(),
            g.get().selector(),
            g.get().modelId().isEmpty() ? "" : " model " + g.get().modelId(),
            store.complete() ? "complete" : "partial",
            counts[1],
            counts[0]);
      }
      store
          .stagedGeneration()
          .ifPresent(
              s ->
                  out.printf(
                      "staged generation %d waiting to be completed by the next sync%n",
                      s.generation()));
      long totalBytes = 0;
      for (Map.Entry<String, long[]> e : store.visibleByType().entrySet()) {
        out.printf(
            Locale.ROOT,
            "  %-20s %,8d records %12s%n",
            e.getKey(),
            e.getValue()[0],
            ByteSizes.human(e.getValue()[1]));
        totalBytes += e.getValue()[1];
      }
      out.printf(
          Locale.ROOT,
          "budget %s used of %s (%.1f%%)%n",
          ByteSizes.human(totalBytes),
          ByteSizes.human(config.budgetBytes()),
          100.0 * totalBytes / config.budgetBytes());
      Agent.reportSearchIndexLag(store, out);
      out.println(
          "last sync: "
              + meta.getOrDefault("last_sync_at", "never")
              + (meta.containsKey("last_sync") ? " — " + meta.get("last_sync") : ""));
      EditWork edits = store.editWork();
      Instant now = parent.context.clock().instant();
      out.println(
          "edits: "
              + edits.pending()
              + " pending"
              + edits
                  .oldestPending()
                  .map(t -> " (oldest " + Ages.of(Duration.between(t, now)) + " old)")
                  .orElse("")
              + ", "
              + edits.conflicts()
              + " in conflict; last upload: "
              + meta.getOrDefault("last_upload_at", "never")
              + (meta.containsKey("last_upload") ? " — " + meta.get("last_upload") : "")
              + (meta.containsKey(EditUploader.CLOCK_OFFSET)
                  ? "; clock offset " + meta.get(EditUploader.CLOCK_OFFSET) + " ms"
                  : ""));
      Map<String, Long> access = store.accessCounts();
      long hits = access.getOrDefault("hit", 0L);
      long misses = access.getOrDefault("miss", 0L);
      out.println(
          hits + misses == 0
              ? "hit rate: no shows or searches yet"
              : String.format(
                  Locale.ROOT,
                  "hit rate %.1f%% (%d hits, %d misses)",
                  100.0 * hits / (hits + misses),
                  hits,
                  misses));
      String protection = KeyFile.protection(home.home().keyFile());
      out.println(
          "store key: "
              + switch (protection) {
                case "passphrase" -> "sealed by a passphrase (PBKDF2-HMAC-SHA256)";
                case "secret-service" -> "in the OS keystore (Secret Service)";
                case KeyFile.PLAIN ->
                    "PLAIN in " + home.home().keyFile() + ": a copy of this folder reads the store";
                default -> protection;
              }
              + (config.insecureHttp() ? "; server over plain http (--insecure-http)" : "")
              + (config.pinSha256().isEmpty() ? "" : "; certificate pinned"));
      return AgentCli.OK;
    }
  }
}
