package org.practicealerts.load;

import java.net.URI;
import java.util.Locale;

/**
 * Command line of {@link RaiseAlertsLoad}. Every option is bounded so that a run stays small: at most 100,000
 * alerts, 64 concurrent requests and one hour, against a loopback address only.
 */
public final class LoadOptions {

    public static final String USAGE = """
            usage: java -jar load-driver/target/load-driver.jar [options]
              --base-url <url>            alert-service base URL; must resolve to a loopback address
                                          (default http://localhost:8081)
              --alerts <n>                alerts to raise in the measured phase (default 2000, 1..100000)
              --concurrency <c>           requests in flight at once (default 16, 1..64)
              --duration-limit <seconds>  hard limit for the whole run, warm-up included: no request starts
                                          after it (default 120, 1..3600)
              --warmup <n>                alerts raised first and not measured (default 100, 0..10000)
              --respond-fraction <f>      fraction of measured alerts the responder then responds to
                                          (default 0.0, 0.0..1.0)
              --raiser <personId>         who raises (default iro-1)
              --responder <personId>      who responds (default tm-north)
              --request-timeout <seconds> per-request timeout (default 30, 1..300)
              --help                      this text
            Exit status: 0 no errors, 1 some request failed, 2 bad options, 3 could not get tokens.""";

    URI baseUrl = URI.create("http://localhost:8081");
    int alerts = 2000;
    int concurrency = 16;
    int durationLimitSeconds = 120;
    int warmup = 100;
    double respondFraction = 0.0;
    String raiser = "iro-1";
    String responder = "tm-north";
    int requestTimeoutSeconds = 30;
    boolean help;

    /**
     * @throws IllegalArgumentException naming the option when a value is missing, malformed, out of range, or
     *                                  the base URL is not a loopback address
     */
    public static LoadOptions parse(String... args) {
        LoadOptions o = new LoadOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                o.help = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--base-url" -> o.baseUrl = LoopbackGuard.requireLoopback(value);
                case "--alerts" -> o.alerts = intIn(name, value, 1, 100_000);
                case "--concurrency" -> o.concurrency = intIn(name, value, 1, 64);
                case "--duration-limit" -> o.durationLimitSeconds = intIn(name, value, 1, 3600);
                case "--warmup" -> o.warmup = intIn(name, value, 0, 10_000);
                case "--respond-fraction" -> o.respondFraction = fraction(name, value);
                case "--raiser" -> o.raiser = id(name, value);
                case "--responder" -> o.responder = id(name, value);
                case "--request-timeout" -> o.requestTimeoutSeconds = intIn(name, value, 1, 300);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return o;
    }

    /**
     * Whether measured alert {@code index} (0-based) gets a response: exactly {@code floor(n * f)} of the first
     * n alerts do, spread evenly (alert i is picked when floor((i+1)f) > floor(i f)).
     */
    public static boolean respondsTo(int index, double fraction) {
        return Math.floor((index + 1) * fraction + 1e-9) > Math.floor(index * fraction + 1e-9);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public int alerts() {
        return alerts;
    }

    public int concurrency() {
        return concurrency;
    }

    public int durationLimitSeconds() {
        return durationLimitSeconds;
    }

    public int warmup() {
        return warmup;
    }

    public double respondFraction() {
        return respondFraction;
    }

    public String describe() {
        return String.format(Locale.ROOT, "base-url %s  alerts %d  concurrency %d  warmup %d  respond-fraction %.2f"
                        + "  duration-limit %d s  raiser %s  responder %s", baseUrl, alerts, concurrency, warmup,
                respondFraction, durationLimitSeconds, raiser, responder);
    }

    private static int intIn(String name, String value, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + value);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + v);
        }
        return v;
    }

    private static double fraction(String name, String value) {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: " + value);
        }
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0.0 and 1.0: " + value);
        }
        return v;
    }

    private static String id(String name, String value) {
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            throw new IllegalArgumentException(name + " must be a person id (letters, digits, . _ : -): " + value);
        }
        return value;
    }
}
