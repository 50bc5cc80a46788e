package io.spate.runtime.rest;

import io.spate.runtime.BindPorts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.util.JavalinBindException;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.RestOptions;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.metrics.MetricOptions;
import io.spate.runtime.metrics.dump.MetricDump;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import io.spate.runtime.security.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's REST API over HTTP with JSON bodies: jobs, cancellation, checkpoint statistics,
 * savepoints and exception histories, TaskManagers, the configuration, a health check, and its own
 * OpenAPI description at {@code /openapi}; optionally behind bearer or basic authentication, and
 * over HTTPS only with {@code security.ssl.rest.enabled}.
 */
public final class RestServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
  private static final String OPENAPI_RESOURCE = "openapi.json";
  // A server that stops with its job waits this long at most for clients to fetch savepoint outcomes.
  private static final Duration MAX_WAIT_FOR_UNFETCHED_OUTCOMES = Duration.ofSeconds(10);

  private final Javalin app;
  private final String address;
  private final SavepointOperations savepoints;
  private final String scheme;
  private final RouteTemplates routes;

  private RestServer(Javalin app, String address, SavepointOperations savepoints, String scheme,
      RouteTemplates routes) {
    this.app = app;
    this.routes = routes;
    this.address = address;
    this.savepoints = savepoints;
    this.scheme = scheme;
  }

  /**
   * Starts the server for {@code dispatcher} and {@code resourceManager} on {@code rest.address} and
   * the first free port of {@code rest.bind-port} (or {@code rest.port}).
   *
   * @throws IllegalConfigurationException if the port, authentication or TLS options are malformed
   * @throws IOException if none of the ports can be bound
   */
  public static RestServer start(Configuration conf, DispatcherGateway dispatcher,
      ResourceManagerGateway resourceManager) throws IOException {
    return start(conf, dispatcher, resourceManager, null, JarRunner.UNSUPPORTED);
  }

  /**
   * Like {@link #start(Configuration, DispatcherGateway, ResourceManagerGateway)}, with the jar routes
   * served from {@code jars} (null refuses them) and run by {@code jarRunner}.
   */
  public static RestServer start(Configuration conf, DispatcherGateway dispatcher,
      ResourceManagerGateway resourceManager, JarStore jars, JarRunner jarRunner) throws IOException {
    return start(conf, dispatcher, resourceManager, jars, jarRunner, () -> MetricDump.EMPTY);
  }

  /**
   * Like {@link #start(Configuration, DispatcherGateway, ResourceManagerGateway, JarStore, JarRunner)},
   * answering the metric routes with the JobManager's metrics as {@code jobManagerMetrics} dumps them
   * and the TaskManagers' as the ResourceManager fetches them.
   */
  public static RestServer start(Configuration conf, DispatcherGateway dispatcher,
      ResourceManagerGateway resourceManager, JarStore jars, JarRunner jarRunner,
      Supplier<MetricDump> jobManagerMetrics) throws IOException {
    RestAuthentication authentication = RestAuthentication.from(conf);
    Optional<TlsSettings> tls = TlsSettings.restServer(conf);
    boolean requireClientCertificate = conf.get(SecurityOptions.REST_AUTHENTICATION_ENABLED);
    String scheme = tls.isPresent() ? "https" : "http";
    String address = conf.get(RestOptions.ADDRESS);
    String spec = conf.getOptional(RestOptions.BIND_PORT).orElse(String.valueOf(conf.get(RestOptions.PORT)));
    String option = conf.getOptional(RestOptions.BIND_PORT).isPresent()
        ? RestOptions.BIND_PORT.key() : RestOptions.PORT.key();
    List<Integer> ports = BindPorts.parse(option, spec);
    long maxRequestSize = conf.get(RestOptions.MAX_REQUEST_SIZE).bytes();
    for (int port : ports) {
      if (port != 0 && !isFree(address, port)) {
        LOG.debug("REST port {} on {} is taken", port, address);
        continue;
      }
      SavepointOperations savepoints = new SavepointOperations();
      RouteTemplates routes = new RouteTemplates();
      MetricFetcher metrics = new MetricFetcher(resourceManager, dispatcher, jobManagerMetrics,
          conf.get(MetricOptions.FETCHER_UPDATE_INTERVAL));
      Javalin app = Javalin.create(config -> {
        configure(config, conf, dispatcher, resourceManager, savepoints, authentication, maxRequestSize, jars,
            jarRunner, routes, metrics);
        tls.ifPresent(settings -> RestTls.install(config, settings, requireClientCertificate, address, port));
      });
      for (var parsed : app.unsafe.internalRouter.allHttpHandlers()) {
        if (parsed.endpoint.method.isHttpMethod()) {
          routes.add(parsed.endpoint.method.name(), parsed.endpoint.path);
        }
      }
      try {
        app.start(address, port);
        LOG.info("REST API listening on {}://{}:{}", scheme, address, app.port());
        return new RestServer(app, address, savepoints, scheme, routes);
      } catch (JavalinBindException e) {
        app.stop();
        LOG.debug("REST port {} on {} is taken", port, address);
      }
    }
    throw new IOException("The REST API could not listen on " + address + ": every port of " + option + " ('"
        + spec + "') is taken or not allowed; choose others with " + RestOptions.BIND_PORT.key() + ".");
  }

  /** Whether {@code port} can be bound now; checked first because Javalin logs a failed start as an error. */
  private static boolean isFree(String address, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(address, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void configure(JavalinConfig config, Configuration conf, DispatcherGateway dispatcher,
      ResourceManagerGateway resourceManager, SavepointOperations savepoints, RestAuthentication authentication,
      long maxRequestSize, JarStore jars, JarRunner jarRunner, RouteTemplates routes, MetricFetcher metrics) {
    ObjectMapper json = new ObjectMapper();
    JsonBodyReader bodies = new JsonBodyReader(maxRequestSize);
    RestResponses responses = new RestResponses(json, maxRequestSize);
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = maxRequestSize;
    QueuedThreadPool threads = new QueuedThreadPool(16, 2, 60_000);
    threads.setName("spate-rest");
    config.jetty.threadPool = threads;
    JsonErrorPages errorPages = new JsonErrorPages(json);
    config.jetty.modifyServer(server -> {
      // Answers being written when the server stops are finished rather than cut off.
      server.setStopTimeout(2_000);
      server.setErrorHandler(errorPages);
    });
    config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errorPages));
    WebUiAssets webUi = WebUiAssets.find(RestServer.class.getClassLoader());
    if (webUi != null) {
      webUi.install(config);
    }
    if (authentication.enabled()) {
      config.routes.before(ctx -> {
        if (webUi == null || !isWebUiAsset(ctx, webUi)) {
          authenticate(ctx, authentication);
        }
      });
    }
    config.routes.get("/health", ctx -> responses.write(ctx, 200, Map.of("status", "ok")));
    config.routes.get("/openapi", RestServer::openApi);
    new JobRoutes(dispatcher, bodies, responses, savepoints).register(config.routes);
    new CheckpointRoutes(dispatcher, responses).register(config.routes);
    new AccumulatorRoutes(dispatcher, responses).register(config.routes);
    new MetricRoutes(dispatcher, metrics, responses).register(config.routes);
    new VertexRoutes(dispatcher, metrics, responses).register(config.routes);
    new OverviewRoutes(dispatcher, resourceManager, responses).register(config.routes);
    new ProcessRoutes(conf, resourceManager, responses).register(config.routes);
    new FlameGraphRoutes(conf, dispatcher, resourceManager, responses).register(config.routes);
    new TaskManagerRoutes(resourceManager, responses).register(config.routes);
    new ConfigRoutes(conf).register(config.routes, responses);
    config.jetty.multipartConfig.maxFileSize(maxRequestSize, io.javalin.config.SizeUnit.BYTES);
    config.jetty.multipartConfig.maxTotalRequestSize(maxRequestSize, io.javalin.config.SizeUnit.BYTES);
    new JarRoutes(jars, jarRunner, bodies, responses, maxRequestSize).register(config.routes);
    config.routes.exception(Exception.class, (e, ctx) -> responses.fail(ctx, e));
    config.routes.error(404, "*", ctx -> notFoundOrNotAllowed(ctx, responses, routes));
    config.routes.error(405, "*", ctx -> writeIfEmpty(ctx, responses, "Method " + ctx.method() + " is not allowed"
        + " on " + ctx.path() + "; see /openapi for the API."));
    config.routes.error(413, "*", ctx -> writeIfEmpty(ctx, responses, "The request body is larger than "
        + RestOptions.MAX_REQUEST_SIZE.key() + " (" + maxRequestSize + " bytes)."));
  }

  /**
   * Refuses a request without the configured credentials before any handler runs: the exception
   * ends the request, so no job is cancelled and no savepoint triggered.
   */
  private static void authenticate(Context ctx, RestAuthentication authentication) {
    if (ctx.method().equals(io.javalin.http.HandlerType.GET) && ctx.path().equals("/health")) {
      return;
    }
    String presented = ctx.header("Authorization");
    if (!authentication.accepts(presented)) {
      // The web UI asks for credentials itself; a challenge would make the browser ask as well.
      if (!"XMLHttpRequest".equals(ctx.header("X-Requested-With"))) {
        ctx.header("WWW-Authenticate", authentication.challenge());
      }
      throw new RestException(401, (presented == null ? "This request carries no credentials" : "The credentials of"
          + " this request are not valid") + "; the Spate REST API requires " + authentication.scheme() + ".");
    }
  }

  /** Whether the request fetches a file of the web UI, which loads without credentials. */
  private static boolean isWebUiAsset(Context ctx, WebUiAssets webUi) {
    String method = ctx.method().name();
    return (method.equals("GET") || method.equals("HEAD")) && webUi.isAsset(ctx.path());
  }

  /**
   * Answers a request that no route took: 405 with the allowed methods when its path is known but not
   * its method, else 404. A handler's own 404 (an unknown job, say) is left as it is.
   */
  private static void notFoundOrNotAllowed(Context ctx, RestResponses responses, RouteTemplates routes) {
    String written = ctx.result();
    if (written != null && written.startsWith("{")) {
      return;
    }
    Set<String> allowed = routes.allowedMethods(ctx.path());
    if (!allowed.isEmpty() && !allowed.contains(ctx.method().name())) {
      String methods = String.join(", ", allowed);
      ctx.header("Allow", methods);
      responses.write(ctx, 405, Map.of("errors", List.of("Method " + ctx.method() + " is not allowed on "
          + ctx.path() + "; it allows " + methods + ". See /openapi for the API.")));
      return;
    }
    responses.write(ctx, 404, Map.of("errors", List.of("No such resource: " + ctx.method() + " " + ctx.path()
        + "; see /openapi for the API.")));
  }

  /** Answers with {@code message} unless the handler already wrote an answer of its own. */
  private static void writeIfEmpty(Context ctx, RestResponses responses, String message) {
    String written = ctx.result();
    if (written == null || written.isEmpty() || !written.startsWith("{")) {
      responses.write(ctx, ctx.statusCode(), Map.of("errors", List.of(message)));
    }
  }

  private static void openApi(Context ctx) throws IOException {
    try (InputStream in = RestServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IOException("The OpenAPI description " + OPENAPI_RESOURCE + " is missing from the class path.");
      }
      ctx.status(200).contentType("application/json").result(in.readAllBytes());
    }
  }

  /** The routes the server answers, as {@code METHOD /path/{param}}, sorted. */
  Set<String> registeredRoutes() {
    return routes.routes();
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The base URL of the API, such as {@code http://127.0.0.1:8081} (https with TLS). */
  public String url() {
    String host = address.contains(":") ? "[" + address + "]" : address;
    return scheme + "://" + host + ":" + port();
  }

  /**
   * Stops the server once clients have fetched the outcome of every savepoint triggered through it
   * (a client that stopped a job with a savepoint learns its path even though the server goes away
   * with the job), waiting for that at most a few seconds.
   */
  @Override
  public void close() {
    try {
      if (!savepoints.awaitAllReported(MAX_WAIT_FOR_UNFETCHED_OUTCOMES)) {
        LOG.info("Stopping the REST API before every savepoint outcome was fetched");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    app.stop();
  }
}
