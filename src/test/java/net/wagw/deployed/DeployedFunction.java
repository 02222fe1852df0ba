package net.wagw.deployed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import net.wagw.local.LocalProcess;

/**
 * One function of {@code target/function.zip} in its own JVM, started the way AWS's java21
 * runtime starts it: the zip unpacked as the task root (the working directory; the runtime client
 * loads the function from it and its {@code lib/}), the runtime interface client and its jars on
 * the class path, Lambda's JVM flags, and the function's environment; it talks to its own
 * {@link RuntimeApi}.
 */
public final class DeployedFunction implements AutoCloseable {
    /** The runtime client's entry point and the handler the template names. */
    static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final String name;
    private final RuntimeApi api;
    private final Process process;
    private final long startedNanos;
    private final Path log;

    private DeployedFunction(String name, RuntimeApi api, Process process, long startedNanos, Path log) {
        this.name = name;
        this.api = api;
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /**
     * The JVM flags of AWS's java17+ runtimes: the heap at 85% of the function's memory, the
     * serial collector, class data sharing, C1 only (tiered compilation stopped at level 1, the
     * runtimes' default since java17), IPv4.
     * See https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html
     */
    static List<String> lambdaJvmFlags(int memoryMb) {
        return List.of("-XX:MaxHeapSize=" + (memoryMb * 1024L * 85 / 100) + "k", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true");
    }

    /** Unpacks the zip into {@code taskRoot} (emptied first), as Lambda unpacks it into /var/task. */
    public static Path unpack(Path zip, Path taskRoot) {
        try {
            if (Files.exists(taskRoot)) {
                try (Stream<Path> old = Files.walk(taskRoot)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(taskRoot);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                    Path target = taskRoot.resolve(entry.getName()).normalize();
                    if (!target.startsWith(taskRoot)) {
                        throw new IOException("zip entry outside the task root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target);
                    }
                }
            }
            return taskRoot;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /**
     * Starts the function: {@code environment} is what its Lambda's configuration sets; the
     * variables the Lambda service itself sets are added here. {@code javaHome} is the JVM it runs
     * on, {@code jvmFlags} what it gets besides Lambda's (a benchmark's class-data archive).
     */
    public static DeployedFunction start(String name, Path taskRoot, Path runtimeJars, String handler, int memoryMb,
            Map<String, String> environment, Path logDir, Path javaHome, List<String> jvmFlags) {
        RuntimeApi api = new RuntimeApi(name);
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(lambdaJvmFlags(memoryMb));
        command.addAll(jvmFlags);
        command.add("-D" + JNI_PROPERTY + "=" + nativeClient(runtimeJars));
        command.add("-classpath");
        command.add(classPath(runtimeJars));
        command.add(RUNTIME_MAIN);
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", handler);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_SESSION_TOKEN", "local");
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.putAll(environment);
        Path log = logDir.resolve(name + ".log");
        try {
            Files.createDirectories(logDir);
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            long started = System.nanoTime();
            Process process = builder.start();
            return new DeployedFunction(name, api, process, started, log);
        } catch (IOException e) {
            api.close();
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * The runtime client's JNI library, unpacked once beside its jars: left to itself, every
     * client unpacks it to the same /tmp file (one per machine in Lambda, shared by all the
     * functions here), and a JVM loading it while another rewrites it crashes.
     */
    private static synchronized Path nativeClient(Path runtimeJars) {
        Path library = runtimeJars.resolve("jni").resolve("libaws-lambda-jni.linux-x86_64.so");
        if (Files.isRegularFile(library)) {
            return library;
        }
        try (Stream<Path> jars = Files.list(runtimeJars)) {
            Path client = jars.filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no runtime interface client in " + runtimeJars));
            try (var zip = new java.util.zip.ZipFile(client.toFile())) {
                Files.createDirectories(library.getParent());
                Path partial = Files.createTempFile(library.getParent(), "jni", ".part");
                try (InputStream in = zip.getInputStream(zip.getEntry("jni/" + library.getFileName()))) {
                    Files.copy(in, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, library, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return library;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime client's JNI library", e);
        }
    }

    private static String classPath(Path runtimeJars) {
        try (Stream<Path> jars = Files.list(runtimeJars)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString)
                    .collect(Collectors.joining(":"));
        } catch (IOException e) {
            throw new UncheckedIOException("no runtime interface client jars in " + runtimeJars, e);
        }
    }

    public String name() {
        return name;
    }

    /** Invokes the function with one event and waits for its answer. */
    public RuntimeApi.Answer invoke(String event, Duration timeout) {
        try {
            return api.invoke(event.getBytes(StandardCharsets.UTF_8), timeout).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " did not answer: " + e.getCause().getMessage() + "\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the runtime asks for its first event (the function's init is done). */
    public long awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                try {
                    return api.ready().get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException notYet) {
                    if (!process.isAlive() || api.initError().isDone() || System.nanoTime() > deadline) {
                        throw new IllegalStateException(name + " did not start (alive: " + process.isAlive()
                                + ", init error: " + api.initError().getNow("none") + ")\n" + logTail());
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " did not start\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The hops of the latest invocation it answered. */
    public RuntimeApi.Trace lastTrace() {
        return api.lastTrace();
    }

    /** Whether the function is serving an invocation now. */
    public boolean invoking() {
        return api.invoking();
    }

    /** How many invocations the function has been handed. */
    public long invocations() {
        return api.invocations();
    }

    /** {@link System#nanoTime()} when the process was started. */
    public long startedNanos() {
        return startedNanos;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Asks the JVM to exit (SIGTERM, as Lambda's shutdown does) and waits up to {@code timeout} for
     * it, so that what it does at exit (a class-data archive dumped) is done.
     *
     * @return its exit code
     */
    public int exit(Duration timeout) {
        try {
            process.destroy();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not exit within " + timeout + "\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        LocalProcess.stop(process);
        api.close();
    }
}
