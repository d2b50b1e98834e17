package org.practicealerts.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A Spring Boot service the embedded stack runs as its own JVM:
 * {@code java <jvmArgs> -jar <repo>/<module>/target/<module>.jar --spring.profiles.active=embedded}.
 *
 * @param name       service name (used for its log file {@code <data-dir>/logs/<name>.log})
 * @param module     Maven module directory and jar base name
 * @param port       HTTP port (passed as {@code SERVER_PORT})
 * @param healthPath path of the health endpoint that must report {@code "status":"UP"}
 * @param jvmArgs    JVM options placed before {@code -jar}
 */
public record ServiceSpec(String name, String module, int port, String healthPath, List<String> jvmArgs) {

    public static final String DEFAULT_HEALTH_PATH = "/actuator/health";
    public static final List<String> DEFAULT_JVM_ARGS = List.of("-Xmx384m");

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(healthPath, "healthPath");
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** A service whose module is named like the service, with the actuator health endpoint and -Xmx384m. */
    public static ServiceSpec of(String name, int port) {
        return new ServiceSpec(name, name, port, DEFAULT_HEALTH_PATH, DEFAULT_JVM_ARGS);
    }

    /** {@code <repoDir>/<module>/target/<module>.jar}. */
    public Path jar(Path repoDir) {
        return repoDir.resolve(module).resolve("target").resolve(module + ".jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String healthUrl() {
        return baseUrl() + healthPath;
    }

    public String swaggerUiUrl() {
        return baseUrl() + "/swagger-ui.html";
    }
}
