package io.vigil.bench;

import io.vigil.store.jdbc.UtcColumns;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the alert console's pages hold up with many active alerts. Puts {@code --alerts} OPEN
 * alerts straight into the {@code alert} table of a running server's database (ids from
 * {@value #FIRST_ID}, keys {@code bench-console/…}, so they never meet the engine's own; the
 * engine does not know them, so acting on them answers "not found"), logs in through the
 * console's form, and times each view of the list — default order, by status, by count, a text
 * search, a status filter, the second page — and one alert's page, {@code --rounds} times each
 * after three warm-up requests: the whole request as a browser's first byte to last, HTML only.
 * Removes its alerts at the end unless {@code --keep true}.
 *
 * <pre>java -cp bench/target/vigil-bench.jar io.vigil.bench.AlertConsoleLoad --url http://127.0.0.1:8080
 *      --db jdbc:mariadb://127.0.0.1:3306/vigil_bench --user admin --password ... --alerts 10000 --rounds 30</pre>
 */
public final class AlertConsoleLoad {

    static final long FIRST_ID = 1_000_000_000L;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\">Next page");
    private static final Pattern ROW = Pattern.compile("\\sdata-alert=\"\\d+\"");

    public static void main(String[] args) throws Exception {
        LoadArgs a = new LoadArgs(args);
        String url = a.text("url", "http://127.0.0.1:8080");
        int alerts = a.number("alerts", 10_000);
        int rounds = a.number("rounds", 30);
        try (Connection db = DriverManager.getConnection(a.required("db"), a.text("db-user", "root"),
                a.text("db-password", ""))) {
            long started = System.nanoTime();
            insert(db, alerts);
            System.out.printf("%,d OPEN alerts inserted in %d ms%n", alerts, (System.nanoTime() - started) / 1_000_000);
            try {
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                logIn(http, url, a.required("user"), a.required("password"));
                for (Map.Entry<String, String> view : views(http, url).entrySet()) {
                    time(http, url, view.getKey(), view.getValue(), rounds);
                }
            } finally {
                if (!Boolean.parseBoolean(a.text("keep", "false"))) {
                    db.createStatement().executeUpdate("DELETE FROM alert WHERE id >= " + FIRST_ID);
                }
            }
        }
    }

    /** What to time, by name: the list's views and one alert's page. */
    private static Map<String, String> views(HttpClient http, String url) throws Exception {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("list, latest seen first", "/console/alerts");
        views.put("list by status", "/console/alerts?sort=status");
        views.put("list by count", "/console/alerts?sort=report_count");
        views.put("list, text search", "/console/alerts?q=host-4242");
        views.put("list, CRITICAL by first seen", "/console/alerts?status=CRITICAL&sort=first_seen");
        Matcher next = NEXT.matcher(get(http, url + "/console/alerts").body());
        if (!next.find()) {
            throw new IllegalStateException("the list has no next page: are the alerts there?");
        }
        views.put("list, second page", next.group(1).replace("&amp;", "&"));
        views.put("one alert", "/console/alerts/" + (FIRST_ID + 42));
        return views;
    }

    private static void time(HttpClient http, String url, String name, String path, int rounds) throws Exception {
        LatencyRecorder latency = new LatencyRecorder();
        HttpResponse<String> page = null;
        for (int i = -3; i < rounds; i++) {
            long started = System.nanoTime();
            page = get(http, url + path);
            if (i >= 0) {
                latency.record(System.nanoTime() - started);
            }
        }
        System.out.printf("%-30s %-55s %4d rows %4d KB  %s%n", name, path, ROW.matcher(page.body()).results().count(),
                page.body().length() / 1024, LatencyRecorder.percentiles(latency));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + page.statusCode());
        }
        return page;
    }

    private static void logIn(HttpClient http, String url, String user, String password) throws Exception {
        Matcher csrf = CSRF.matcher(get(http, url + "/login").body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login as " + user + " failed: " + answer.statusCode() + " " + location);
        }
    }

    /** Alerts about 5,000 hosts × 2 checks: a fifth CRITICAL, a tenth UNKNOWN, the rest WARNING, seen over the last day. */
    private static void insert(Connection db, int count) throws Exception {
        Random random = new Random(42);
        long now = Instant.now().toEpochMilli();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO alert (id, alert_key, kind, resource, check_name,"
                + " source, category, status, state, report_count, first_seen, last_seen, message, changed_at)"
                + " VALUES (?, ?, 'EVENT', ?, ?, 'bench', 'application', ?, 'OPEN', ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String resource = "host-" + (i / 2);
                String check = i % 2 == 0 ? "cpu" : "disk";
                int roll = random.nextInt(10);
                String status = roll < 2 ? "CRITICAL" : roll < 3 ? "UNKNOWN" : "WARNING";
                long firstSeen = now - random.nextInt(86_400_000);
                long lastSeen = firstSeen + random.nextInt((int) (now - firstSeen) + 1);
                insert.setLong(1, FIRST_ID + i);
                insert.setString(2, "bench-console/" + resource + "/" + check);
                insert.setString(3, resource);
                insert.setString(4, check);
                insert.setString(5, status);
                insert.setLong(6, 1 + random.nextInt(500));
                insert.setObject(7, UtcColumns.toColumn(firstSeen));
                insert.setObject(8, UtcColumns.toColumn(lastSeen));
                insert.setString(9, check + " on " + resource + " is " + status + ": synthetic alert of the console benchmark,"
                        + " about as long as a monitoring message");
                insert.setObject(10, UtcColumns.toColumn(lastSeen));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
