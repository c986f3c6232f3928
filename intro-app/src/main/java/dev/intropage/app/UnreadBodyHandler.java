package dev.intropage.app;

import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ResponseUtils;
import org.eclipse.jetty.util.Callback;

/**
 * Makes a response whose request body is still unread when it is committed say {@code Connection:
 * close}, so that no client sends its next request on a connection the server is about to close.
 *
 * <p>Jetty cannot reuse a connection whose request body was not read to its end. When the handler
 * is done, Jetty consumes what has already arrived and, if the body has not ended, closes the
 * connection after the response. Jersey commits its responses before the handler is done, so the
 * response had already gone out as reusable: a refusal decided before the body is read (401 from
 * the authentication filter, 413 from {@code Content-Length}) closed the connection silently when
 * the body arrived after the refusal. This handler makes Jetty's own check when the response is
 * committed instead, with {@link ResponseUtils#ensureConsumeAvailableOrNotPersistent}: a body that
 * has fully arrived is discarded and the connection stays usable; otherwise the response says
 * close. It never waits for a body, so a refused upload costs the server nothing more.
 *
 * <p>Checking at commit assumes that nothing reads the request body after the response is
 * committed. This holds for the service: the REST adapter's body filter reads every body before a
 * resource runs, and no resource streams its response while reading its request.
 */
final class UnreadBodyHandler extends Handler.Wrapper {
  UnreadBodyHandler(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    return super.handle(request, new CheckedAtCommit(request, response), callback);
  }

  /** Checks the request body on the write that commits the response, before Jetty sends headers. */
  private static final class CheckedAtCommit extends Response.Wrapper {
    CheckedAtCommit(Request request, Response response) {
      super(request, response);
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
      if (!isCommitted()) {
        ResponseUtils.ensureConsumeAvailableOrNotPersistent(getRequest(), getWrapped());
      }
      super.write(last, content, callback);
    }
  }
}
