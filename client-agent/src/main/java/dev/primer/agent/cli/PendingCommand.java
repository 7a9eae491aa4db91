package dev.primer.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.agent.store.EditState;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.OutboxEntry;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.FieldChange;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent pending}: the edit outbox, one line per operation. */
@Command(
    name = "pending",
    mixinStandardHelpOptions = true,
    description = {
      "List edits not yet decided by the service, those still shown on top of a record, and those",
      "decided in the last 24 hours: seq, op id, record, fields, state, age."
    })
final class PendingCommand implements Callable<Integer> {
  private static final Duration RECENT = Duration.ofHours(24);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Option(names = "--all", description = "Every operation the device holds.")
  boolean all;

  @Option(names = "--json", description = "One JSON array instead of lines.")
  boolean json;

  /** One operation as listed. */
  record Line(
      long seq,
      String opId,
      String recordId,
      String kind,
      List<String> fields,
      String state,
      String reason,
      String resolution,
      long ageSeconds,
      String createdAt,
      String updatedAt) {}

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    Instant now = parent.context.clock().instant();
    List<Line> lines = new ArrayList<>();
    try (LocalStore store = Agent.openStore(home.home(), parent.context)) {
      for (OutboxEntry e : store.edits()) {
        boolean shown =
            all
                || !e.state().decided()
                || e.overlay()
                || Duration.between(e.updatedAt(), now).compareTo(RECENT) < 0;
        if (shown) {
          lines.add(line(e, now));
        }
      }
    }
    if (json) {
      out.println(JSON.writeValueAsString(lines));
      return AgentCli.OK;
    }
    if (lines.isEmpty()) {
      out.println("no pending or recent edits");
    }
    for (Line l : lines) {
      out.println(
          String.format(
              Locale.ROOT,
              "%5d  %s  %-20s %-24s %-13s %5s%s",
              l.seq(),
              l.opId(),
              l.recordId(),
              (l.kind().equals("create") || l.kind().equals("quote") ? l.kind() + ": " : "")
                  + String.join(",", l.fields()),
              l.state(),
              Ages.of(Duration.ofSeconds(l.ageSeconds())),
              (l.reason().isEmpty() ? "" : "  " + l.reason())
                  + (l.resolution().isEmpty() ? "" : "  (" + l.resolution() + ")")));
    }
    return AgentCli.OK;
  }

  private static Line line(OutboxEntry e, Instant now) {
    String state = e.state().wireName();
    if (e.state() == EditState.NEEDS_REVIEW && !e.inConflict()) {
      state = "resolved";
    }
    return new Line(
        e.seq(),
        e.opId(),
        e.recordId(),
        e.op().kind(),
        e.op().changes().stream().map(FieldChange::field).collect(Collectors.toList()),
        state,
        e.receipt().map(EditReceipt::reason).orElse(""),
        e.resolution(),
        Math.max(0, Duration.between(e.createdAt(), now).toSeconds()),
        e.createdAt().toString(),
        e.updatedAt().toString());
  }
}
