package dev.primer.agent.cli;

import dev.primer.agent.edits.EditUploader;
import dev.primer.agent.edits.FieldEdits;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.OutboxEntry;
import dev.primer.protocol.client.ServiceException;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.FieldChange;
import dev.primer.protocol.edits.FieldReceipt;
import dev.primer.protocol.edits.Outcome;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent resolve}: settles one of the rep's conflicts. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Settle a conflict listed by 'agent conflicts': a new edit over the service's value that",
      "names the one it resolves, with your value (--keep mine), the service's (--keep theirs:",
      "yours is dropped) or another (--keep VALUE). The service closes its review item when",
      "the edit arrives."
    })
final class ResolveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Parameters(paramLabel = "OP_ID", description = "The operation in conflict (agent conflicts).")
  String opId;

  @Option(
      names = "--keep",
      required = true,
      paramLabel = "mine|theirs|VALUE",
      description = "Keep your value, the service's, or this value.")
  String keep;

  @Option(names = "--offline", description = "Do not try to upload now.")
  boolean offline;

  @Override
  public Integer call() {
    if (keep.getBytes(StandardCharsets.UTF_8).length > FieldEdits.MAX_VALUE_BYTES) {
      throw new IllegalArgumentException(
          "--keep VALUE is at most " + FieldEdits.MAX_VALUE_BYTES + " bytes");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Agent agent = Agent.open(home.home(), parent.context, err)) {
      LocalStore store = agent.store();
      OutboxEntry conflict =
          store
              .edit(opId)
              .filter(OutboxEntry::inConflict)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          opId + " is not a conflict on this device (see agent conflicts)"));
      Instant now = parent.context.clock().instant();
      if (keep.equals("theirs") && reviewedFields(conflict).isEmpty()) {
        // The record is gone on the service: there is nothing to write over, only yours to drop.
        store.keepTheirs(opId, now);
        out.println("kept theirs for " + conflict.recordId() + "; your value is dropped");
        return AgentCli.OK;
      }
      List<FieldChange> changes = changes(conflict, keep);
      FieldEdits.Stamp stamp =
          FieldEdits.stamp(agent.config.userId(), now, EditUploader.clockOffset(store));
      OutboxEntry saved =
          store.appendResolution(
              seq -> FieldEdits.update(seq, stamp, conflict.recordId(), changes, "", opId),
              now,
              opId,
              keep.equals("mine") || keep.equals("theirs") ? keep : "a value");
      out.printf(
          "queued %s (seq %d): %s %s, resolves %s%n",
          saved.opId(),
          saved.seq(),
          conflict.recordId(),
          changes.stream().map(FieldChange::field).collect(Collectors.joining(",")),
          opId);
      out.flush();
      UploadNow.attempt(agent, offline, parent.context.clock(), err);
      return AgentCli.OK;
    } catch (ServiceException e) {
      throw Agent.stopIfRefused(home.home(), e, parent.context.clock());
    }
  }

  /** The fields of the conflict's receipt that are in review. */
  private static List<FieldReceipt> reviewedFields(OutboxEntry conflict) {
    return conflict.receipt().map(EditReceipt::fields).orElse(List.of()).stream()
        .filter(f -> f.outcome() == Outcome.NEEDS_REVIEW)
        .toList();
  }

  /**
   * The new operation's changes: for each field in review, base = the service's value and version
   * from the receipt (theirs), value = mine, theirs or the value given.
   */
  static List<FieldChange> changes(OutboxEntry conflict, String keep) {
    List<FieldChange> changes = new ArrayList<>();
    List<FieldReceipt> fields = reviewedFields(conflict);
    if (fields.isEmpty()) {
      // A review without field detail (the record is gone): the rep's changes as they were.
      for (FieldChange c : conflict.op().changes()) {
        changes.add(
            new FieldChange(
                c.field(), c.base(), c.baseVersion(), keep.equals("mine") ? c.value() : keep));
      }
      return changes;
    }
    for (FieldReceipt f : fields) {
      String value =
          switch (keep) {
            case "mine" -> f.mine();
            case "theirs" -> f.value();
            default -> keep;
          };
      changes.add(new FieldChange(f.field(), f.value(), f.version(), value));
    }
    return changes;
  }
}
