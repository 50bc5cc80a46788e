package io.spate.connectors.base;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TCP server on loopback that stores lines, the "client" of the sink tests: a request is one
 * connection carrying lines and then an empty line; the answer is "OK" once the lines are stored,
 * or "FAIL ..." (storing nothing) while failures are asked for. It counts the requests it is
 * serving at once, and can hold answers until released or answer each after a delay.
 */
final class LineStoreServer implements AutoCloseable {

  private final ServerSocket server;
  private final Thread acceptor;
  private final List<String> stored = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger serving = new AtomicInteger();
  private final AtomicInteger maxServing = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger failuresToGive = new AtomicInteger();
  private final List<Socket> connections = Collections.synchronizedList(new ArrayList<>());
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile long delayNanos;

  LineStoreServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "line-store-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Holds every answer until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  /** Answers the held requests and all later ones. */
  void release() {
    gate.countDown();
  }

  /** Answers each request {@code millis} after it arrived: a slow client. */
  void delayAnswers(long millis) {
    delayNanos = TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** Fails the next {@code count} requests. */
  void failNext(int count) {
    failuresToGive.set(count);
  }

  /** The lines stored so far, in arrival order. */
  List<String> stored() {
    synchronized (stored) {
      return List.copyOf(stored);
    }
  }

  int storedCount() {
    return stored.size();
  }

  int serving() {
    return serving.get();
  }

  int maxServing() {
    return maxServing.get();
  }

  int requests() {
    return requests.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.add(socket);
        Thread handler = new Thread(() -> serve(socket), "line-store-request");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    int now = serving.incrementAndGet();
    maxServing.accumulateAndGet(now, Math::max);
    requests.incrementAndGet();
    boolean counted = true;
    try (socket;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream()) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        lines.add(line);
      }
      long delay = delayNanos;
      if (delay > 0) {
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(delay));
      }
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("held longer than 30 s");
      }
      String answer;
      if (failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        answer = "FAIL disk full";
      } else {
        stored.addAll(lines);
        answer = "OK";
      }
      // Counted down before the answer: when the client has it, the server is no longer serving it.
      serving.decrementAndGet();
      counted = false;
      out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (counted) {
        serving.decrementAndGet();
      }
    }
  }

  @Override
  public void close() throws IOException {
    release();
    server.close();
    synchronized (connections) {
      for (Socket socket : connections) {
        socket.close();
      }
    }
  }
}
