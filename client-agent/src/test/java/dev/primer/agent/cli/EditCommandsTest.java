package dev.primer.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.agent.config.AgentHome;
import dev.primer.agent.policy.WifiOnly;
import dev.primer.agent.store.LocalStore;
import dev.primer.agent.store.OutboxEntry;
import dev.primer.agent.store.StoredFields;
import dev.primer.agent.store.TestStore;
import dev.primer.protocol.edits.EditReceipt;
import dev.primer.protocol.edits.FieldReceipt;
import dev.primer.protocol.edits.Outcome;
import dev.primer.protocol.records.RecordField;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edit commands end to end on a home whose service is unreachable (port 1). */
class EditCommandsTest {
  static final Pattern QUEUED =
      Pattern.compile(
          "queued ([0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}) \\(seq (\\d+)\\): (.*)");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  record Run(int code, String out, String err) {}

  private Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = args[0];
    all[1] = "--home=" + home;
    System.arraycopy(args, 1, all, 2, args.length - 1);
    int code =
        AgentCli.run(
            new AgentContext(WifiOnly.NONE, Clock.systemUTC()),
            all,
            new PrintWriter(out),
            new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static Matcher queued(Run run) {
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines()).as(run.out()).hasSize(1);
    Matcher m = QUEUED.matcher(run.out().strip());
    assertThat(m.matches()).as(run.out()).isTrue();
    return m;
  }

  @BeforeEach
  void enrolledHomeWithOneContact() {
    new AgentHome(home).save(TestStore.unreachableConfig("tok"));
    try (LocalStore store = TestStore.open(home)) {
      store.putFields(
          List.of(
              new StoredFields(
                  "r1",
                  4,
                  "contact",
                  "a1",
                  "Ada Byrne",
                  List.of(
                      new RecordField("phone", "111", 2), new RecordField("role", "buyer", 1)))));
    }
  }

  @Test
  void editPrintsItsOpIdAndShowJsonHasTheRepsValueOnTop() throws Exception {
    Run edit = cli("edit", "r1", "--set", "phone=222", "--note", "met on site");
    Matcher m = queued(edit);
    assertThat(m.group(3)).isEqualTo("r1 phone");
    // The service is unreachable: a note, not an error.
    assertThat(edit.err()).contains("will upload when the service is reachable");

    Run show = cli("show", "r1", "--json");
    assertThat(show.code()).isZero();
    JsonNode record = JSON.readTree(show.out());
    assertThat(record.get("id").asText()).isEqualTo("r1");
    assertThat(record.get("fields").get("phone").asText()).isEqualTo("222");
    assertThat(record.get("fields").get("role").asText()).isEqualTo("buyer");
    assertThat(record.get("pending").get(0).get("opId").asText()).isEqualTo(m.group(1));

    assertThat(cli("show", "r1").out()).contains("phone: 222  (pending, seq 1; service: 111)");
    assertThat(cli("search", "222").out()).contains("r1").contains("edited");
  }

  @Test
  void settingAFieldToTheValueItShowsQueuesNothing() {
    Run run = cli("edit", "r1", "--set", "phone=111", "--offline");

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("nothing to change: r1 already shows phone=111\n");
    try (LocalStore store = TestStore.open(home)) {
      assertThat(store.edits()).isEmpty();
    }
  }

  @Test
  void pendingJsonListsEachOperationWithItsState() throws Exception {
    String first = queued(cli("edit", "r1", "--set", "phone=222", "--offline")).group(1);
    String second = queued(cli("edit", "r1", "--set", "phone=333", "--offline")).group(1);

    JsonNode pending = JSON.readTree(cli("pending", "--json").out());

    assertThat(pending.isArray()).isTrue();
    assertThat(pending).hasSize(2);
    assertThat(pending.get(0).get("opId").asText()).isEqualTo(first);
    assertThat(pending.get(1).get("opId").asText()).isEqualTo(second);
    assertThat(pending.get(1).get("seq").asLong()).isEqualTo(2);
    assertThat(pending.get(1).get("recordId").asText()).isEqualTo("r1");
    assertThat(pending.get(1).get("state").asText()).isEqualTo("pending");
    assertThat(pending.get(1).get("fields").get(0).asText()).isEqualTo("phone");
    // The second edit rests on the rep's own pending value.
    try (LocalStore store = TestStore.open(home)) {
      assertThat(store.edit(second).orElseThrow().op().changes().get(0).base()).isEqualTo("222");
    }
    assertThat(cli("status").out()).contains("edits: 2 pending");
  }

  @Test
  void createPrintsTheNewIdAndItsOpIdAndShowsTheRecord() throws Exception {
    Run create =
        cli(
            "create",
            "--type",
            "contact",
            "--account",
            "a1",
            "--set",
            "name=Cormac Quill",
            "--offline");
    Matcher m = queued(create);
    Matcher id = Pattern.compile("create (new-[0-9a-f-]{36}) contact in a1").matcher(m.group(3));
    assertThat(id.matches()).as(m.group(3)).isTrue();

    JsonNode record = JSON.readTree(cli("show", id.group(1), "--json").out());
    assertThat(record.get("fields").get("name").asText()).isEqualTo("Cormac Quill");
    assertThat(record.get("createdHere").asBoolean()).isTrue();
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    for (String[] args :
        List.of(
            new String[] {"edit", "r1", "--set", "phone"},
            new String[] {"edit", "r1", "--set", "Bad Name=1"},
            new String[] {"edit", "r1"},
            new String[] {"create", "--type", "Contact!", "--account", "a1", "--set", "name=x"},
            new String[] {"resolve", "0000", "--keep", "mine"})) {
      Run run = cli(args);
      assertThat(run.code()).as(String.join(" ", args)).isEqualTo(AgentCli.USAGE);
      assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    }
    Run missing = cli("edit", "r404", "--set", "phone=1");
    assertThat(missing.code()).isEqualTo(AgentCli.FAILURE);
    assertThat(missing.err().strip()).isEqualTo("agent edit: r404 is not on this device");
    assertThat(cli("edit", "--help").out()).contains("--set").contains("--note");
  }

  /** Puts the service's needs-review receipt on the rep's edit, as an upload would. */
  private void review(String opId) {
    try (LocalStore store = TestStore.open(home)) {
      OutboxEntry e = store.edit(opId).orElseThrow();
      store.keepReceipts(
          List.of(
              new EditReceipt(
                  opId,
                  e.seq(),
                  "r1",
                  Outcome.NEEDS_REVIEW,
                  "",
                  "phone changed meanwhile",
                  5,
                  List.of(
                      new FieldReceipt(
                          "phone", Outcome.NEEDS_REVIEW, "review", "111", "222", "999", "999", 3)),
                  "2026-05-04T09:00:00Z")),
          Instant.now());
    }
  }

  @Test
  void resolveMineSendsANewOperationOverTheirsNamingTheOneItResolves() {
    String opId = queued(cli("edit", "r1", "--set", "phone=222", "--offline")).group(1);
    review(opId);
    assertThat(cli("conflicts").out())
        .contains(opId)
        .contains("phone: base '111'  mine '222'  theirs '999' (v3)");

    Matcher m = queued(cli("resolve", opId, "--keep", "mine", "--offline"));

    assertThat(m.group(3)).isEqualTo("r1 phone, resolves " + opId);
    try (LocalStore store = TestStore.open(home)) {
      OutboxEntry resolution = store.edit(m.group(1)).orElseThrow();
      assertThat(resolution.op().resolves()).isEqualTo(opId);
      assertThat(resolution.op().changes().get(0))
          .isEqualTo(new dev.primer.protocol.edits.FieldChange("phone", "999", 3, "222"));
      assertThat(store.edit(opId).orElseThrow().inConflict()).isFalse();
    }
    assertThat(cli("conflicts").out()).contains("no conflicts");
  }

  @Test
  void resolveTheirsSendsTheServicesValueSoTheServiceClosesItsReviewToo() throws Exception {
    String opId = queued(cli("edit", "r1", "--set", "phone=222", "--offline")).group(1);
    review(opId);

    Matcher m = queued(cli("resolve", opId, "--keep", "theirs", "--offline"));

    try (LocalStore store = TestStore.open(home)) {
      OutboxEntry resolution = store.edit(m.group(1)).orElseThrow();
      assertThat(resolution.op().resolves()).isEqualTo(opId);
      assertThat(resolution.op().changes())
          .containsExactly(new dev.primer.protocol.edits.FieldChange("phone", "999", 3, "999"));
    }
    JsonNode record = JSON.readTree(cli("show", "r1", "--json").out());
    assertThat(record.get("fields").get("phone").asText()).isEqualTo("999");
    List<String> states = new ArrayList<>();
    JSON.readTree(cli("pending", "--json").out()).forEach(n -> states.add(n.get("state").asText()));
    assertThat(states).containsExactly("resolved", "pending");
  }
}
