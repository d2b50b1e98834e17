package org.practicealerts.web.pages;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A file upload far over the import page's limit is turned back before anything parses it (the CSRF check would
 * otherwise read the whole body to find its token, and fail on the multipart limit with a server error): the browser
 * is sent back to the import page, which says the file is too large. One just over the limit reaches the page and is
 * refused there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit implements WebFilter {

    /** The page's own limit and room for the form's other fields. */
    static final long MOST = DirectoryAdminController.MAX_CSV_BYTES + 1024 * 1024;
    /** Beyond this the upload is not read at all: the connection is closed on it. */
    static final long DISCARD_AT_MOST = 64L * 1024 * 1024;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (HttpMethod.POST.equals(exchange.getRequest().getMethod()) && type != null
                && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type) && length > MOST) {
            Mono<Void> turnBack = Mono.defer(() -> {
                exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
                exchange.getResponse().getHeaders().setLocation(URI.create("/admin/directory/import?too-large=yes"));
                return exchange.getResponse().setComplete();
            });
            if (length > DISCARD_AT_MOST) {
                exchange.getResponse().getHeaders().setConnection("close");
                return turnBack;
            }
            // Read to the end and thrown away, so the browser has sent it all and reads the answer (answering
            // mid-upload and closing resets the connection under it, and it shows a network error instead).
            return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then(turnBack);
        }
        return chain.filter(exchange);
    }
}
