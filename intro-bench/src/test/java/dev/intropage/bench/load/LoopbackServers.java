package dev.intropage.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Servers on a free loopback port for the client's tests; each counts the connections it saw. */
final class LoopbackServers {
  private LoopbackServers() {}

  /** Answers one exchange of the JDK's {@link HttpServer}. */
  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }

  /**
   * The JDK's {@link HttpServer}, one virtual thread per exchange: a fixed-length body when the
   * handler passes its length to {@code sendResponseHeaders}, chunks when it passes 0.
   */
  static final class JdkServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger exchanges = new AtomicInteger();

    JdkServer(Handler handler) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(executor);
      server.createContext(
          "/",
          exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchanges.incrementAndGet();
            try (exchange) {
              handler.handle(exchange);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      server.start();
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** How many connections requests came on, told apart by the client's port. */
    int connections() {
      return clientPorts.size();
    }

    int exchanges() {
      return exchanges.get();
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /** Sends {@code body} with a {@code Content-Length}, and the headers given in pairs. */
  static Handler fixed(int status, byte[] body, String... headers) {
    return exchange -> {
      for (int i = 0; i < headers.length; i += 2) {
        exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    };
  }

  /** Waits {@code millis} before answering the first exchange only; answers as {@code then}. */
  static Handler stallingFirst(long millis, Handler then) {
    AtomicBoolean stalled = new AtomicBoolean();
    return exchange -> {
      if (!stalled.getAndSet(true)) {
        Thread.sleep(millis);
      }
      then.handle(exchange);
    };
  }

  /** What {@link RawServer} does after its first response on a connection. */
  enum AfterFirst {
    /** Answers every request on the connection the same. */
    KEEP_ANSWERING,
    /** Closes the connection. */
    CLOSE,
    /** Keeps the connection open but answers nothing more. */
    HANG
  }

  /** A server that answers every request head with the same bytes, written as they are. */
  static final class RawServer implements AutoCloseable {
    private final ServerSocket listener;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    RawServer(String response, AfterFirst afterFirst) throws IOException {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
      executor.execute(
          () -> {
            while (!listener.isClosed()) {
              try {
                Socket socket = listener.accept();
                open.add(socket);
                connections.incrementAndGet();
                executor.execute(() -> serve(socket, bytes, afterFirst));
              } catch (IOException e) {
                return;
              }
            }
          });
    }

    private void serve(Socket socket, byte[] response, AfterFirst afterFirst) {
      try (socket) {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        boolean first = true;
        while (readHead(in)) {
          if (first || afterFirst == AfterFirst.KEEP_ANSWERING) {
            requests.incrementAndGet();
            out.write(response);
            out.flush();
          }
          if (afterFirst == AfterFirst.CLOSE) {
            return;
          }
          first = false;
        }
      } catch (IOException e) {
        // The client went away.
      }
    }

    /** Reads up to the empty line that ends a request head; false at the end of the stream. */
    private static boolean readHead(InputStream in) throws IOException {
      int last4 = 0;
      for (int b; (b = in.read()) >= 0; ) {
        last4 = (last4 << 8) | b;
        if (last4 == 0x0d0a0d0a) {
          return true;
        }
      }
      return false;
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    int connections() {
      return connections.get();
    }

    /** How many requests were answered. */
    int requests() {
      return requests.get();
    }

    @Override
    public void close() {
      try {
        listener.close();
        for (Socket socket : open) {
          socket.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      executor.shutdownNow();
    }
  }
}
