package org.practicealerts.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One child OS process of the embedded stack (Kafka, MongoDB or a service JVM) that can be started,
 * stopped (SIGTERM, then SIGKILL after the stop timeout), killed (SIGKILL right away), restarted, and
 * awaited until its readiness check passes. Its stdout and stderr are appended to {@link #logFile()}.
 *
 * <p>On Linux the child is launched through {@code setsid} (same pid: setsid execs in place) so that it
 * sits in its own session: Ctrl-C in the launcher's terminal then reaches only the launcher, whose
 * shutdown hook stops the children in order instead of all of them at once.
 */
public final class ManagedProcess implements AutoCloseable {

    /** Default time a process gets between SIGTERM and SIGKILL. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(15);
    /** Default time {@link #awaitReady()} waits. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Path SETSID = Stream.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"))
            .filter(Files::isExecutable).findFirst().orElse(null);

    /** Tells whether the process is ready to serve (e.g. a health URL says UP). */
    @FunctionalInterface
    public interface ReadinessCheck {
        /** @return true when ready; false or an exception means "not yet". */
        boolean isReady() throws Exception;
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path logFile;
    private final ReadinessCheck readiness;
    private final Duration readyTimeout;
    private final Duration stopTimeout;
    private final boolean ownSession;

    private volatile Process process;

    private ManagedProcess(Builder builder) {
        this.name = builder.name;
        this.command = List.copyOf(builder.command);
        this.environment = Map.copyOf(builder.environment);
        this.workingDirectory = builder.workingDirectory;
        this.logFile = Objects.requireNonNull(builder.logFile, "logFile").toAbsolutePath().normalize();
        this.readiness = builder.readiness;
        this.readyTimeout = builder.readyTimeout;
        this.stopTimeout = builder.stopTimeout;
        this.ownSession = builder.ownSession;
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command for process " + name);
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The path of the {@code java} launcher of the running JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public List<String> command() {
        return command;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Path logFile() {
        return logFile;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    /**
     * Launches the process, appending its output to {@link #logFile()}. Throws when it is already alive.
     */
    public synchronized ManagedProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        List<String> launch = new ArrayList<>();
        if (ownSession && SETSID != null) {
            launch.add(SETSID.toString());
        }
        launch.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(launch)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null").exists()
                        ? new File("/dev/null") : new File("NUL")));
        builder.environment().putAll(environment);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, System.lineSeparator() + "==== " + Instant.now() + " starting " + name
                            + ": " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", command), e);
        }
        return this;
    }

    /** {@link #start()} then {@link #awaitReady()}. */
    public ManagedProcess startAndAwaitReady() {
        start();
        return awaitReady();
    }

    /** Waits up to the configured ready timeout; see {@link #awaitReady(Duration)}. */
    public ManagedProcess awaitReady() {
        return awaitReady(readyTimeout);
    }

    /**
     * Polls the readiness check until it passes.
     *
     * @throws IllegalStateException when the process exits first or the timeout passes; the message names
     *                               the log file and quotes its last lines
     */
    public ManagedProcess awaitReady(Duration timeout) {
        if (readiness == null) {
            return this;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Process current = process;
            if (current == null || !current.isAlive()) {
                String exit = current == null ? "was never started" : "exited with code " + current.exitValue();
                throw new IllegalStateException(name + " " + exit + " before it was ready. Log: " + logFile
                        + System.lineSeparator() + logTail(30));
            }
            if (isReady()) {
                return this;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds()
                        + " s. Log: " + logFile + System.lineSeparator() + logTail(30));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    /** True when alive and the readiness check (if any) passes right now. */
    public boolean isReady() {
        if (!isAlive()) {
            return false;
        }
        if (readiness == null) {
            return true;
        }
        try {
            return readiness.isReady();
        } catch (Exception notYet) {
            return false;
        }
    }

    /**
     * Graceful stop: SIGTERM, wait up to the stop timeout, then SIGKILL. No-op when not running.
     *
     * @return the exit code, or empty when the process was not running
     */
    public synchronized Optional<Integer> stop() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return Optional.empty();
        }
        List<ProcessHandle> descendants = current.descendants().toList();
        current.destroy();
        try {
            if (!current.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println(name + " did not stop within " + stopTimeout.toSeconds()
                        + " s after SIGTERM; killing it");
                current.destroyForcibly();
                current.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        return Optional.of(current.exitValue());
    }

    /** Like {@code kill -9}: SIGKILL right away (no shutdown hooks run), then waits for the exit. */
    public synchronized void kill() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = current.descendants().toList();
        current.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            current.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stop()}, {@link #start()}, then {@link #awaitReady()}. */
    public ManagedProcess restart() {
        synchronized (this) {
            stop();
            start();
        }
        return awaitReady();
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Pid of the current (or last) OS process; empty before the first start. */
    public Optional<Long> pid() {
        Process current = process;
        return current == null ? Optional.empty() : Optional.of(current.pid());
    }

    /** Exit code of the last run; empty while running or before the first start. */
    public Optional<Integer> exitCode() {
        Process current = process;
        return current == null || current.isAlive() ? Optional.empty() : Optional.of(current.exitValue());
    }

    /** The last {@code lines} lines of the log file (empty text when there is none). */
    public String logTail(int lines) {
        if (!Files.exists(logFile)) {
            return "";
        }
        Deque<String> tail = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(logFile, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), tail);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "ManagedProcess[" + name + ", " + (isAlive() ? "alive pid " + process.pid() : "not running")
                + ", log " + logFile + "]";
    }

    /** Builder of a {@link ManagedProcess}; only the command and the log file are required. */
    public static final class Builder {
        private final String name;
        private final List<String> command = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private Path logFile;
        private ReadinessCheck readiness;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
        private boolean ownSession = true;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder command(List<String> args) {
            command.clear();
            command.addAll(args);
            return this;
        }

        public Builder command(String... args) {
            return command(List.of(args));
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder environment(Map<String, String> env) {
            environment.putAll(env);
            return this;
        }

        public Builder workingDirectory(Path dir) {
            this.workingDirectory = dir;
            return this;
        }

        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        public Builder readiness(ReadinessCheck check) {
            this.readiness = check;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Launch through {@code setsid} when available (default true). */
        public Builder ownSession(boolean ownSession) {
            this.ownSession = ownSession;
            return this;
        }

        public ManagedProcess build() {
            return new ManagedProcess(this);
        }
    }
}
