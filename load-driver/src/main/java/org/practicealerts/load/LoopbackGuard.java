package org.practicealerts.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The load driver only ever talks to the local machine: a base URL is accepted only when it is http(s), has a
 * host, has no user info, and every address its host resolves to is a loopback address (127.0.0.0/8, ::1).
 */
public final class LoopbackGuard {

    private LoopbackGuard() {
    }

    /**
     * @return the URL as a URI without a trailing slash
     * @throws IllegalArgumentException naming the reason when the URL is not a loopback http(s) URL
     */
    public static URI requireLoopback(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("--base-url is empty");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--base-url is not a URL: " + baseUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--base-url must be http or https: " + baseUrl);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--base-url must not carry user info: " + baseUrl);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("--base-url has no host: " + baseUrl);
        }
        if (!isLoopback(host)) {
            throw new IllegalArgumentException("--base-url must point at this machine (a loopback address such as"
                    + " localhost, 127.0.0.1 or [::1]); refusing " + host);
        }
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** True when {@code host} resolves, and every address it resolves to is a loopback address. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(h);
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
        if (addresses.length == 0) {
            return false;
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }
}
