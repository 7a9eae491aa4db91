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
 * tokens. Each is built from a valid input so that it fails in one specific way.
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
      String recordId) {}

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
}
