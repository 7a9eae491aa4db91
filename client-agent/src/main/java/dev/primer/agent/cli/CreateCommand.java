package dev.primer.agent.cli;

import dev.primer.agent.edits.EditUploader;
import dev.primer.agent.edits.FieldEdits;
import dev.primer.agent.store.OutboxEntry;
import dev.primer.protocol.client.ServiceException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent create}: a new record (a contact met on site) made on the device. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a record on this device under an id made here (new-<uuid>), which the service keeps:",
      "it shows in show and search at once and is uploaded like an edit."
    },
    footer = {
      "",
      "Example: bin/primer agent create --type contact --account a0042 --set name='Ada Byrne'"
          + " --set phone=+353-1-555-0101"
    })
final class CreateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "TYPE",
      description = "The record type, e.g. contact.")
  String type;

  @Option(
      names = "--account",
      required = true,
      paramLabel = "ACCOUNT_ID",
      description = "The account the record belongs to.")
  String account;

  @Option(
      names = "--set",
      paramLabel = "FIELD=VALUE",
      required = true,
      description = "A field of the new record (repeat for more).")
  List<String> sets;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the back office.")
  Optional<String> note;

  @Option(names = "--offline", description = "Do not try to upload now.")
  boolean offline;

  @Override
  public Integer call() {
    String checkedType = FieldEdits.type(type);
    String checkedAccount = FieldEdits.account(account);
    Map<String, String> values = FieldEdits.parse(sets);
    String noteText = FieldEdits.note(note);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Agent agent = Agent.open(home.home(), parent.context, err)) {
      Instant now = parent.context.clock().instant();
      String recordId = FieldEdits.newRecordId(now);
      FieldEdits.Stamp stamp =
          FieldEdits.stamp(agent.config.userId(), now, EditUploader.clockOffset(agent.store()));
      OutboxEntry saved =
          agent
              .store()
              .appendEdit(
                  seq ->
                      FieldEdits.create(
                          seq, stamp, recordId, checkedType, checkedAccount, values, noteText),
                  now);
      out.printf(
          "queued %s (seq %d): create %s %s in %s%n",
          saved.opId(), saved.seq(), recordId, checkedType, checkedAccount);
      out.flush();
      UploadNow.attempt(agent, offline, parent.context.clock(), err);
      return AgentCli.OK;
    } catch (ServiceException e) {
      throw Agent.stopIfRefused(home.home(), e, parent.context.clock());
    }
  }
}
