package io.jenkins.plugins.azure.iothub.jenkins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal HTTP proxy for tests: answers CONNECT, tunnels the bytes, and records every tunnel's target. */
final class TunnellingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> targets = new CopyOnWriteArrayList<>();

    private TunnellingProxy(ServerSocket server) {
        this.server = server;
    }

    static TunnellingProxy start() {
        try {
            TunnellingProxy proxy = new TunnellingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            daemon(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Proxy asProxy() {
        return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getInetAddress(), server.getLocalPort()));
    }

    /** {@code host:port} of every CONNECT received, in order. */
    List<String> targets() {
        return List.copyOf(targets);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon(() -> tunnel(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String requestLine = readHead(in).split("\r\n", 2)[0];
            String[] parts = requestLine.split(" ");
            if (!"CONNECT".equals(parts[0])) {
                client.getOutputStream().write("HTTP/1.1 405 Only CONNECT\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            targets.add(parts[1]);
            int colon = parts[1].lastIndexOf(':');
            try (Socket upstream = new Socket(parts[1].substring(0, colon),
                    Integer.parseInt(parts[1].substring(colon + 1)))) {
                client.getOutputStream().write(
                        "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                Thread back = daemon(() -> pump(upstream, client));
                pump(client, upstream);
                back.join();
            }
        } catch (IOException | InterruptedException e) {
            // the test sees a failed request; nothing to add here
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        throw new IOException("connection closed before the request head ended");
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed; the other direction ends on its own
        }
    }

    private static Thread daemon(Runnable body) {
        Thread t = new Thread(body, "test-tunnelling-proxy");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
