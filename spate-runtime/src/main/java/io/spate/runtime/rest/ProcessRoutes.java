package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.api.configuration.Configuration;
import io.spate.runtime.cluster.ProcessLogs;
import io.spate.runtime.cluster.ThreadDump;
import io.spate.runtime.config.EffectiveConfiguration;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Flink's REST routes about the cluster's processes: the JobManager's configuration, environment,
 * thread dump and log files, and each TaskManager's thread dump and log files (fetched over RPC; a
 * file's last {@link ProcessLogs#MAX_TAIL_BYTES} bytes). Log files are those named by the process's
 * {@code -Dlog.file}; a process without one answers 404.
 */
final class ProcessRoutes {

  private final Configuration conf;
  private final ResourceManagerGateway resourceManager;
  private final RestResponses responses;

  ProcessRoutes(Configuration conf, ResourceManagerGateway resourceManager, RestResponses responses) {
    this.conf = conf;
    this.resourceManager = resourceManager;
    this.responses = responses;
  }

  void register(RoutesConfig routes) {
    routes.get("/jobmanager/config", this::jobManagerConfig);
    routes.get("/jobmanager/environment", this::jobManagerEnvironment);
    routes.get("/jobmanager/thread-dump", ctx -> responses.write(ctx, 200, threadDump(ThreadDump.take())));
    routes.get("/jobmanager/logs", this::jobManagerLogs);
    routes.get("/jobmanager/log", ctx -> jobManagerFile(ctx, ProcessLogs.ofThisProcess().logFileName()));
    routes.get("/jobmanager/stdout", ctx -> jobManagerFile(ctx, ProcessLogs.ofThisProcess().stdoutFileName()));
    routes.get("/jobmanager/logs/{filename}", ctx -> jobManagerFile(ctx, fileName(ctx)));
    routes.get("/taskmanagers/{taskmanagerid}/thread-dump", this::taskManagerThreadDump);
    routes.get("/taskmanagers/{taskmanagerid}/logs", this::taskManagerLogs);
    routes.get("/taskmanagers/{taskmanagerid}/log", ctx -> taskManagerFile(ctx, null, false));
    routes.get("/taskmanagers/{taskmanagerid}/stdout", ctx -> taskManagerFile(ctx, null, true));
    routes.get("/taskmanagers/{taskmanagerid}/logs/{filename}", ctx -> taskManagerFile(ctx, fileName(ctx), false));
  }

  private void jobManagerConfig(Context ctx) {
    List<Map<String, String>> entries = new ArrayList<>();
    EffectiveConfiguration.of(conf).forEach((key, value) -> entries.add(Map.of("key", key, "value", value)));
    responses.write(ctx, 200, entries);
  }

  private void jobManagerEnvironment(Context ctx) {
    Map<String, Object> jvm = new LinkedHashMap<>();
    jvm.put("version", System.getProperty("java.vm.name") + " - " + System.getProperty("java.vm.vendor") + " - "
        + System.getProperty("java.version"));
    jvm.put("arch", System.getProperty("os.arch"));
    jvm.put("options", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .map(ProcessRoutes::masked).toList());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jvm", jvm);
    answer.put("classpath", List.of(System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)));
    responses.write(ctx, 200, answer);
  }

  /** A JVM option with its value hidden when its key looks like it holds a secret. */
  private static String masked(String option) {
    int equals = option.indexOf('=');
    if (equals < 0) {
      return option;
    }
    String key = option.substring(0, equals).toLowerCase(Locale.ROOT);
    boolean secret = key.contains("password") || key.contains("secret") || key.contains("token")
        || key.contains("credential");
    return secret ? option.substring(0, equals + 1) + "******" : option;
  }

  private static Map<String, Object> threadDump(List<ThreadDump.Entry> threads) {
    return Map.of("threadInfos", threads.stream().map(thread -> Map.of("threadName", thread.threadName(),
        "stringifiedThreadInfo", thread.stringifiedThreadInfo())).toList());
  }

  private void jobManagerLogs(Context ctx) throws IOException {
    ProcessLogs logs = ProcessLogs.ofThisProcess();
    if (!logs.hasLogFile()) {
      throw RestException.notFound(noLogFiles("The JobManager"));
    }
    responses.write(ctx, 200, logList(logs.list()));
  }

  private void jobManagerFile(Context ctx, String name) throws IOException {
    ProcessLogs logs = ProcessLogs.ofThisProcess();
    if (!logs.hasLogFile()) {
      throw RestException.notFound(noLogFiles("The JobManager"));
    }
    ProcessLogs.LogTail tail = name == null ? null : logs.tail(name);
    if (tail == null) {
      throw RestException.notFound(noSuchFile("The JobManager", name));
    }
    ctx.status(200).contentType("text/plain; charset=utf-8").result(tail.text());
  }

  private void taskManagerThreadDump(Context ctx) {
    String id = taskManagerId(ctx);
    responses.reply(ctx, 200, notFoundIfUnknown(resourceManager.requestTaskManagerThreadDump(id))
        .thenApply(ProcessRoutes::threadDump));
  }

  private void taskManagerLogs(Context ctx) {
    String id = taskManagerId(ctx);
    responses.reply(ctx, 200, notFoundIfUnknown(resourceManager.requestTaskManagerLogList(id)).thenApply(files -> {
      if (files == null) {
        throw RestException.notFound(noLogFiles("TaskManager '" + id + "'"));
      }
      return logList(files);
    }));
  }

  private void taskManagerFile(Context ctx, String name, boolean stdout) {
    String id = taskManagerId(ctx);
    CompletableFuture<ProcessLogs.LogTail> tail;
    if (stdout) {
      tail = notFoundIfUnknown(resourceManager.requestTaskManagerLogList(id)).thenCompose(files -> {
        if (files == null) {
          throw RestException.notFound(noLogFiles("TaskManager '" + id + "'"));
        }
        return resourceManager.requestTaskManagerLogFile(id, stdoutOf(files));
      });
    } else {
      tail = notFoundIfUnknown(resourceManager.requestTaskManagerLogFile(id, name));
    }
    ctx.future(() -> tail.handle((file, error) -> {
      if (error != null) {
        responses.fail(ctx, error);
      } else if (file == null) {
        responses.fail(ctx, RestException.notFound(name == null ? noLogFiles("TaskManager '" + id + "'")
            : noSuchFile("TaskManager '" + id + "'", name)));
      } else {
        ctx.status(200).contentType("text/plain; charset=utf-8").result(file.text());
      }
      return null;
    }));
  }

  /** The file a TaskManager's output goes to, among its {@code files}: the .out file if there is one, else its log. */
  private static String stdoutOf(List<ProcessLogs.LogFile> files) {
    return files.stream().map(ProcessLogs.LogFile::name).filter(name -> name.endsWith(".out")).findFirst()
        .orElse(null);
  }

  private static Map<String, Object> logList(List<ProcessLogs.LogFile> files) {
    return Map.of("logs", files.stream().map(file -> Map.of("name", file.name(), "size", file.size(),
        "mtime", file.mtime())).toList());
  }

  /** {@code answer}, failing with 404 when the ResourceManager knows no such TaskManager. */
  private static <T> CompletableFuture<T> notFoundIfUnknown(CompletableFuture<T> answer) {
    return answer.exceptionally(error -> {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof NoSuchElementException) {
        throw RestException.notFound(cause.getMessage());
      }
      throw error instanceof CompletionException completion ? completion : new CompletionException(error);
    });
  }

  private static String taskManagerId(Context ctx) {
    String id = ctx.pathParam("taskmanagerid");
    if (!TaskManagerRoutes.ID.matcher(id).matches()) {
      throw RestException.badRequest("Path parameter 'taskmanagerid' ('" + id + "' in " + ctx.path() + ") is not a"
          + " TaskManager id: an id is 1 to 255 letters, digits and . _ : - [ ] characters, as GET /taskmanagers"
          + " lists them.");
    }
    return id;
  }

  private static String fileName(Context ctx) {
    String name = ctx.pathParam("filename");
    if (name.contains("/") || name.contains("\\") || name.contains("..") || name.startsWith(".")) {
      throw RestException.badRequest("Path parameter 'filename' ('" + name + "') is not a log file name: a name has"
          + " no '/', '\\' or '..' and does not start with '.'; the logs route lists the files.");
    }
    if (!ProcessLogs.isLogName(name)) {
      throw RestException.notFound("'" + name + "' is not a log file: only the .log and .out files of the"
          + " process's log directory are served; the logs route lists them.");
    }
    return name;
  }

  private static String noLogFiles(String process) {
    return process + " has no log files: it was not started with -Dlog.file (the cluster scripts set it, naming"
        + " the file its output goes to).";
  }

  private static String noSuchFile(String process, String name) {
    return process + " has no log file '" + name + "'; the logs route lists them.";
  }
}
