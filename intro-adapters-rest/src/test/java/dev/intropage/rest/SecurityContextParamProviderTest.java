package dev.intropage.rest;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Set;
import java.util.function.Function;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;
import org.junit.jupiter.api.Test;

/** A resource's {@code @Context SecurityContext} comes from the request itself. */
class SecurityContextParamProviderTest {
  private final SecurityContextParamProvider provider = new SecurityContextParamProvider();

  /** A resource with the parameters the provider is asked about. */
  @jakarta.ws.rs.Path("/x/{id}")
  static final class Sample {
    @GET
    public String get(
        @Context SecurityContext security, @Context UriInfo uri, @PathParam("id") String id) {
      return id;
    }
  }

  private static Parameter parameter(int index) {
    ResourceMethod method = Resource.from(Sample.class).getResourceMethods().get(0);
    Invocable invocable = method.getInvocable();
    return invocable.getParameters().get(index);
  }

  @Test
  void contextSecurityContext_isTheRequestsOwn() {
    ContainerRequest request =
        new ContainerRequest(
            URI.create("http://localhost/"),
            URI.create("http://localhost/x/1"),
            "GET",
            null,
            new org.glassfish.jersey.internal.MapPropertiesDelegate(),
            null);
    SecurityContext set =
        new AuthenticationFilter.CallerContext(new Caller("ada", Set.of()), false);
    request.setSecurityContext(set);

    Function<ContainerRequest, ?> value =
        requireNonNull(provider.getValueProvider(parameter(0)), "a provider for the parameter");

    assertThat(value.apply(request)).isSameAs(set);
  }

  @Test
  void otherParameters_areLeftToJersey() {
    assertThat(provider.getValueProvider(parameter(1))).isNull();
    assertThat(provider.getValueProvider(parameter(2))).isNull();
  }

  @Test
  void goesBeforeJerseysGeneralContextInjection() {
    assertThat(provider.getPriority()).isEqualTo(ValueParamProvider.Priority.HIGH);
  }
}
