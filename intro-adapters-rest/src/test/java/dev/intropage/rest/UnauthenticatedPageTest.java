package dev.intropage.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page resource in an application without the feature's authentication filter: whatever the
 * request claims, in its headers or in a security context some other filter set, it is never served
 * a page, anyone's; it is refused as unauthenticated.
 */
class UnauthenticatedPageTest {
  private static TestApp app;
  private static HttpServer bare;
  private static HttpServer impostor;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** Claims every request is ada's, with every role, as a host's own filter might. */
  @PreMatching
  @Priority(Priorities.AUTHENTICATION)
  static final class ClaimsToBeAda implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      Principal ada = () -> "ada";
      request.setSecurityContext(
          new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
              return ada;
            }

            @Override
            public boolean isUserInRole(String role) {
              return true;
            }

            @Override
            public boolean isSecure() {
              return false;
            }

            @Override
            public String getAuthenticationScheme() {
              return "Bearer";
            }
          });
    }
  }

  @BeforeAll
  static void start() {
    app = new TestApp(true);
    bare = serve(pageOnly());
    impostor = serve(pageOnly().register(new ClaimsToBeAda()));
  }

  /** The page resource with what it needs to answer, and no authentication. */
  private static ResourceConfig pageOnly() {
    PageJson json = new PageJson(Json.mapper());
    return new ResourceConfig()
        .register(new JsonProvider(Json.mapper()))
        .register(new ProblemMapper())
        .register(json.writer())
        .register(new PageHeadersFilter())
        .register(
            new IntroPageResource(app.engine, new Authorizer(new AccessPolicy()), json.tagger()));
  }

  private static HttpServer serve(ResourceConfig config) {
    return JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
  }

  @AfterAll
  static void stop() {
    bare.stop(0);
    impostor.stop(0);
    app.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bare", "impostor"})
  void page_withoutTheAuthenticationFilter_isRefusedAs401(String which) throws Exception {
    HttpServer server = which.equals("bare") ? bare : impostor;
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    for (String token : List.of(TestApp.ADA, TestApp.ADMIN, TestApp.INVALID)) {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(base.resolve(TestApp.BASE + "/ada"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

      assertThat(response.statusCode()).as("%s with %s", which, token).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
      assertThat(response.headers().firstValue("ETag")).isEmpty();
      assertThat(response.body()).doesNotContain("sections").doesNotContain("Ada Lovelace");
    }
  }
}
