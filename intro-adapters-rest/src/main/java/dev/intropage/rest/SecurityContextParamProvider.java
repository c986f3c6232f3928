package dev.intropage.rest;

import jakarta.ws.rs.core.SecurityContext;
import java.util.function.Function;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;
import org.jspecify.annotations.Nullable;

/**
 * Gives a resource method's {@code @Context SecurityContext} parameter the request's own security
 * context, which the {@link AuthenticationFilter} set, read straight from the request; Jersey's
 * general context injection looks it up through the injection manager on every call, a cost the
 * page pays on each request (docs/performance.md). Thread-safe.
 */
final class SecurityContextParamProvider implements ValueParamProvider {
  @Override
  public @Nullable Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
    return parameter.getSource() == Parameter.Source.CONTEXT
            && parameter.getRawType() == SecurityContext.class
        ? ContainerRequest::getSecurityContext
        : null;
  }

  @Override
  public PriorityType getPriority() {
    return Priority.HIGH;
  }
}
