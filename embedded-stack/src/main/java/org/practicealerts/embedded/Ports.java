package org.practicealerts.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Small helpers around loopback TCP ports. */
public final class Ports {

    private Ports() {
    }

    /** Below the ephemeral ranges operating systems hand out (Linux 32768–60999, Windows and macOS from 49152). */
    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;

    /**
     * A port that was free on the loopback interface a moment ago, chosen at random below the ephemeral range: a
     * port the system hands out (to a client's connection, or to a server bound to port 0) can never take it in the
     * seconds before the process it is for binds it, as one from port 0 could.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FIRST + ThreadLocalRandom.current().nextInt(LAST - FIRST);
            if (isFree(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }

    /** {@code port} itself, or a free port when {@code port} is 0. */
    public static int resolve(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return port == 0 ? freePort() : port;
    }

    /** True when nothing is listening on localhost:{@code port} and it can be bound. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts TCP connections on localhost:{@code port}. */
    public static boolean isAcceptingConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
