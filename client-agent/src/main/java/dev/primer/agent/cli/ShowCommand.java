package dev.primer.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.agent.edits.EditedRecord;
import dev.primer.agent.edits.Overlay;
import dev.primer.agent.store.AccessEvent;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.StoredRecord;
import dev.primer.protocol.ByteSizes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agent show}: prints a record from the device, or says it is not here. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Print records held on this device (exit 1 when any of them is not on the device).")
final class ShowCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @ParentCommand AgentCli parent;
  @Mixin HomeOption home;

  @Parameters(
      paramLabel = "RECORD_ID",
      arity = "1..*",
      description = "The records, e.g. r00000017; each is logged as a hit or a miss.")
  java.util.List<String> recordIds;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the content to FILE instead of printing it (one record only).")
  Path outFile;

  @Option(
      names = "--json",
      description =
          "Print each record as one JSON object (a line each): id, type, accountId, title,"
              + " version, fields (name to value, your pending values on top), pending, content.")
  boolean json;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() {
    if (outFile != null && json) {
      spec.commandLine().getErr().println("agent show: --out and --json do not go together");
      return AgentCli.USAGE;
    }
    if (outFile != null && recordIds.size() > 1) {
      spec.commandLine()
          .getErr()
          .println("agent show: --out takes one RECORD_ID, got " + recordIds.size());
      return AgentCli.USAGE;
    }
    PrintWriter out = spec.commandLine().getOut();
    int missing = 0;
    try (LocalStore store = Agent.openStore(home.home(), parent.context)) {
      for (int i = 0; i < recordIds.size(); i++) {
        if (i > 0 && !json) {
          out.println();
        }
        if (!show(store, recordIds.get(i), out)) {
          missing++;
        }
      }
    }
    return missing == 0 ? AgentCli.OK : AgentCli.FAILURE;
  }

  /** Prints one record and logs the access; false when it is not on the device. */
  private boolean show(LocalStore store, String recordId, PrintWriter out) {
    Optional<StoredRecord> found = store.record(recordId);
    String at = ZonedDateTime.now(parent.context.clock()).toOffsetDateTime().toString();
    store.logAccess(
        AccessEvent.of(Optional.of(recordId), at, found.isPresent() ? "hit" : "miss", ""));
    Optional<EditedRecord> edited = Overlay.of(store, recordId);
    if (json && (found.isPresent() || edited.isPresent())) {
      out.println(json(found, edited, recordId));
      return true;
    }
    if (found.isEmpty() && edited.isPresent()) {
      // Created on this device, or fetched after an edit outside the manifest: fields only.
      EditedRecord e = edited.get();
      out.printf(
          "%s  %s  %s  %s%n",
          e.recordId(),
          e.type(),
          e.createdHere() ? "created on this device" : "v" + e.serviceVersion(),
          e.title());
      out.println("account " + e.accountId());
      printFields(e, out);
      return true;
    }
    if (found.isEmpty()) {
      spec.commandLine().getErr().println("agent show: " + recordId + " is not on this device");
      return false;
    }
    StoredRecord r = found.get();
    out.printf("%s  %s  v%d  %s%n", r.recordId(), r.type(), r.version(), r.title());
    out.printf(
        "account %s, updated %s, %s, sha256 %s%n",
        r.accountId(), r.updatedAt(), ByteSizes.human(r.sizeBytes()), r.sha256());
    if (!r.reason().isEmpty()) {
      out.println("on this device because: " + r.reason());
    }
    if (!r.relatedIds().isEmpty()) {
      out.println("related: " + String.join(", ", r.relatedIds()));
    }
    edited.ifPresent(e -> printFields(e, out));
    try {
      writeContent(store, r, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the content of " + recordId, e);
    }
    return true;
  }

  /**
   * One record as a JSON object. {@code fields} maps each field to the value the rep sees (the
   * overlay applied), so scripts read it without knowing about the outbox; {@code pending} says
   * which of them are the rep's, not yet on the service's copy.
   */
  private static String json(
      Optional<StoredRecord> found, Optional<EditedRecord> edited, String recordId) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", recordId);
    o.put("type", found.map(StoredRecord::type).orElseGet(() -> edited.orElseThrow().type()));
    o.put(
        "accountId",
        found.map(StoredRecord::accountId).orElseGet(() -> edited.orElseThrow().accountId()));
    o.put("title", found.map(StoredRecord::title).orElseGet(() -> edited.orElseThrow().title()));
    o.put(
        "version",
        found.map(StoredRecord::version).orElseGet(() -> edited.orElseThrow().serviceVersion()));
    o.put("createdHere", edited.map(EditedRecord::createdHere).orElse(false));
    ObjectNode fields = o.putObject("fields");
    ArrayNode pending = o.putArray("pending");
    for (EditedRecord.Field f : edited.map(EditedRecord::fields).orElse(List.of())) {
      fields.put(f.name(), f.value());
      f.by()
          .ifPresent(
              op ->
                  pending
                      .addObject()
                      .put("field", f.name())
                      .put("opId", op.opId())
                      .put("seq", op.seq())
                      .put("state", op.state().wireName())
                      .put("serviceValue", f.serviceValue()));
    }
    found
        .flatMap(StoredRecord::content)
        .ifPresent(c -> o.put("content", new String(c, StandardCharsets.UTF_8)));
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + recordId + " as JSON", e);
    }
  }

  /** The fields as the rep sees them; a value of the rep's still on top says so. */
  static void printFields(EditedRecord e, PrintWriter out) {
    if (e.fields().isEmpty()) {
      return;
    }
    out.println("fields:");
    for (EditedRecord.Field f : e.fields()) {
      out.printf(
          "  %s: %s%s%n",
          f.name(),
          f.value(),
          f.by()
              .map(
                  op ->
                      "  ("
                          + (op.state().decided() ? op.state().wireName() : "pending")
                          + ", seq "
                          + op.seq()
                          + (f.serviceVersion() > 0 || !f.serviceValue().isEmpty()
                              ? "; service: " + f.serviceValue()
                              : "")
                          + ")")
              .orElse(""));
    }
  }

  private void writeContent(LocalStore store, StoredRecord r, PrintWriter out) throws IOException {
    if (outFile != null) {
      try (OutputStream file = Files.newOutputStream(outFile)) {
        if (r.content().isPresent()) {
          file.write(r.content().get());
        } else {
          store.blobs().copyTo(r.sha256(), file);
        }
      }
      out.println("content written to " + outFile);
    } else if (r.content().isPresent()) {
      out.println();
      out.println(new String(r.content().get(), StandardCharsets.UTF_8));
    } else {
      out.println(
          "large content (" + ByteSizes.human(r.sizeBytes()) + "): use --out FILE to save it");
    }
  }
}
