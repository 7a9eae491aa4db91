package dev.primer.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * At least a thousand malformed requests, generated from a seed: broken iCalendar, GeoJSON and
 * NDJSON, corrupt model bundles, bad manifest parameters, oversized bodies, wrong roles and forged
 * tokens, values PostgreSQL cannot store (U+0000, extreme dates and numbers) in every import and
 * device route, zip and calendar bombs, and tokens that name nobody. Each is built from a valid
 * input so that it fails in one specific way.
 *
 * <p>Categories with a stricter promise than "no 5xx": {@value #BOMB} must be a 413/422 problem
 * that names the limit, {@value #NO_SUBJECT} must be a 401 problem.
 */
final class BadInputCorpus {
  /** One request of the corpus; {@code token} is sent as the bearer token (empty: none). */
  record BadRequest(
      String category,
      String method,
      String path,
      String token,
      Map<String, String> headers,
      byte[] body) {
    @Override
    public String toString() {
      String preview = new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8);
      return category + ": " + method + " " + path + " [" + preview.replace('\n', ' ') + "]";
    }
  }

  /** Who and what the corpus aims at: users, a device and the valid inputs it mutates. */
  record Target(
      String user,
      String otherUser,
      String calendarUser,
      String deviceId,
      String otherDeviceId,
      String recordId,
      String draftId) {}

  /** Bodies that would cost the service far more than their size: refused, naming the limit. */
  static final String BOMB = "bomb";

  /** Validly signed tokens without {@code sub}: refused with 401. */
  static final String NO_SUBJECT = "no-sub";

  /**
   * Times no column should hold: year 0, the far future and past, the ends of what a Java Instant
   * holds (an epoch in milliseconds overflows there), and years outside the business range.
   */
  static final String[] EXTREME_TIMES = {
    "0000-01-01T00:00:00Z",
    "+300000-01-01T00:00:00Z",
    "-999999999-01-01T00:00:00Z",
    "+999999999-12-31T23:59:59Z",
    "-0001-06-01T00:00:00Z",
    "1800-01-01T00:00:00Z",
    "10000-01-01T00:00:00Z"
  };

  static final String VALID_USER =
      "{\"id\":\"u-drill\",\"name\":\"Drill User\",\"email\":\"u-drill@fieldteam.example\","
          + "\"timezone\":\"America/Chicago\",\"home\":{\"lat\":41.9,\"lon\":-87.7},"
          + "\"territoryIds\":[],\"teamId\":\"chicago\",\"role\":\"sales\"}";

  static final String VALID_ACCOUNT =
      "{\"id\":\"a-drill\",\"name\":\"Drill Co\",\"domain\":\"drill.example\","
          + "\"address\":\"3 Drill St\",\"lat\":41.88,\"lon\":-87.63,\"ownerId\":\"u1\"}";

  static final String VALID_INTERACTION =
      "{\"userId\":\"u1\",\"recordId\":\"r1\",\"at\":\"2026-03-01T08:00:00Z\",\"kind\":\"view\"}";

  static final String VALID_SHARE = "{\"accountId\":\"a1\",\"userId\":\"u3\"}";

  static final String VALID_EVENT =
      "{\"eventId\":\"e-drill\",\"recordId\":\"r1\",\"at\":\"2026-03-01T08:00:00Z\","
          + "\"kind\":\"miss\",\"query\":\"pump\"}";

  static final String VALID_CALENDAR =
      String.join(
          "\r\n",
          "BEGIN:VCALENDAR",
          "VERSION:2.0",
          "PRODID:-//Primer drill//EN",
          "BEGIN:VEVENT",
          "UID:visit-1@drill",
          "DTSTAMP:20260301T080000Z",
          "DTSTART;TZID=America/Chicago:20260302T090000",
          "DTEND;TZID=America/Chicago:20260302T100000",
          "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10",
          "SUMMARY:Visit ACME Pumps",
          "LOCATION:41.88,-87.63",
          "END:VEVENT",
          "END:VCALENDAR",
          "");

  static final String VALID_TERRITORY =
      "{\"type\":\"Feature\",\"properties\":{\"id\":\"t-drill\",\"name\":\"Drill\"},"
          + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
          + "[[[-88.0,41.5],[-87.5,41.5],[-87.5,42.0],[-88.0,42.0],[-88.0,41.5]]]}}";

  static final String VALID_RECORD =
      "{\"id\":\"r-drill\",\"accountId\":\"a-drill\",\"type\":\"contact\",\"title\":\"Drill contact\","
          + "\"sizeBytes\":1000,\"version\":1,\"updatedAt\":\"2026-03-01T08:00:00Z\",\"relatedIds\":[]}";

  private final SplittableRandom random;
  private final Target target;
  private final List<BadRequest> requests = new ArrayList<>();

  private BadInputCorpus(long seed, Target target) {
    this.random = new SplittableRandom(seed);
    this.target = target;
  }

  static List<BadRequest> generate(long seed, Target target) {
    BadInputCorpus corpus = new BadInputCorpus(seed, target);
    corpus.calendars();
    corpus.territories();
    corpus.imports();
    corpus.bundles();
    corpus.manifestParameters();
    corpus.oversized();
    corpus.roles();
    corpus.tokens();
    corpus.unstorableValues();
    corpus.bombs();
    corpus.tokensWithoutSubject();
    corpus.edits();
    corpus.territoryModels();
    corpus.logins();
    corpus.budgets();
    return List.copyOf(corpus.requests);
  }

  private void add(
      String category, String method, String path, String token, String type, byte[] body) {
    requests.add(
        new BadRequest(
            category,
            method,
            path,
            token,
            type.isEmpty() ? Map.of() : Map.of("Content-Type", type),
            body));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private String integrator() {
    return DevTokens.of("integration-bot", "integrator");
  }

  private String admin() {
    return DevTokens.of("admin-1", "admin");
  }

  private String device() {
    return DevTokens.of(target.user(), "device");
  }

  // --- device budgets and the hit rate over time -----------------------------------------

  private void budgets() {
    String json = "application/json";
    String user = "/v1/budgets/users/" + target.user();
    for (String body :
        List.of(
            "",
            "null",
            "[]",
            "{",
            "{}",
            "{\"bytes\": 0}",
            "{\"bytes\": -1}",
            "{\"bytes\": 1.5e300}",
            "{\"bytes\": 99999999999999999999999}",
            "{\"bytes\": \"512MiB\"}",
            "{\"bytes\": null}")) {
      add("budget", "PUT", user, admin(), json, utf8(body));
      add("budget", "PUT", "/v1/budgets/roles/service", admin(), json, utf8(body));
    }
    add("budget", "PUT", user, admin(), json, randomBytes(500));
    for (String subject : List.of("pilot", "%00", "..%2f..", "x".repeat(300))) {
      add(
          "budget",
          "PUT",
          "/v1/budgets/roles/" + subject,
          admin(),
          json,
          utf8("{\"bytes\": 1000}"));
      add(
          "budget",
          "PUT",
          "/v1/budgets/users/" + subject,
          admin(),
          json,
          utf8("{\"bytes\": 1000}"));
      add("budget", "DELETE", "/v1/budgets/users/" + subject, admin(), "", new byte[0]);
    }
    add("budget", "PUT", user, device(), json, utf8("{\"bytes\": 1000}"));
    add("budget", "GET", "/v1/budgets", device(), "", new byte[0]);
    String rate = "/v1/admin/users/" + target.user() + "/hit-rate?days=";
    for (String days : List.of("0", "-3", "367", "1e3", "week", "%00")) {
      add("budget", "GET", rate + days, admin(), "", new byte[0]);
    }
    add("budget", "GET", "/v1/admin/users/nobody/hit-rate", admin(), "", new byte[0]);
    add("budget", "GET", rate + "7", device(), "", new byte[0]);
  }

  // --- territory models and the console's login -------------------------------------------

  private void territoryModels() {
    String draft = "/v1/territory-models/" + target.draftId();
    String nul = "\u0000";
    String huge = "x".repeat(5000);
    List<String> broken = new ArrayList<>();
    broken.add("");
    broken.add("{");
    broken.add("{\"type\":\"Feature\"}");
    broken.add(VALID_TERRITORY.replace("\"Polygon\"", "\"Point\""));
    broken.add(VALID_TERRITORY.replace("[-87.5,42.0]", "[-87.5,42.0],[-87.5,41.5],[-88.0,42.0]"));
    broken.add(VALID_TERRITORY.replace("\"id\":\"t-drill\"", "\"id\":\"other-id\""));
    broken.add(VALID_TERRITORY.replace("\"name\":\"Drill\"", "\"name\":\"Dr\\u0000ill\""));
    broken.addAll(truncations(VALID_TERRITORY, 30, 5));
    for (String body : broken) {
      add(
          "territory-models",
          "PUT",
          draft + "/territories/t-drill",
          admin(),
          "application/geo+json",
          utf8(body));
    }
    for (String days : List.of("0", "-1", "15", "abc", "99999999999", "1.5", "%00")) {
      add("territory-models", "GET", draft + "/preview?days=" + days, admin(), "", new byte[0]);
    }
    for (String budget : List.of("0", "-5", "abc", "1e9", "99999999999999999999")) {
      add("territory-models", "GET", draft + "/preview?budget=" + budget, admin(), "", new byte[0]);
    }
    for (String body :
        List.of(
            "",
            "{}",
            "null",
            "\"t-main\"",
            "[1,2]",
            "[\"t-none\"]",
            "[\"t" + nul + "\"]",
            "[\"" + huge + "\"]")) {
      add(
          "territory-models",
          "PUT",
          draft + "/assignments/" + target.user(),
          admin(),
          "application/json",
          utf8(body));
    }
    add(
        "territory-models",
        "PUT",
        draft + "/assignments/nobody",
        admin(),
        "application/json",
        utf8("[]"));
    for (String id : List.of("tm-none", "tm%00x", huge.substring(0, 3000), "..%2F..%2Fetc")) {
      add("territory-models", "GET", "/v1/territory-models/" + id, admin(), "", new byte[0]);
      add(
          "territory-models",
          "POST",
          "/v1/territory-models/" + id + "/activate",
          admin(),
          "",
          new byte[0]);
      add(
          "territory-models",
          "GET",
          "/v1/territory-models/" + id + "/preview",
          admin(),
          "",
          new byte[0]);
    }
    for (String body : List.of("{", "[]", "{\"note\":" + "\"" + huge + "\"}", "{\"note\":42}")) {
      add(
          "territory-models",
          "POST",
          "/v1/territory-models",
          admin(),
          "application/json",
          utf8(body));
    }
    // Other roles.
    add("territory-models", "GET", "/v1/territory-models", device(), "", new byte[0]);
    add("territory-models", "POST", draft + "/activate", integrator(), "", new byte[0]);
    add(
        "territory-models",
        "PUT",
        draft + "/territories/t-drill",
        device(),
        "application/geo+json",
        utf8(VALID_TERRITORY));
  }

  /** The console's login form: refused tokens answer the login page with the reason. */
  private void logins() {
    String form = "application/x-www-form-urlencoded";
    for (String body :
        List.of(
            "",
            "token=",
            "token=not.a.token",
            "token=%00",
            "token=" + "a".repeat(20_000),
            "token=" + DevTokens.of("u1", "device"),
            "token=pdt_0123456789",
            "tok=x",
            "token=%ZZ")) {
      add("login", "POST", "/admin/login", "", form, utf8(body));
    }
    add("login", "POST", "/admin/login", "", "application/json", utf8("{\"token\":\"x\"}"));
  }

  // --- iCalendar --------------------------------------------------------------------------

  private void calendars() {
    // Partly valid calendars are stored with their problems listed (one broken event must not
    // lose the others), so they go to a user who had none: nothing stored before is touched.
    String path = "/v1/users/" + target.calendarUser() + "/calendar";
    String[] lines = VALID_CALENDAR.split("\r\n");
    List<String> broken = new ArrayList<>();
    broken.add("");
    broken.add("not a calendar at all");
    broken.add("BEGIN:VCALENDAR\r\n");
    broken.add(VALID_CALENDAR.replace("END:VCALENDAR", ""));
    broken.add(VALID_CALENDAR.replace("END:VEVENT\r\n", ""));
    broken.add(VALID_CALENDAR.replace("BEGIN:VEVENT", "BEGIN:VEVENT\r\nBEGIN:VEVENT"));
    String[] badValues = {
      "DTSTART;TZID=America/Chicago:2026-03-02",
      "DTSTART:garbage",
      "DTSTART;TZID=Nowhere/Land:20260302T090000",
      "DTSTART:99999999T999999",
      "DTEND:19000101T000000Z",
      "RRULE:FREQ=FOO",
      "RRULE:FREQ=WEEKLY;COUNT=-3",
      "RRULE:FREQ=WEEKLY;BYDAY=XX",
      "RRULE:FREQ=SECONDLY",
      "RRULE:FREQ=MONTHLY;BYMONTHDAY=40",
      "RRULE:FREQ=YEARLY;BYSETPOS=0",
      "RRULE:FREQ=DAILY;UNTIL=notadate",
      "RRULE:",
      "RRULE:FREQ=WEEKLY;INTERVAL=0",
      "EXDATE:2026",
      "RECURRENCE-ID:xyz",
      "LOCATION:999,999",
      "GEO:abc;def",
      "STATUS:MAYBE",
      "DURATION:PXYZ",
      "UID:",
      ":no name",
      "DTSTART;VALUE=DATE:20260230",
      "DTSTART;TZID=\"unterminated:20260302T090000"
    };
    for (String bad : badValues) {
      String property = bad.substring(0, Math.max(bad.indexOf(':'), 0)).split(";")[0];
      StringBuilder s = new StringBuilder();
      boolean replaced = false;
      for (String line : lines) {
        if (!replaced && !property.isEmpty() && line.startsWith(property)) {
          s.append(bad).append("\r\n");
          replaced = true;
        } else {
          s.append(line).append("\r\n");
        }
        if (!replaced && line.equals("UID:visit-1@drill") && property.isEmpty()) {
          s.append(bad).append("\r\n");
          replaced = true;
        }
      }
      if (!replaced) {
        s.insert(s.indexOf("END:VEVENT"), bad + "\r\n");
      }
      broken.add(s.toString());
    }
    // Cut at random places: every truncation is a calendar that ends mid-way.
    broken.addAll(truncations(VALID_CALENDAR, 120, 20));
    broken.addAll(damaged(VALID_CALENDAR, 120, ":;=\",\\\u0000\u00ff"));
    broken.add("BEGIN:VCALENDAR\r\nX-LONG:" + "x".repeat(200_000) + "\r\nEND:VCALENDAR\r\n");
    for (String body : broken) {
      add("icalendar", "PUT", path, integrator(), "text/calendar", utf8(body));
    }
    add("icalendar", "PUT", path, integrator(), "text/calendar", randomBytes(4000));
    add("icalendar", "PUT", path, integrator(), "application/json", utf8(VALID_CALENDAR));
    add(
        "icalendar",
        "PUT",
        "/v1/users/%2e%2e/calendar",
        integrator(),
        "text/calendar",
        utf8(VALID_CALENDAR));
  }

  // --- GeoJSON ----------------------------------------------------------------------------

  private void territories() {
    String put = "/v1/territories/t-drill";
    List<String> broken = new ArrayList<>();
    broken.add("");
    broken.add("{");
    broken.add("[]");
    broken.add("null");
    broken.add("{\"type\":\"Feature\"}");
    broken.add("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"id\":\"t-drill\"}}");
    broken.add(VALID_TERRITORY.replace("\"Polygon\"", "\"Point\""));
    broken.add(VALID_TERRITORY.replace("\"Polygon\"", "\"LineString\""));
    broken.add(VALID_TERRITORY.replace("\"Polygon\"", "\"Circle\""));
    broken.add(VALID_TERRITORY.replace("\"Feature\"", "\"FeatureCollection\""));
    broken.add(VALID_TERRITORY.replace(",[-88.0,41.5]]]", "]]"));
    broken.add(VALID_TERRITORY.replace("[[[-88.0,41.5],[-87.5,41.5],", "[[[-88.0,41.5],"));
    broken.add(VALID_TERRITORY.replace("[-87.5,42.0]", "[-87.5,42.0],[-87.5,41.5],[-88.0,42.0]"));
    broken.add(VALID_TERRITORY.replace("-88.0,41.5", "41.5,-188.0"));
    broken.add(VALID_TERRITORY.replace("42.0", "142.0"));
    broken.add(VALID_TERRITORY.replace("-87.5,41.5", "\"x\",41.5"));
    broken.add(VALID_TERRITORY.replace("-87.5,41.5", "1e999,41.5"));
    broken.add(VALID_TERRITORY.replace("-87.5,41.5", "-87.5"));
    broken.add(VALID_TERRITORY.replace("\"coordinates\":", "\"coords\":"));
    broken.add(VALID_TERRITORY.replace("[[[-88.0", "[[[[[[[[-88.0"));
    broken.add(VALID_TERRITORY.replace("\"id\":\"t-drill\"", "\"id\":\"other-id\""));
    broken.add(VALID_TERRITORY.replace("\"id\":\"t-drill\"", "\"id\":42"));
    broken.add(VALID_TERRITORY.replace("\"name\":\"Drill\"", "\"name\":\"Dr\\u0000ill\""));
    // A hole outside its shell.
    broken.add(
        VALID_TERRITORY.replace(
            "[-88.0,41.5]]]",
            "[-88.0,41.5]],[[-80.0,30.0],[-79.0,30.0],[-79.0,31.0],[-80.0,30.0]]]"));
    // Random truncations and byte damage.
    broken.addAll(truncations(VALID_TERRITORY, 100, 2));
    broken.addAll(damaged(VALID_TERRITORY, 100, "{}[],:\"-9e"));
    for (String body : broken) {
      add("geojson", "PUT", put, admin(), "application/geo+json", utf8(body));
      add(
          "geojson",
          "POST",
          "/v1/territories:validate",
          admin(),
          "application/geo+json",
          utf8(body));
    }
    add("geojson", "PUT", put, admin(), "application/geo+json", randomBytes(3000));
    add(
        "geojson",
        "PUT",
        "/v1/users/" + target.user() + "/territories",
        admin(),
        "application/json",
        utf8("{\"not\":\"a list\"}"));
    add(
        "geojson",
        "PUT",
        "/v1/users/" + target.user() + "/territories",
        admin(),
        "application/json",
        utf8("[1,2,"));
  }

  // --- NDJSON imports ---------------------------------------------------------------------

  private void imports() {
    List<String> lines = new ArrayList<>();
    lines.add("{");
    lines.add("not json");
    lines.add("[]");
    lines.add("{}");
    lines.add(VALID_RECORD.replace("\"sizeBytes\":1000", "\"sizeBytes\":0"));
    lines.add(VALID_RECORD.replace("\"sizeBytes\":1000", "\"sizeBytes\":-5"));
    lines.add(VALID_RECORD.replace("\"sizeBytes\":1000", "\"sizeBytes\":\"big\""));
    lines.add(VALID_RECORD.replace("\"version\":1", "\"version\":0"));
    lines.add(VALID_RECORD.replace("\"type\":\"contact\"", "\"type\":\"spaceship\""));
    lines.add(VALID_RECORD.replace("2026-03-01T08:00:00Z", "yesterday"));
    lines.add(VALID_RECORD.replace("\"id\":\"r-drill\",", ""));
    lines.add(VALID_RECORD.replace("\"accountId\":\"a-drill\",", ""));
    lines.add(VALID_RECORD.replace("\"relatedIds\":[]", "\"relatedIds\":\"r1\""));
    // PostgreSQL text cannot hold U+0000: it must be refused, not crash the insert.
    lines.add(VALID_RECORD.replace("Drill contact", "Drill\\u0000contact"));
    lines.add(VALID_RECORD.replace("\"id\":\"r-drill\"", "\"id\":\"r\\u0000\""));
    lines.addAll(truncations(VALID_RECORD, 80, 2));
    for (String line : lines) {
      add(
          "ndjson",
          "POST",
          "/v1/import/records",
          integrator(),
          "application/x-ndjson",
          utf8(line + "\n"));
    }
    String[] others = {
      "{\"id\":\"u-x\"}",
      "{\"id\":\"u-x\",\"timezone\":\"Mars/Olympus\"}",
      "{\"userId\":\"u1\",\"recordId\":\"r1\",\"at\":\"never\",\"kind\":\"view\"}",
      "{\"userId\":\"u1\",\"recordId\":\"r1\",\"at\":\"2026-03-01T08:00:00Z\",\"kind\":\"teleport\"}",
      "{\"id\":\"a-x\",\"lat\":\"north\",\"lon\":0}",
      "{\"id\":\"a-x\",\"lat\":95,\"lon\":200}",
    };
    String[] kinds = {"users", "users", "interactions", "interactions", "accounts", "accounts"};
    for (int i = 0; i < others.length; i++) {
      add(
          "ndjson",
          "POST",
          "/v1/import/" + kinds[i],
          integrator(),
          "application/x-ndjson",
          utf8(others[i] + "\n"));
    }
    Map<String, String> gzip =
        Map.of("Content-Type", "application/x-ndjson", "Content-Encoding", "gzip");
    requests.add(
        new BadRequest(
            "ndjson", "POST", "/v1/import/records", integrator(), gzip, utf8(VALID_RECORD)));
    requests.add(
        new BadRequest(
            "ndjson", "POST", "/v1/import/records", integrator(), gzip, randomBytes(500)));
    add(
        "ndjson",
        "POST",
        "/v1/import/spaceships",
        integrator(),
        "application/x-ndjson",
        utf8(VALID_RECORD));
    add(
        "ndjson",
        "POST",
        "/v1/import/records",
        integrator(),
        "application/x-ndjson",
        randomBytes(2000));
  }

  // --- model bundles ----------------------------------------------------------------------

  private void bundles() {
    String scientist = DevTokens.of("ds-1", "data-scientist");
    for (int i = 0; i < 40; i++) {
      add(
          "bundle",
          "POST",
          "/v1/models",
          scientist,
          "application/zip",
          randomBytes(1 + random.nextInt(5000)));
    }
    byte[] zip =
        zip(Map.of("model.txt", utf8("not a model"), "schema.json", utf8("{\"hash\":\"x\"}")));
    add("bundle", "POST", "/v1/models", scientist, "application/zip", zip);
    add("bundle", "POST", "/v1/models", scientist, "application/zip", zip(Map.of()));
    for (int i = 0; i < 20; i++) {
      add(
          "bundle",
          "POST",
          "/v1/models",
          scientist,
          "application/zip",
          Arrays.copyOf(zip, random.nextInt(zip.length)));
    }
    add("bundle", "POST", "/v1/models", scientist, "application/zip", new byte[0]);
    add("bundle", "POST", "/v1/models/no-such-model/activate", scientist, "", new byte[0]);
    // Evaluation reports: checked before the model is looked up, so each is refused for itself.
    String evaluation = "/v1/models/no-such-model/evaluation";
    String result =
        "{\"selector\":\"model\",\"budgetBytes\":1000,\"hitRate\":0.5,\"byteHitRate\":0.5,"
            + "\"recordsPerUserDay\":1,\"wastedBytesPerUserDay\":1,\"userDays\":1}";
    for (String body :
        List.of(
            "",
            "null",
            "[]",
            "{\"results\": 5",
            "{}",
            "{\"fromDay\":\"2026-03-01\",\"toDay\":\"2026-03-02\",\"results\":[]}",
            "{\"fromDay\":\"March\",\"toDay\":\"2026-03-02\",\"results\":[" + result + "]}",
            "{\"fromDay\":\"2026-03-01\",\"toDay\":\"2026-03-02\",\"results\":["
                + result.replace("0.5,\"byteHit", "7,\"byteHit")
                + "]}",
            "{\"fromDay\":\"2026-03-01\",\"toDay\":\"2026-03-02\",\"results\":["
                + result.replace("\"model\"", "\"\\u0000\"")
                + "]}",
            "{\"fromDay\":\"2026-03-01\",\"toDay\":\"2026-03-02\",\"results\":["
                + result.replace("1000", "-1")
                + "],\"calibration\":[{\"predicted\":2,\"observed\":-1,\"candidates\":1}]}",
            "{\"fromDay\":\"2026-03-01\",\"toDay\":\"2026-03-02\",\"results\":["
                + result
                + "],\"topFeatures\":[{\"name\":\""
                + "x".repeat(5000)
                + "\",\"weight\":1}]}")) {
      add("bundle", "PUT", evaluation, scientist, "application/json", utf8(body));
    }
    add("bundle", "PUT", evaluation, scientist, "application/json", randomBytes(2000));
    add("bundle", "PUT", evaluation, admin(), "application/json", utf8("{}"));
  }

  // --- manifest parameters ----------------------------------------------------------------

  private void manifestParameters() {
    String base = "/v1/devices/" + target.deviceId();
    String[] budgets = {
      "-1", "0", "abc", "1e99", "99999999999999999999999", "", "1.5", "%00", "NaN", "-0"
    };
    for (String b : budgets) {
      add("manifest", "GET", base + "/manifest?budget=" + b, device(), "", new byte[0]);
    }
    String[] sinces = {"-5", "abc", "1.5", "99999999999999999999999", "%20"};
    for (String s : sinces) {
      add(
          "manifest",
          "GET",
          base + "/manifest?budget=1000000&since=" + s,
          device(),
          "",
          new byte[0]);
    }
    add(
        "manifest",
        "GET",
        "/v1/devices/no-such-device/manifest?budget=1000000",
        device(),
        "",
        new byte[0]);
    add(
        "manifest",
        "GET",
        "/v1/devices/" + "x".repeat(5000) + "/manifest?budget=1",
        device(),
        "",
        new byte[0]);
    for (String id : new String[] {"no-such-device", "x".repeat(5000), "%00", "..%2F..%2Fetc"}) {
      add("reviews", "GET", "/v1/devices/" + id + "/reviews", device(), "", new byte[0]);
    }
    String[] fetchBodies = {
      "",
      "{",
      "{\"ids\":\"r1\"}",
      "{\"ids\":[1,2]}",
      "{\"ids\":null}",
      "[]",
      "{\"ids\":[" + "\"r\",".repeat(1500) + "\"r\"]}"
    };
    for (String f : fetchBodies) {
      add("manifest", "POST", base + "/records:fetch", device(), "application/json", utf8(f));
    }
    String[] telemetry = {
      "{",
      "{\"eventId\":\"e1\"}",
      "{\"eventId\":\"e1\",\"recordId\":\"r1\",\"at\":\"x\",\"kind\":\"hit\"}",
      "{\"eventId\":\"e1\",\"recordId\":\"r1\",\"at\":\"2026-03-01T08:00:00Z\",\"kind\":\"teleport\"}"
    };
    for (String t : telemetry) {
      add(
          "manifest",
          "POST",
          base + "/telemetry",
          device(),
          "application/x-ndjson",
          utf8(t + "\n"));
    }
    String[] blobs = {"zz", "../../etc/passwd", "0".repeat(64), "%2e%2e%2f"};
    for (String b : blobs) {
      add("manifest", "GET", "/v1/blobs/" + b, device(), "", new byte[0]);
    }
    String[] previews = {"-1", "x", ""};
    for (String p : previews) {
      add(
          "manifest",
          "GET",
          "/v1/users/" + target.user() + "/preview?budget=" + p,
          admin(),
          "",
          new byte[0]);
    }
    add("manifest", "POST", "/v1/devices", device(), "application/json", utf8("{\"name\": 5"));
    add(
        "manifest",
        "POST",
        "/v1/devices",
        device(),
        "application/json",
        utf8("{\"name\":\"" + "n".repeat(10_000) + "\"}"));
  }

  // --- oversized bodies -------------------------------------------------------------------

  private void oversized() {
    byte[] big = new byte[300 * 1024 * 1024];
    Arrays.fill(big, (byte) 'x');
    add(
        "oversized",
        "PUT",
        "/v1/users/" + target.user() + "/calendar",
        integrator(),
        "text/calendar",
        big);
    add("oversized", "PUT", "/v1/territories/t-drill", admin(), "application/geo+json", big);
    add(
        "oversized",
        "POST",
        "/v1/devices/" + target.deviceId() + "/records:fetch",
        device(),
        "application/json",
        big);
    add(
        "oversized",
        "POST",
        "/v1/devices/" + target.deviceId() + "/telemetry",
        device(),
        "application/x-ndjson",
        big);
  }

  // --- roles ------------------------------------------------------------------------------

  private void roles() {
    String[][] calls = {
      {"POST", "/v1/import/records", "application/x-ndjson", VALID_RECORD},
      {"PUT", "/v1/territories/t-drill", "application/geo+json", VALID_TERRITORY},
      {"PUT", "/v1/users/" + target.user() + "/calendar", "text/calendar", VALID_CALENDAR},
      {"POST", "/v1/models/x/activate", "", ""},
      {"GET", "/v1/users/" + target.user() + "/preview?budget=1000", "", ""},
      {"GET", "/v1/devices/" + target.deviceId() + "/manifest?budget=1000", "", ""},
      {"DELETE", "/v1/territories/t-drill", "", ""},
    };
    String[] roles = {"device", "admin", "data-scientist", "integrator", "nobody"};
    String[] allowed = {
      "integrator", "admin", "integrator", "data-scientist", "admin", "device", "admin"
    };
    for (int c = 0; c < calls.length; c++) {
      for (String role : roles) {
        if (role.equals(allowed[c])) {
          continue;
        }
        String user = role.equals("device") ? target.user() : "someone";
        add(
            "role",
            calls[c][0],
            calls[c][1],
            DevTokens.of(user, role),
            calls[c][2],
            utf8(calls[c][3]));
      }
    }
    // A device of another user, and its records and blobs.
    String other = DevTokens.of(target.otherUser(), "device");
    add(
        "role",
        "GET",
        "/v1/devices/" + target.deviceId() + "/manifest?budget=1000000",
        other,
        "",
        new byte[0]);
    add(
        "role",
        "POST",
        "/v1/devices/" + target.deviceId() + "/records:fetch",
        other,
        "application/json",
        utf8("{\"ids\":[\"" + target.recordId() + "\"]}"));
    add(
        "role",
        "POST",
        "/v1/devices/" + target.deviceId() + "/telemetry",
        other,
        "application/x-ndjson",
        utf8(
            "{\"eventId\":\"e-x\",\"recordId\":\"r1\",\"at\":\"2026-03-01T08:00:00Z\",\"kind\":\"hit\"}\n"));
    add(
        "role",
        "GET",
        "/v1/devices/" + target.otherDeviceId() + "/manifest?budget=1000000",
        device(),
        "",
        new byte[0]);
    add(
        "role",
        "GET",
        "/v1/devices/" + target.otherDeviceId() + "/reviews",
        device(),
        "",
        new byte[0]);
  }

  // --- tokens -----------------------------------------------------------------------------

  private void tokens() {
    String user = target.user();
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bad.add(DevTokens.forged(user, "device"));
    }
    bad.add(DevTokens.expired(user, "device"));
    bad.add(DevTokens.wrongIssuer(user, "device"));
    bad.add(DevTokens.foreignAudience(user, "device"));
    bad.add(DevTokens.noAudience(user, "device"));
    bad.add(DevTokens.yearLong(user, "device"));
    bad.add(DevTokens.withoutIssuedAt(user, "device"));
    bad.add(DevTokens.tampered(user, "device", "admin"));
    bad.add(DevTokens.unsigned(user, "device"));
    bad.add("");
    bad.add("garbage");
    bad.add("a.b.c");
    bad.add(DevTokens.of(user, "device").substring(10));
    for (int i = 0; i < 20; i++) {
      char[] t = DevTokens.of(user, "device").toCharArray();
      int at = random.nextInt(t.length);
      t[at] = t[at] == 'A' ? 'B' : 'A';
      bad.add(new String(t));
    }
    String[] paths = {
      "/v1/devices/" + target.deviceId() + "/manifest?budget=1000000",
      "/v1/territories",
      "/v1/models",
    };
    for (String token : bad) {
      for (String path : paths) {
        if (token.isEmpty()) {
          requests.add(new BadRequest("token", "GET", path, "", Map.of(), new byte[0]));
        } else {
          add("token", "GET", path, token, "", new byte[0]);
        }
      }
    }
    requests.add(
        new BadRequest(
            "token",
            "GET",
            paths[0],
            "",
            Map.of("Authorization", "Basic dXNlcjpwYXNz"),
            new byte[0]));
    // Operations endpoints: metrics and the API description are for admins only.
    for (String path : List.of("/q/metrics", "/q/openapi")) {
      requests.add(new BadRequest("token", "GET", path, "", Map.of(), new byte[0]));
      add("role", "GET", path, DevTokens.of(user, "device"), "", new byte[0]);
    }
  }

  // --- values PostgreSQL cannot store, in every import and device route ---------------------

  private void unstorableValues() {
    String nul = "\\u0000";
    String huge = "x".repeat(300_000);
    Map<String, List<String>> lines = new java.util.LinkedHashMap<>();
    List<String> records = new ArrayList<>();
    for (String t : EXTREME_TIMES) {
      records.add(VALID_RECORD.replace("2026-03-01T08:00:00Z", t));
    }
    records.add(VALID_RECORD.replace("\"version\":1", "\"version\":9223372036854775807"));
    records.add(VALID_RECORD.replace("\"version\":1", "\"version\":9223372036854775806"));
    records.add(VALID_RECORD.replace("\"version\":1", "\"version\":9223372036854775808"));
    records.add(VALID_RECORD.replace("\"version\":1", "\"version\":1e300"));
    records.add(VALID_RECORD.replace("\"sizeBytes\":1000", "\"sizeBytes\":9223372036854775807"));
    records.add(VALID_RECORD.replace("\"relatedIds\":[]", "\"relatedIds\":[\"r" + nul + "\"]"));
    records.add(
        VALID_RECORD.replace("\"accountId\":\"a-drill\"", "\"accountId\":\"a" + nul + "\""));
    records.add(VALID_RECORD.replace("Drill contact", huge));
    records.add(VALID_RECORD.replace("\"id\":\"r-drill\"", "\"id\":\"" + huge + "\""));
    lines.put("records", records);
    lines.put(
        "users",
        List.of(
            VALID_USER.replace("Drill User", "Drill" + nul),
            VALID_USER.replace("\"id\":\"u-drill\"", "\"id\":\"u" + nul + "\""),
            VALID_USER.replace("\"territoryIds\":[]", "\"territoryIds\":[\"t" + nul + "\"]"),
            VALID_USER.replace("\"teamId\":\"chicago\"", "\"teamId\":\"c" + nul + "\""),
            VALID_USER.replace("u-drill@fieldteam", "u" + nul + "@fieldteam"),
            VALID_USER.replace("Drill User", huge),
            VALID_USER.replace("\"lat\":41.9", "\"lat\":1e400"),
            VALID_USER.replace("\"lon\":-87.7", "\"lon\":-1e400")));
    lines.put(
        "accounts",
        List.of(
            VALID_ACCOUNT.replace("Drill Co", "Drill" + nul),
            VALID_ACCOUNT.replace("3 Drill St", "3" + nul),
            VALID_ACCOUNT.replace("drill.example", "drill" + nul),
            VALID_ACCOUNT.replace("\"ownerId\":\"u1\"", "\"ownerId\":\"u" + nul + "\""),
            VALID_ACCOUNT.replace("Drill Co", huge),
            VALID_ACCOUNT.replace("3 Drill St", huge),
            VALID_ACCOUNT.replace("\"lat\":41.88", "\"lat\":1e400"),
            VALID_ACCOUNT.replace("\"lon\":-87.63", "\"lon\":-180.5")));
    List<String> interactions = new ArrayList<>();
    for (String t : EXTREME_TIMES) {
      interactions.add(VALID_INTERACTION.replace("2026-03-01T08:00:00Z", t));
    }
    interactions.add(
        VALID_INTERACTION.replace("2026-03-01T08:00:00Z", "0000-01-01T00:00:00+18:00"));
    interactions.add(VALID_INTERACTION.replace("\"userId\":\"u1\"", "\"userId\":\"u" + nul + "\""));
    interactions.add(
        VALID_INTERACTION.replace("\"recordId\":\"r1\"", "\"recordId\":\"r" + nul + "\""));
    interactions.add(
        VALID_INTERACTION.replace("\"recordId\":\"r1\"", "\"recordId\":\"" + huge + "\""));
    lines.put("interactions", interactions);
    lines.put(
        "shares",
        List.of(
            VALID_SHARE.replace("\"a1\"", "\"a" + nul + "\""),
            VALID_SHARE.replace("\"u3\"", "\"u" + nul + "\""),
            VALID_SHARE.replace("\"u3\"", "\"" + huge + "\"")));
    lines.put(
        "content",
        List.of(
            "{\"id\":\"r" + nul + "\",\"contentBase64\":\"eA==\"}",
            "{\"id\":\"" + huge + "\",\"contentBase64\":\"eA==\"}"));
    lines.forEach(
        (kind, bad) -> {
          for (String line : bad) {
            add(
                "unstorable",
                "POST",
                "/v1/import/" + kind,
                integrator(),
                "application/x-ndjson",
                utf8(line + "\n"));
          }
        });
    String[] calendarValues = {
      "DTSTART:00000101T090000Z",
      "DTSTART:00010101T090000Z",
      "DTEND:99991231T235959Z",
      "RRULE:FREQ=WEEKLY;UNTIL=00000101T000000Z",
      "SUMMARY:Visit" + "\u0000"
    };
    for (String bad : calendarValues) {
      String property = bad.substring(0, bad.indexOf(':'));
      StringBuilder ics = new StringBuilder();
      for (String line : VALID_CALENDAR.split("\r\n")) {
        ics.append(line.startsWith(property) ? bad : line).append("\r\n");
      }
      add(
          "unstorable",
          "PUT",
          "/v1/users/" + target.calendarUser() + "/calendar",
          integrator(),
          "text/calendar",
          utf8(ics.toString()));
    }

    String base = "/v1/devices/" + target.deviceId();
    List<String> events = new ArrayList<>();
    for (String t : EXTREME_TIMES) {
      events.add(VALID_EVENT.replace("2026-03-01T08:00:00Z", t));
    }
    events.add(VALID_EVENT.replace("2026-03-01T08:00:00Z", "-999999999-01-01T00:00:00+18:00"));
    events.add(VALID_EVENT.replace("e-drill", "e" + nul));
    events.add(VALID_EVENT.replace("\"recordId\":\"r1\"", "\"recordId\":\"r1" + nul + "\""));
    events.add(VALID_EVENT.replace("\"pump\"", "\"pu" + nul + "mp\""));
    for (String e : events) {
      add(
          "unstorable",
          "POST",
          base + "/telemetry",
          device(),
          "application/x-ndjson",
          utf8(e + "\n"));
    }
    for (String enrolment :
        List.of(
            "{\"name\":\"lap" + nul + "top\",\"platform\":\"linux\"}",
            "{\"name\":\"laptop\",\"platform\":\"li" + nul + "nux\"}",
            "{\"name\":\"" + nul + "\",\"platform\":\"linux\"}")) {
      add("unstorable", "POST", "/v1/devices", device(), "application/json", utf8(enrolment));
    }
    add(
        "unstorable",
        "POST",
        base + "/records:fetch",
        device(),
        "application/json",
        utf8("{\"ids\":[\"r1" + nul + "\"]}"));
  }

  // --- bombs: small bodies that would cost a lot ------------------------------------------

  private void bombs() {
    String calendars = "/v1/users/" + target.calendarUser() + "/calendar";
    // 60,000 events that recur every second: 12 MB, and hours of a core at every manifest.
    add(BOMB, "PUT", calendars, integrator(), "text/calendar", utf8(secondlyCalendar(60_000)));
    // Few events, each recurring every second or minute: small, but a lot of expansion work.
    add(BOMB, "PUT", calendars, integrator(), "text/calendar", utf8(secondlyCalendar(600)));
    String scientist = DevTokens.of("ds-1", "data-scientist");
    // 1.5 GB of zeros in 1.5 MB, spread over the entries a bundle must have.
    Map<String, Long> zeros = new java.util.LinkedHashMap<>();
    for (String name :
        List.of(
            "bundle.json",
            "model.tribuo",
            "feature-schema.json",
            "provenance.json",
            "training-summary.json")) {
      zeros.put(name, 300L * 1024 * 1024);
    }
    add(BOMB, "POST", "/v1/models", scientist, "application/zip", zerosZip(zeros));
    // One small body, twenty thousand entries.
    Map<String, Long> many = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 20_000; i++) {
      many.put("e" + i, 0L);
    }
    add(BOMB, "POST", "/v1/models", scientist, "application/zip", zerosZip(many));
    // A well-formed bundle whose model names a class Tribuo's format never names: refused without
    // the class (or any internal one) appearing in the answer.
    add(
        "bundle",
        "POST",
        "/v1/models",
        scientist,
        "application/zip",
        bundleNaming("java.lang.ProcessBuilder"));
    add(
        "bundle",
        "POST",
        "/v1/models",
        scientist,
        "application/zip",
        bundleNaming("dev.primer.service.model.ModelService"));
  }

  /** {@code events} events each recurring every second (or minute) from the drill's day on. */
  static String secondlyCalendar(int events) {
    StringBuilder ics =
        new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Primer drill//EN\r\n");
    for (int i = 0; i < events; i++) {
      ics.append("BEGIN:VEVENT\r\nUID:bomb-")
          .append(i)
          .append("@drill\r\nDTSTAMP:20260301T080000Z\r\nDTSTART:20260301T000000Z\r\n")
          .append("DTEND:20260301T000001Z\r\nRRULE:FREQ=")
          .append(i % 2 == 0 ? "SECONDLY" : "MINUTELY")
          .append("\r\nSUMMARY:Bomb ")
          .append(i)
          .append("\r\nEND:VEVENT\r\n");
    }
    return ics.append("END:VCALENDAR\r\n").toString();
  }

  /** A zip whose entries are runs of zero bytes of the given lengths (compressed to ~1/1000). */
  private static byte[] zerosZip(Map<String, Long> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] block = new byte[1 << 20];
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        for (long left = e.getValue(); left > 0; left -= block.length) {
          zip.write(block, 0, (int) Math.min(block.length, left));
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A bundle that passes every check up to the model, whose model.tribuo is a Tribuo ModelProto
   * ({@code int32 version = 1; string class_name = 2}) naming {@code className}.
   */
  private static byte[] bundleNaming(String className) {
    var schema = dev.primer.core.features.FeatureExtractor.SCHEMA;
    StringBuilder features = new StringBuilder();
    for (var f : schema.features()) {
      if (features.length() > 0) {
        features.append(',');
      }
      features
          .append("{\"name\":\"")
          .append(f.name())
          .append("\",\"meaning\":\"")
          .append(f.meaning().replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\"}");
    }
    String schemaJson =
        "{\"version\":\""
            + schema.version()
            + "\",\"hash\":\""
            + schema.hash()
            + "\",\"features\":["
            + features
            + "]}";
    String manifest =
        "{\"format\":\"primer-bundle-1\",\"featureSchemaHash\":\""
            + schema.hash()
            + "\",\"featureSchemaVersion\":\""
            + schema.version()
            + "\"}";
    byte[] name = utf8(className);
    ByteArrayOutputStream proto = new ByteArrayOutputStream();
    proto.write(0x08);
    proto.write(0);
    proto.write(0x12);
    proto.write(name.length);
    proto.writeBytes(name);
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    entries.put("bundle.json", utf8(manifest));
    entries.put("model.tribuo", proto.toByteArray());
    entries.put("feature-schema.json", utf8(schemaJson));
    entries.put("provenance.json", utf8("{}"));
    entries.put("training-summary.json", utf8("{}"));
    return zip(entries);
  }

  // --- tokens that name nobody ------------------------------------------------------------

  private void tokensWithoutSubject() {
    String base = "/v1/devices/" + target.deviceId();
    for (String nobody : DevTokens.withoutSubject("device")) {
      add(
          NO_SUBJECT,
          "POST",
          "/v1/devices",
          nobody,
          "application/json",
          utf8("{\"name\":\"laptop\",\"platform\":\"linux\"}"));
      add(NO_SUBJECT, "GET", base + "/manifest?budget=1000000", nobody, "", new byte[0]);
      add(NO_SUBJECT, "GET", base + "/reviews", nobody, "", new byte[0]);
      add(
          NO_SUBJECT,
          "POST",
          base + "/records:fetch",
          nobody,
          "application/json",
          utf8("{\"ids\":[\"" + target.recordId() + "\"]}"));
      add(
          NO_SUBJECT,
          "POST",
          base + "/telemetry",
          nobody,
          "application/x-ndjson",
          utf8(VALID_EVENT + "\n"));
      add(NO_SUBJECT, "GET", "/v1/blobs/" + "0".repeat(64), nobody, "", new byte[0]);
    }
  }

  /** {@code n} random prefixes of {@code valid}, each at least {@code keepOff} characters short. */
  private List<String> truncations(String valid, int n, int keepOff) {
    List<String> cut = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cut.add(valid.substring(0, 1 + random.nextInt(valid.length() - keepOff)));
    }
    return cut;
  }

  /**
   * {@code n} copies of {@code valid}, each with one character replaced by one of {@code damage}.
   */
  private List<String> damaged(String valid, int n, String damage) {
    List<String> copies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      char[] chars = valid.toCharArray();
      chars[random.nextInt(chars.length)] = damage.charAt(random.nextInt(damage.length()));
      copies.add(new String(chars));
    }
    return copies;
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }

  private static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // --- offline edits (ADR 0009) -------------------------------------------------------------

  private static String op(
      String opId,
      long seq,
      String kind,
      String record,
      String user,
      String changes,
      String editedAt,
      long offset,
      String extra) {
    return "{\"opId\":\""
        + opId
        + "\",\"seq\":"
        + seq
        + ",\"kind\":\""
        + kind
        + "\",\"recordId\":\""
        + record
        + "\",\"userId\":\""
        + user
        + "\",\"changes\":"
        + changes
        + ",\"editedAt\":\""
        + editedAt
        + "\",\"clockOffsetMillis\":"
        + offset
        + extra
        + "}";
  }

  private static String change(String field, String value) {
    return "[{\"field\":\""
        + field
        + "\",\"base\":\"\",\"baseVersion\":0,\"value\":\""
        + value
        + "\"}]";
  }

  /** The members of a quote operation after its changes: type, account and the quote itself. */
  private static String quote(
      String account, String items, String basis, String total, String currency) {
    return ",\"recordType\":\"quote\",\"accountId\":\""
        + account
        + "\",\"quote\":{\"request\":{\"accountId\":\""
        + account
        + "\",\"items\":"
        + items
        + "},\"basis\":"
        + basis
        + ",\"result\":{\"valid\":true,\"total\":"
        + total
        + ",\"currency\":\""
        + currency
        + "\"},\"quotedAt\":\"2026-03-01T08:00:00Z\"}";
  }

  private static final String BASIS =
      "{\"priceListId\":\"r-nope\",\"priceListVersion\":1,\"priceBookId\":\"pb\","
          + "\"priceBookVersion\":1,\"rulesId\":\"pr\",\"rulesVersion\":1}";
  private static final String ONE_ITEM = "[{\"sku\":\"PMP-1\",\"quantity\":1,\"options\":{}}]";

  /** Quote operations (ADR 0011), each rejected with a receipt naming what is wrong. */
  private static void quoteOperations(List<String> ops, String user, String at, String nul) {
    String total = change("total", "1");
    long seq = 20_200;
    String[][] cases = {
      // kind, extra members
      {"quote", ",\"recordType\":\"quote\",\"accountId\":\"a1\""},
      {"create", quote("a1", ONE_ITEM, BASIS, "1", "USD")},
      {
        "quote",
        quote("a1", ONE_ITEM, BASIS, "1", "USD")
            .replace("\"recordType\":\"quote\"", "\"recordType\":\"contact\"")
      },
      {
        "quote",
        quote("a1", ONE_ITEM, BASIS, "1", "USD")
            .replaceFirst("\"accountId\":\"a1\"", "\"accountId\":\"a2\"")
      },
      {"quote", quote("a1", "[]", BASIS, "1", "USD")},
      {
        "quote",
        quote(
            "a1",
            "["
                + String.join(
                    ",", java.util.Collections.nCopies(201, "{\"sku\":\"P\",\"quantity\":1}"))
                + "]",
            BASIS,
            "1",
            "USD")
      },
      {"quote", quote("a1", "[{\"sku\":\"P" + nul + "\",\"quantity\":1}]", BASIS, "1", "USD")},
      {"quote", quote("a1", "[{\"sku\":\"P\",\"quantity\":-1}]", BASIS, "1", "USD")},
      {"quote", quote("a1", "[{\"sku\":\"P\",\"quantity\":1000000000000}]", BASIS, "1", "USD")},
      {
        "quote",
        quote(
            "a1",
            "[{\"sku\":\"P\",\"quantity\":1,\"options\":{\"motor\":\"" + "x".repeat(200) + "\"}}]",
            BASIS,
            "1",
            "USD")
      },
      {
        "quote",
        quote("a1", "[{\"sku\":\"P\",\"quantity\":1,\"options\":{\"\":\"x\"}}]", BASIS, "1", "USD")
      },
      {"quote", quote("a1", ONE_ITEM, "{\"priceListId\":\"\"}", "1", "USD")},
      {
        "quote",
        quote("a1", ONE_ITEM, BASIS.replace("\"rulesVersion\":1", "\"rulesVersion\":0"), "1", "USD")
      },
      {"quote", quote("a1", ONE_ITEM, BASIS, "1.23456", "USD")},
      {"quote", quote("a1", ONE_ITEM, BASIS, "1e15", "USD")},
      {"quote", quote("a1", ONE_ITEM, BASIS, "1", "DOLLARS")},
      // Well formed, but of a price list this device may not read: rejected by the visibility
      // check.
      {"quote", quote("a1", ONE_ITEM, BASIS, "1", "USD")},
    };
    for (String[] c : cases) {
      ops.add(op(uuid(), seq++, c[0], "new-" + uuid(), user, total, at, 0, c[1]));
    }
  }

  private void edits() {
    String path = "/v1/devices/" + target.deviceId() + "/edits";
    String user = target.user();
    String at = "2026-03-01T08:00:00Z";
    // Batches the service refuses whole: not JSON, wrong shapes, too many operations.
    for (String body :
        new String[] {
          "",
          "not json",
          "[]",
          "{\"operations\":7}",
          "{\"operations\":[7]}",
          "{\"operations\":[{\"seq\":\"one\"}]}",
          "{\"operations\":null,\"pendingOperations\":\"x\"}"
        }) {
      add("edits", "POST", path, device(), "application/json", utf8(body));
    }
    StringBuilder many = new StringBuilder("{\"operations\":[");
    for (int i = 0; i < 501; i++) {
      many.append(i == 0 ? "" : ",")
          .append(
              op(
                  java.util.UUID.randomUUID().toString(),
                  10_000 + i,
                  "update",
                  "r-nope",
                  user,
                  change("phone", "1"),
                  at,
                  0,
                  ""));
    }
    add("edits", "POST", path, device(), "application/json", utf8(many.append("]}").toString()));
    // Operations each rejected with a receipt that says why; none may change a record.
    List<String> ops = new ArrayList<>();
    String nul = "\\u0000";
    ops.add(op("not-a-uuid", 1, "update", "r-nope", user, change("phone", "1"), at, 0, ""));
    ops.add(op(uuid(), 0, "update", target.recordId(), user, change("phone", "1"), at, 0, ""));
    ops.add(op(uuid(), -5, "update", target.recordId(), user, change("phone", "1"), at, 0, ""));
    ops.add(op(uuid(), 20_001, "delete", target.recordId(), user, change("phone", "1"), at, 0, ""));
    ops.add(
        op(uuid(), 20_002, "update", target.recordId(), user, change("Phone!", "1"), at, 0, ""));
    ops.add(
        op(
            uuid(),
            20_003,
            "update",
            target.recordId(),
            user,
            change("phone", "a" + nul),
            at,
            0,
            ""));
    ops.add(
        op(
            uuid(),
            20_004,
            "update",
            target.recordId(),
            user,
            change("phone", "x".repeat(5000)),
            at,
            0,
            ""));
    ops.add(op(uuid(), 20_005, "update", target.recordId(), user, "[]", at, 0, ""));
    ops.add(
        op(
            uuid(),
            20_006,
            "update",
            target.recordId(),
            user,
            change("phone", "1"),
            "yesterday",
            0,
            ""));
    for (String t : EXTREME_TIMES) {
      ops.add(
          op(
              uuid(),
              20_100 + ops.size(),
              "update",
              target.recordId(),
              user,
              change("phone", "1"),
              t,
              0,
              ""));
    }
    ops.add(
        op(
            uuid(),
            20_007,
            "update",
            target.recordId(),
            user,
            change("phone", "1"),
            at,
            Long.MAX_VALUE,
            ""));
    ops.add(op(uuid(), 20_008, "update", "r-nope", user, change("phone", "1"), at, 0, ""));
    ops.add(op(uuid(), 20_009, "update", "r" + nul, user, change("phone", "1"), at, 0, ""));
    ops.add(
        op(
            uuid(),
            20_010,
            "update",
            target.recordId(),
            target.otherUser(),
            change("phone", "1"),
            at,
            0,
            ""));
    ops.add(
        op(
            uuid(),
            20_011,
            "create",
            "not-new",
            user,
            change("name", "x"),
            at,
            0,
            ",\"recordType\":\"contact\",\"accountId\":\"a1\""));
    ops.add(
        op(
            uuid(),
            20_012,
            "create",
            "new-" + uuid(),
            user,
            change("name", "x"),
            at,
            0,
            ",\"recordType\":\"spaceship\",\"accountId\":\"a1\""));
    ops.add(
        op(
            uuid(),
            20_013,
            "create",
            "new-" + uuid(),
            user,
            change("name", "x"),
            at,
            0,
            ",\"recordType\":\"contact\",\"accountId\":\"a-nowhere\""));
    ops.add(
        op(
            uuid(),
            20_014,
            "update",
            target.recordId(),
            user,
            change("phone", "1"),
            at,
            0,
            ",\"resolves\":\"not-an-op\""));
    quoteOperations(ops, user, at, nul);
    for (String o : ops) {
      add(
          "edits",
          "POST",
          path,
          device(),
          "application/json",
          utf8("{\"operations\":[" + o + "]}"));
    }
    // A quote of the wrong shape spoils its batch: refused whole.
    add(
        "edits",
        "POST",
        path,
        device(),
        "application/json",
        utf8(
            "{\"operations\":["
                + op(
                    uuid(),
                    20_099,
                    "quote",
                    "new-" + uuid(),
                    user,
                    change("total", "1"),
                    at,
                    0,
                    ",\"quote\":7")
                + "]}"));
    // Back-office field imports and deletions: each bad line rejected by its number.
    for (String line :
        new String[] {
          "{\"recordId\":\"r-nope\",\"fields\":{\"phone\":\"1\"}}",
          "{\"recordId\":\"r1\",\"fields\":{\"Bad Name\":\"1\"}}",
          "{\"recordId\":\"r1\",\"fields\":{\"phone\":null}}",
          "{\"recordId\":\"r1\",\"fields\":{\"phone\":\"a" + nul + "\"}}",
          "{\"recordId\":\"r1\",\"fields\":{}}",
          "{\"recordId\":\"r1\",\"fields\":{\"phone\":\"1\"},\"changedAt\":\"soon\"}",
          "{\"recordId\":\"r1\",\"fields\":{\"phone\":\"1\"},\"changedAt\":\"0000-01-01T00:00:00Z\"}",
          "{\"recordId\":\"\",\"fields\":{\"phone\":\"1\"}}",
          "{\"fields\":7}",
          "not json"
        }) {
      add(
          "edits",
          "POST",
          "/v1/import/fields",
          integrator(),
          "application/x-ndjson",
          utf8(line + "\n"));
    }
    for (String line :
        new String[] {"{\"id\":\"\"}", "{}", "{\"id\":\"r" + nul + "\"}", "[1]", "not json"}) {
      add(
          "edits",
          "POST",
          "/v1/import/deletions",
          integrator(),
          "application/x-ndjson",
          utf8(line + "\n"));
    }
    // The review queue and the policy table.
    String json = "application/json";
    add(
        "edits",
        "POST",
        "/v1/admin/conflicts/abc/resolve",
        admin(),
        json,
        utf8("{\"keep\":\"mine\"}"));
    add(
        "edits",
        "POST",
        "/v1/admin/conflicts/999999999/resolve",
        admin(),
        json,
        utf8("{\"keep\":\"mine\"}"));
    add(
        "edits",
        "POST",
        "/v1/admin/conflicts/1/resolve",
        admin(),
        json,
        utf8("{\"keep\":\"maybe\"}"));
    add("edits", "POST", "/v1/admin/conflicts/1/resolve", admin(), json, utf8("not json"));
    add("edits", "GET", "/v1/admin/conflicts?state=lost", admin(), "", new byte[0]);
    add("edits", "GET", "/v1/admin/conflicts?limit=-1", admin(), "", new byte[0]);
    add("edits", "GET", "/v1/admin/conflicts?limit=many", admin(), "", new byte[0]);
    add("edits", "GET", "/v1/admin/conflicts", device(), "", new byte[0]);
    String[][] badPolicies = { // record type, field, policy
      {"spaceship", "x", "review"},
      {"contact", "Bad Field", "review"},
      {"contact", "phone", "coin-toss"}
    };
    for (String[] p : badPolicies) {
      add(
          "edits",
          "PUT",
          "/v1/admin/field-policies",
          admin(),
          json,
          utf8(
              "{\"recordType\":\""
                  + p[0]
                  + "\",\"field\":\""
                  + p[1]
                  + "\",\"writable\":true,\"policy\":\""
                  + p[2]
                  + "\"}"));
    }
    add("edits", "PUT", "/v1/admin/field-policies", admin(), json, utf8("[]"));
    add(
        "edits",
        "PUT",
        "/v1/admin/field-policies",
        device(),
        json,
        utf8(
            "{\"recordType\":\"contact\",\"field\":\"phone\",\"writable\":false,\"policy\":\"review\"}"));
  }

  private static String uuid() {
    return java.util.UUID.randomUUID().toString();
  }
}
