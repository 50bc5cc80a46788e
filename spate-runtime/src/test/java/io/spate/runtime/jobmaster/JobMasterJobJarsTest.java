package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.rpc.LocalRpcService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JobMaster serves its job's jars through its gateway, with every message serialized as between processes. */
class JobMasterJobJarsTest {

  @TempDir
  Path dir;

  private JobGraph jobWithJars(List<String> jars) {
    Configuration conf = new Configuration();
    CoreOptions.setJars(conf, jars);
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
    env.fromSequence(1, 10).discard();
    return JobGraphGenerator.generate(env.getStreamGraph("jars"));
  }

  @Test
  void servesTheJarsAndRejectsBadArgumentsThroughItsGateway() throws Exception {
    Path jar = Files.write(dir.resolve("job.jar"), new byte[] {1, 2, 3, 4, 5});
    JobGraph job = jobWithJars(List.of(jar.toString()));
    try (LocalRpcService rpc = new LocalRpcService(true);
        JobMaster jobMaster = new JobMaster(rpc, "jobmaster-jars", job, "resourcemanager", result -> {})) {
      JobMasterGateway gateway = rpc.connect(jobMaster.getAddress(), JobMasterGateway.class).get(10, TimeUnit.SECONDS);
      assertThat(gateway.jobJarSizes().get(10, TimeUnit.SECONDS)).containsExactly(5L);
      assertThat(gateway.readJobJar(0, 1, 3).get(10, TimeUnit.SECONDS)).containsExactly(2, 3, 4);
      assertThat(gateway.readJobJar(0, 5, 3).get(10, TimeUnit.SECONDS)).isEmpty();

      assertThatThrownBy(() -> gateway.readJobJar(1, 0, 3).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(IllegalArgumentException.class)
          .hasRootCauseMessage("Job " + job.jobId() + " has 1 jar(s); there is no jar #1");
      assertThatThrownBy(() -> gateway.readJobJar(0, 6, 3).get(10, TimeUnit.SECONDS))
          .hasRootCauseMessage("Offset 6 is past the end of jar " + jar + " (5 bytes)");
      assertThatThrownBy(() -> gateway.readJobJar(0, -1, 3).get(10, TimeUnit.SECONDS))
          .hasRootCauseMessage("Offset -1 into jar " + jar + " is negative");
      assertThatThrownBy(() -> gateway.readJobJar(0, 0, 0).get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aMissingJarFailsItsSizesNamingIt() throws Exception {
    String missing = dir.resolve("gone.jar").toString();
    JobGraph job = jobWithJars(List.of(missing));
    try (LocalRpcService rpc = new LocalRpcService(true);
        JobMaster jobMaster = new JobMaster(rpc, "jobmaster-missing", job, "resourcemanager", result -> {})) {
      JobMasterGateway gateway = rpc.connect(jobMaster.getAddress(), JobMasterGateway.class).get(10, TimeUnit.SECONDS);
      assertThatThrownBy(() -> gateway.jobJarSizes().get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(java.io.IOException.class)
          .hasRootCauseMessage("Jar " + missing + " of job " + job.jobId() + " is missing or unreadable on the JobManager");
    }
  }

  @Test
  void aJobWithoutJarsListsNone() throws Exception {
    try (LocalRpcService rpc = new LocalRpcService(true);
        JobMaster jobMaster = new JobMaster(rpc, "jobmaster-none", jobWithJars(List.of()), "resourcemanager",
            result -> {})) {
      JobMasterGateway gateway = rpc.connect(jobMaster.getAddress(), JobMasterGateway.class).get(10, TimeUnit.SECONDS);
      assertThat(gateway.jobJarSizes().get(10, TimeUnit.SECONDS)).isEmpty();
    }
  }
}
