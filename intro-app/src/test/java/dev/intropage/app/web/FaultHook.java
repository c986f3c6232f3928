package dev.intropage.app.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * A loopback HTTP server the browser tests call to break the service for real and mend it: {@code
 * POST /fault/activity} renames the activity table in the service's SQLite file, so every load of
 * the activity section fails, and {@code POST /heal} renames it back. Each then drops the cached
 * activity sections through the service's own cache-invalidate endpoint, so the next page asks the
 * database. Answers 200 when done, 405 for another method, 500 with the reason when it failed.
 */
final class FaultHook implements AutoCloseable {
  private static final String TABLE = "activity_events";
  private static final String BROKEN = "activity_events_broken";

  private final HttpServer server;
  private final String databaseUrl;
  private final URI service;
  private final Supplier<String> adminToken;
  private final HttpClient http = HttpClient.newHttpClient();

  private FaultHook(HttpServer server, Path database, URI service, Supplier<String> adminToken) {
    this.server = server;
    this.databaseUrl = "jdbc:sqlite:" + database;
    this.service = service;
    this.adminToken = adminToken;
  }

  /**
   * Starts the hook on a free loopback port for the service at {@code service} whose database is
   * the SQLite file {@code database}; {@code adminToken} gives a token with {@code intro:admin}.
   */
  static FaultHook start(Path database, URI service, Supplier<String> adminToken)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FaultHook hook = new FaultHook(server, database, service, adminToken);
    server.createContext("/fault/activity", exchange -> hook.handle(exchange, TABLE, BROKEN));
    server.createContext("/heal", exchange -> hook.handle(exchange, BROKEN, TABLE));
    server.start();
    return hook;
  }

  /** Returns the hook's base address, such as {@code http://127.0.0.1:40123}. */
  URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  private void handle(HttpExchange exchange, String from, String to) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "POST only");
        return;
      }
      try {
        String done = rename(from, to);
        invalidateActivity();
        answer(exchange, 200, done);
      } catch (SQLException | IOException | RuntimeException e) {
        answer(exchange, 500, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer(exchange, 500, e.toString());
      }
    }
  }

  /** Renames the table if it still has its old name, so that each call may be repeated. */
  private String rename(String from, String to) throws SQLException {
    try (Connection connection = DriverManager.getConnection(databaseUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 10000");
      boolean present;
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"
                  + from
                  + "'")) {
        present = rows.next() && rows.getInt(1) == 1;
      }
      if (!present) {
        return "no table " + from + ", nothing to do";
      }
      statement.execute("ALTER TABLE " + from + " RENAME TO " + to);
      return "renamed " + from + " to " + to;
    }
  }

  private void invalidateActivity() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(service.resolve("/api/v1/intro-page/cache/invalidate"))
                .header("Authorization", "Bearer " + adminToken.get())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"section\":\"activity\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IOException(
          "cache invalidate answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    http.close();
  }
}
