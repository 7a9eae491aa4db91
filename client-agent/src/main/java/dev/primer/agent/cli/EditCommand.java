package dev.primer.agent.cli;

import dev.primer.agent.edits.EditUploader;
import dev.primer.agent.edits.EditedRecord;
import dev.primer.agent.edits.FieldEdits;
import dev.primer.agent.edits.Overlay;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.OutboxEntry;
import dev.primer.protocol.client.ServiceException;
import dev.primer.protocol.edits.FieldChange;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent edit}: changes fields of a record on the device, offline or not. */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description = {
      "Change fields of a record held on this device. The change is saved at once (shown by show",
      "and search), then uploaded: now if the service answers, else by the daemon or the next sync.",
      "Each field's base is the value you saw, so the service can merge it with changes made since.",
    },
    footer = {
      "",
      "Example: bin/primer agent edit r00000017 --set phone=+44-20-7946-0000 --note 'met on site'"
    })
final class EditCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Parameters(paramLabel = "RECORD_ID", description = "The record, e.g. r00000017 or new-...")
  String recordId;

  @Option(
      names = "--set",
      paramLabel = "FIELD=VALUE",
      required = true,
      description =
          "A field and its new value (field: [a-z][a-z0-9-]{0,63}; value: at most 4 KiB; empty"
              + " clears it). Repeat for more fields.")
  List<String> sets;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the back office.")
  Optional<String> note;

  @Option(
      names = "--offline",
      description = "Do not try to upload now (the daemon or the next sync does).")
  boolean offline;

  @Override
  public Integer call() {
    Map<String, String> values = FieldEdits.parse(sets);
    String noteText = FieldEdits.note(note);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Agent agent = Agent.open(home.home(), parent.context, err)) {
      LocalStore store = agent.store();
      Optional<EditedRecord> shown = Overlay.of(store, recordId);
      if (shown.isEmpty() && store.record(recordId).isEmpty()) {
        err.println("agent edit: " + recordId + " is not on this device");
        return AgentCli.FAILURE;
      }
      EditedRecord current =
          shown.orElseGet(() -> new EditedRecord(recordId, "", "", "", 0, false, List.of()));
      Instant now = parent.context.clock().instant();
      FieldEdits.Stamp stamp =
          FieldEdits.stamp(agent.config.userId(), now, EditUploader.clockOffset(store));
      List<FieldChange> changes = FieldEdits.changes(current, values);
      if (changes.isEmpty()) {
        out.println("nothing to change: " + recordId + " already shows " + String.join(", ", sets));
        return AgentCli.OK;
      }
      OutboxEntry saved =
          store.appendEdit(
              seq -> FieldEdits.update(seq, stamp, recordId, changes, noteText, ""), now);
      out.printf(
          "queued %s (seq %d): %s %s%n",
          saved.opId(),
          saved.seq(),
          recordId,
          changes.stream().map(FieldChange::field).collect(Collectors.joining(",")));
      out.flush();
      UploadNow.attempt(agent, offline, parent.context.clock(), err);
      return AgentCli.OK;
    } catch (ServiceException e) {
      // After the store is closed: a revoked device's store (and its pending edits) is deleted.
      throw Agent.stopIfRefused(home.home(), e, parent.context.clock());
    }
  }
}
