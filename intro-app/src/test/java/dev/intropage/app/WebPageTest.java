package dev.intropage.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intropage.app.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page at {@code /}, served by the running service from a class path folder of the tests
 * ({@code test-web/}, laid out as the intro-web jar's {@code intro-web/}): files with their types,
 * caching and security headers, the page for the page's own paths, 404 problems for the service's
 * paths, no way out of the folder, and a 404 problem saying so when the folder is missing.
 */
class WebPageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "TEST-WEB-SECRET";

  @TempDir static Path dir;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Server server;
  private static URI uri;

  @BeforeAll
  static void start() {
    server = start("test-web/", "web.db");
    uri = server.uri();
  }

  private static Server start(String webRoot, String database) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    return Server.start(
        AppConfig.from(
            Map.of(
                "INTRO_HTTP_HOST", "127.0.0.1",
                "INTRO_HTTP_PORT", "0",
                "INTRO_DB_URL", "jdbc:sqlite:" + dir.resolve(database),
                "INTRO_DEMO_DATA", "false")),
        Clock.systemUTC(),
        quiet,
        quiet,
        List.of(),
        webRoot);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(String method, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri + path.substring(1)))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    return send("GET", path, headers);
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  /** The response's media type, written without optional spaces. */
  private static String type(HttpResponse<?> response) {
    return header(response, "Content-Type").replace(" ", "");
  }

  private static void assertSecured(HttpResponse<?> response) {
    String csp = header(response, "Content-Security-Policy");
    assertThat(csp)
        .isEqualTo(WebPageResource.CONTENT_SECURITY_POLICY)
        .contains("script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
  }

  private static void assertPage(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(type(response)).isEqualTo("text/html;charset=utf-8");
    assertThat(header(response, "Cache-Control")).isEqualTo("no-cache");
    assertThat(response.body()).contains("TEST-WEB-INDEX");
    assertSecured(response);
  }

  private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
    assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    return problem;
  }

  @Test
  void root_isThePage_revalidatedByItsETag() throws Exception {
    HttpResponse<String> page = get("/");
    assertPage(page);
    assertThat(get("/index.html").body()).isEqualTo(page.body());

    String etag = header(page, "ETag");
    assertThat(etag).matches("W/\"[0-9a-f]{32}\"");
    HttpResponse<String> again = get("/", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertSecured(again);
    assertThat(get("/", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
  }

  @Test
  void hashedAssets_areImmutable_withTheirTypes() throws Exception {
    HttpResponse<String> script = get("/assets/app-1a2b3c4d.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(type(script)).isEqualTo("text/javascript;charset=utf-8");
    assertThat(header(script, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(script.body()).contains("TEST-WEB-SCRIPT");
    assertSecured(script);

    HttpResponse<String> style = get("/assets/app-1a2b3c4d.css");
    assertThat(type(style)).isEqualTo("text/css;charset=utf-8");
    assertThat(header(style, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");

    HttpResponse<String> icon = get("/favicon.svg");
    assertThat(type(icon)).isEqualTo("image/svg+xml");
    assertThat(header(icon, "Cache-Control")).isEqualTo("no-cache");
    assertSecured(icon);
  }

  @Test
  void cacheRule_onlyHashedNamesUnderAssets() {
    assertThat(WebPageResource.immutable("assets/index-BpX3a9Zk.js")).isTrue();
    assertThat(WebPageResource.immutable("assets/app-1a2b3c4d.css")).isTrue();
    assertThat(WebPageResource.immutable("assets/logo.svg")).isFalse();
    assertThat(WebPageResource.immutable("index.html")).isFalse();
    assertThat(WebPageResource.immutable("app-1a2b3c4d.js")).isFalse();
  }

  @Test
  void contentTypes_byExtension() {
    assertThat(WebPageResource.contentType("a.woff2")).isEqualTo("font/woff2");
    assertThat(WebPageResource.contentType("a.json")).isEqualTo("application/json");
    assertThat(WebPageResource.contentType("a.png")).isEqualTo("image/png");
    assertThat(WebPageResource.contentType("a.MJS")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(WebPageResource.contentType("LICENSE")).isEqualTo("application/octet-stream");
  }

  @Test
  void head_answersHeadersOnly_otherMethodsAre405() throws Exception {
    HttpResponse<String> head = send("HEAD", "/");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(header(head, "Content-Type")).startsWith("text/html");
    assertThat(head.body()).isEmpty();
    assertSecured(head);
    assertThat(send("HEAD", "/assets/app-1a2b3c4d.js").statusCode()).isEqualTo(200);

    for (String method : List.of("POST", "PUT", "DELETE")) {
      problem(send(method, "/"), 405);
      problem(send(method, "/assets/app-1a2b3c4d.js"), 405);
    }
  }

  @Test
  void pagesOwnPaths_fallBackToThePage() throws Exception {
    assertPage(get("/admin"));
    assertPage(get("/some/deep/route"));
    assertPage(get("/favicon.ico"));
  }

  @Test
  void directories_areNeverListed() throws Exception {
    for (String path : List.of("/assets", "/assets/")) {
      HttpResponse<String> response = get(path);
      problem(response, 404);
      assertThat(response.body()).as(path).doesNotContain("app-1a2b3c4d");
    }
  }

  @Test
  void missingAsset_is404_notThePage() throws Exception {
    HttpResponse<String> response = get("/assets/gone-9z8y7x6w.js");
    problem(response, 404);
    assertThat(response.body()).doesNotContain("TEST-WEB-INDEX");
  }

  @Test
  void servicePaths_neverFallBack() throws Exception {
    String token = token();
    for (String path :
        List.of(
            "/api/v1/nothing-here",
            "/api/v1/intro-page/ada/nothing-here",
            "/api",
            "/health/nothing",
            "/metrics/nothing",
            "/openapi.json/nothing",
            "/docs/a/b")) {
      HttpResponse<String> response = get(path, "Authorization", "Bearer " + token);
      problem(response, 404);
      assertThat(response.body()).as(path).doesNotContain("TEST-WEB-INDEX");
    }
    for (String method : List.of("POST", "PUT", "DELETE")) {
      problem(send(method, "/api/v1/nothing-here", "Authorization", "Bearer " + token), 404);
      problem(send(method, "/docs/a/b"), 404);
    }
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(get("/openapi.json").body()).contains("\"openapi\"");
  }

  private static String token() throws Exception {
    HttpResponse<String> minted =
        HTTP.send(
            HttpRequest.newBuilder(uri.resolve("api/v1/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"ada\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(minted.body()).path("token").asText();
  }

  /** Sends a request line exactly as written, for paths a URI class would normalize or refuse. */
  private static String raw(String path) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  @Test
  void pathsOutOfTheFolder_areRefused() throws Exception {
    assertThat(WebPageTest.class.getClassLoader().getResource("test-web-secret.txt")).isNotNull();
    for (String path :
        List.of(
            "/../test-web-secret.txt",
            "/assets/../../test-web-secret.txt",
            "/%2e%2e/test-web-secret.txt",
            "/assets/%2e%2e/%2e%2e/test-web-secret.txt",
            "/.%2e/test-web-secret.txt",
            "/..%2ftest-web-secret.txt",
            "/assets/..%2F..%2Ftest-web-secret.txt",
            "/..%5ctest-web-secret.txt",
            "/assets\\..\\..\\test-web-secret.txt",
            "/%5c..%5ctest-web-secret.txt",
            "/.hidden",
            "//test-web-secret.txt")) {
      String answer = raw(path);
      String status = answer.substring(9, 12);
      assertThat(status).as(path).isIn("400", "404");
      assertThat(answer).as(path).doesNotContain(SECRET);
    }
    // A plain name outside the folder's files is a page route, never the file of that name.
    assertThat(raw("/test-web-secret.txt")).doesNotContain(SECRET);
  }

  @Test
  void directoriesInAJar_areNeverFiles(@TempDir Path jarDir) throws Exception {
    Path jar = jarDir.resolve("web.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("jar-web/"));
      out.putNextEntry(new JarEntry("jar-web/index.html"));
      out.write("<!doctype html><title>jar</title>".getBytes(UTF_8));
      out.putNextEntry(new JarEntry("jar-web/assets/"));
      out.putNextEntry(new JarEntry("jar-web/assets/app-1a2b3c4d.js"));
      out.write("console.log(1)".getBytes(UTF_8));
    }
    try (URLClassLoader loader =
        new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
      WebPageResource page = new WebPageResource(loader, "jar-web/");

      assertThat(page.packaged()).isTrue();
      assertThat(page.find("assets/app-1a2b3c4d.js")).isNotNull();
      assertThat(page.find("assets")).isNull();
      assertThat(page.find("assets/")).isNull();
      assertThat(page.find("missing.js")).isNull();
    }
  }

  @Test
  void directoriesInAFolder_areNeverFiles() {
    WebPageResource page = new WebPageResource(WebPageTest.class.getClassLoader(), "test-web/");

    assertThat(page.find("assets")).isNull();
    assertThat(page.find("index.html")).isNotNull();
  }

  @Test
  void withoutTheFolder_rootIs404SayingSo_andTheServiceRuns() throws Exception {
    try (Server bare = start("no-such-web/", "bare.db")) {
      for (String path : List.of("", "index.html", "some/route")) {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(bare.uri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode problem = problem(response, 404);
        assertThat(problem.path("detail").asText()).contains("not packaged");
        assertThat(problem.path("instance").asText()).isEqualTo("/" + path);
        assertSecured(response);
      }
      HttpResponse<String> ready =
          HTTP.send(
              HttpRequest.newBuilder(bare.uri().resolve("health/ready")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
    }
  }
}
