package org.practicealerts.web.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.practicealerts.web.WebAppProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The services' public REST APIs, called with the signed-in person's bearer token. Reads answer the body or fail with
 * {@link ApiException}; commands answer an {@link Outcome}, so a page can show a refusal's problem details field by
 * field. Nothing here logs a body: they carry case text.
 */
@Component
public class ServiceApi {

    /** Which service a call goes to. */
    public enum Service { ALERTS, NOTIFICATIONS, REPORTS }

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long reference data is shared before it is read again. */
    static final Duration REFERENCE_TTL = Duration.ofSeconds(30);

    private final WebClient client;
    private final java.util.concurrent.ConcurrentMap<String, Mono<?>> reference =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final WebAppProperties props;

    public ServiceApi(WebClient.Builder builder, WebAppProperties props) {
        this.client = builder.build();
        this.props = props;
    }

    /** What a command did: the service's answer, or the problem it refused with. */
    public record Outcome(Map<String, Object> body, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Reference data every signed-in person may read and that changes rarely (a procedure, the bank holidays): one
     * answer per address is shared for {@link #REFERENCE_TTL}, so pages do not ask for it on every load. A failure
     * is not kept.
     */
    @SuppressWarnings("unchecked")
    public <T> Mono<T> reference(String token, Service service, Class<T> type, String path, Object... vars) {
        String key = service + " " + org.springframework.web.util.UriComponentsBuilder.fromUriString(path)
                .buildAndExpand(vars).toUriString();
        return (Mono<T>) reference.computeIfAbsent(key, k -> (type == List.class ? list(token, service, path, vars)
                        : object(token, service, path, vars))
                .cache(v -> REFERENCE_TTL, e -> Duration.ZERO, () -> Duration.ZERO))
                .doOnError(e -> reference.remove(key));
    }

    public Mono<Map<String, Object>> object(String token, Service service, String path, Object... vars) {
        return get(token, service, path, vars).bodyToMono(OBJECT).timeout(TIMEOUT);
    }

    public Mono<List<Map<String, Object>>> list(String token, Service service, String path, Object... vars) {
        return get(token, service, path, vars).bodyToMono(LIST).timeout(TIMEOUT);
    }

    /** POSTs {@code body} (or nothing when null) as JSON and answers what the service did. */
    public Mono<Outcome> command(String token, Service service, Object body, String path, Object... vars) {
        WebClient.RequestBodySpec spec = client.post().uri(base(service) + path, vars)
                .headers(h -> h.setBearerAuth(token)).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        WebClient.RequestHeadersSpec<?> request = body == null ? spec : spec.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
        return request.exchangeToMono(this::outcome).timeout(TIMEOUT);
    }

    /** POSTs a file's text (a CSV import) as {@code type} and answers what the service did. */
    public Mono<Outcome> upload(String token, Service service, MediaType type, String text, String path,
                                Object... vars) {
        return client.post().uri(base(service) + path, vars).headers(h -> h.setBearerAuth(token)).contentType(type)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).bodyValue(text)
                .exchangeToMono(this::outcome).timeout(TIMEOUT);
    }

    /** DELETEs and answers what the service did (204 is an empty body). */
    public Mono<Outcome> delete(String token, Service service, String path, Object... vars) {
        return client.delete().uri(base(service) + path, vars).headers(h -> h.setBearerAuth(token))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).exchangeToMono(this::outcome)
                .timeout(TIMEOUT);
    }

    /** PUTs {@code body} as JSON and answers what the service did. */
    public Mono<Outcome> put(String token, Service service, Object body, String path, Object... vars) {
        return client.put().uri(base(service) + path, vars).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(body).exchangeToMono(this::outcome).timeout(TIMEOUT);
    }

    /** A download (CSV, XLSX) as the service sent it, with its type and file name, for the browser to save. */
    public Mono<org.springframework.http.ResponseEntity<byte[]>> download(String token, Service service, String path,
                                                                        Object... vars) {
        return client.get().uri(base(service) + path, vars).headers(h -> h.setBearerAuth(token))
                .exchangeToMono(r -> r.statusCode().isError()
                        ? r.bodyToMono(OBJECT).defaultIfEmpty(Map.of())
                                .flatMap(b -> Mono.error(new ApiException(Problem.of(r.statusCode().value(), b))))
                        : r.toEntity(byte[].class))
                .timeout(Duration.ofSeconds(60));
    }

    /** Without a token: the embedded default's demo sign-in. */
    public Mono<Map<String, Object>> devToken(String personId) {
        return client.post().uri(base(Service.ALERTS) + "/dev/token?personId={p}", personId)
                .retrieve().bodyToMono(OBJECT).timeout(TIMEOUT);
    }

    private WebClient.ResponseSpec get(String token, Service service, String path, Object... vars) {
        return client.get().uri(base(service) + path, vars).headers(h -> h.setBearerAuth(token))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).retrieve()
                .onStatus(HttpStatusCode::isError, r -> r.bodyToMono(OBJECT).defaultIfEmpty(Map.of())
                        .map(b -> new ApiException(Problem.of(r.statusCode().value(), b))));
    }

    private Mono<Outcome> outcome(ClientResponse response) {
        int status = response.statusCode().value();
        if (response.statusCode().isError()) {
            return response.bodyToMono(OBJECT).defaultIfEmpty(Map.of())
                    .map(b -> new Outcome(null, Problem.of(status, b)));
        }
        return response.bodyToMono(OBJECT).defaultIfEmpty(Map.of()).map(b -> new Outcome(b, null));
    }

    private String base(Service service) {
        URI uri = switch (service) {
            case ALERTS -> props.alertService();
            case NOTIFICATIONS -> props.notificationService();
            case REPORTS -> props.reportingService();
        };
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
