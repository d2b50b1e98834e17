package org.practicealerts.support;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which Teams webhook URLs the product will post to: https only, a host on the allow-list of Power Automate Workflows
 * hosts, and never one that resolves to a loopback, private, link-local or otherwise internal address (a directory
 * entry must not turn the notification-service into a way of reaching the council's own network). Checked when an
 * admin saves the URL and again before every send, since what a name resolves to can change.
 *
 * @param allowedHosts           host names, exact or {@code *.suffix}; {@code *} allows any host (internal addresses
 *                               are still refused)
 * @param allowInternalAddresses whether internal addresses and plain http are allowed (a test's local webhook only)
 */
@ConfigurationProperties("practice-alerts.webhooks")
public record WebhookPolicy(List<String> allowedHosts, boolean allowInternalAddresses) {

    public WebhookPolicy {
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().filter(h -> h != null && !h.isBlank())
                        .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** Why this URL may not be posted to, or empty when it may (blank: no webhook, nothing to check). */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())
                && !(allowInternalAddresses && "http".equalsIgnoreCase(uri.getScheme()))) {
            return Optional.of("must be an https URL");
        }
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getUserInfo() != null) {
            return Optional.of("must name a host (and no user)");
        }
        if (!allowed(host)) {
            return Optional.of("host " + host + " is not an allowed Teams Workflows host (allowed: "
                    + String.join(", ", allowedHosts) + ")");
        }
        if (!allowInternalAddresses && internal(host)) {
            return Optional.of("host " + host + " is a loopback, private or link-local address");
        }
        return Optional.empty();
    }

    private boolean allowed(String host) {
        return allowedHosts.stream().anyMatch(pattern -> pattern.equals("*") || pattern.equals(host)
                || (pattern.startsWith("*.") && host.endsWith(pattern.substring(1))));
    }

    /** True when the host is, or resolves to, any address that is not on the public internet. */
    static boolean internal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException unresolvable) {
            // Nothing to reach now; the check before each send asks again.
            return false;
        }
        for (InetAddress a : addresses) {
            byte[] b = a.getAddress();
            boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            boolean sharedV4 = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10
            if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || a.isMulticastAddress() || uniqueLocalV6 || sharedV4) {
                return true;
            }
        }
        return false;
    }
}
