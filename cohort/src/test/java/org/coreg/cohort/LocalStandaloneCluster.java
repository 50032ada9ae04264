package org.coreg.cohort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on the loopback address: one Master and {@code workers} Workers, each a child JVM
 * started from the Spark jars of this JVM's class path (no Spark installation). The Workers need a Spark home for
 * their executors' class path: a folder whose {@code jars/} links those same jars. {@link #close} stops every child
 * process and their executors.
 */
final class LocalStandaloneCluster implements AutoCloseable {
    private final Path work;
    private final Path sparkHome;
    private final List<Process> processes = new ArrayList<>();
    private final int masterPort;
    private final int webUiPort;

    /** Starts the cluster and waits (at most {@code timeout}) until every Worker has registered. */
    LocalStandaloneCluster(Path work, int workers, int coresPerWorker, Duration timeout) throws IOException,
            InterruptedException {
        this.work = work;
        this.sparkHome = sparkHome(work.resolve("spark-home"));
        masterPort = freePort();
        webUiPort = freePort();
        try {
            processes.add(start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(webUiPort))));
            for (int i = 0; i < workers; i++) {
                Path dir = Files.createDirectories(work.resolve("worker" + i));
                processes.add(start("worker" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host",
                        "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", Integer.toString(coresPerWorker),
                        "--memory", "1g", "--work-dir", dir.toString(), masterUrl())));
            }
            awaitWorkers(workers, timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /**
     * Runs {@code spark-submit} (its main class, org.apache.spark.deploy.SparkSubmit, in a child JVM as
     * bin/spark-submit would) in client mode against this cluster; returns its exit status. Its output goes to
     * {@code log}.
     */
    int submit(List<String> submitArgs, Path log, Duration timeout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", sparkClassPath(),
                "org.apache.spark.deploy.SparkSubmit", "--master", masterUrl(), "--deploy-mode", "client",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=512m"));
        cmd.addAll(submitArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        environment(pb);
        Process p = pb.start();
        processes.add(p);
        if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("spark-submit did not finish within " + timeout + "; see " + log);
        }
        return p.exitValue();
    }

    /** The log of a child ("master", "worker0", ...), for messages. */
    String log(String name) {
        try {
            Path f = work.resolve(name + ".log");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process p : processes.reversed()) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Process start(String name, List<String> mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp", sparkClassPath()));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        environment(pb);
        return pb.start();
    }

    private void environment(ProcessBuilder pb) {
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    }

    private void awaitWorkers(int workers, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Spark daemon exited with " + p.exitValue() + ":\n"
                            + log("master") + log("worker0"));
                }
            }
            try {
                Matcher m = alive.matcher(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
                if (m.find() && Integer.parseInt(m.group(1)) >= workers) {
                    return;
                }
            } catch (IOException notYet) {
                // The master's web UI is not up yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the standalone cluster did not have " + workers + " workers within " + timeout
                + ":\n" + log("master") + log("worker0"));
    }

    /** The jars of this JVM's class path that are not the project's own (Spark and the libraries). */
    private static List<Path> libraryJars() {
        List<Path> jars = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            String name = p.getFileName().toString();
            if (name.endsWith(".jar") && !name.startsWith("coreg") && Files.isRegularFile(p)) {
                jars.add(p.toAbsolutePath());
            }
        }
        return jars;
    }

    private static String sparkClassPath() {
        return String.join(File.pathSeparator, libraryJars().stream().map(Path::toString).toList());
    }

    /** A Spark home whose jars/ folder links the library jars (the Workers put jars/* on executors' class path). */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (Path j : libraryJars()) {
            Path link = jars.resolve(j.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, j);
            }
        }
        return home;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
