package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.psikg.support.Cli;

/**
 * {@code psikg publish} against targets that misbehave, each a raw socket on loopback: one
 * that answers an error page of terminal escapes and markup and then never stops sending, one
 * that accepts and never answers, one that asks for a password over plain http.
 */
@Timeout(300)
class HostileTargetsTest {
    /** Accepts connections on loopback and gives each to {@code behaviour}, until closed. */
    private static final class Target implements AutoCloseable {
        interface Behaviour {
            void serve(Socket s) throws IOException;
        }

        final ServerSocket socket;
        final List<Socket> accepted = new ArrayList<>();

        Target(Behaviour behaviour) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        synchronized (accepted) {
                            accepted.add(s);
                        }
                        Thread.ofVirtual().start(() -> {
                            try (s) {
                                behaviour.serve(s);
                            } catch (IOException e) {
                                // The client went away: what the tests make it do.
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String url(String host) {
            return "http://" + host + ":" + socket.getLocalPort() + "/ds/data";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    private static void readHead(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        int last4 = 0;
        for (int b; (b = in.read()) >= 0;) {
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                return;
            }
        }
    }

    private static String[] publish(String to, String... more) {
        List<String> args = new ArrayList<>(List.of("publish", "--seeds", TestServer.corpus().resolve("seeds").toString(),
                "--ontology", TestServer.corpus().resolve("ontology.ttl").toString(), "--to", to));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void anEndlessErrorPageIsReadInPartAndPrintedSafely() throws IOException {
        AtomicLong sent = new AtomicLong();
        try (Target target = new Target(s -> {
            readHead(s);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
                    + "\u001b]0;owned\u0007\u001b[2J\u001b[31m<b>disk</b> full\u001b[0m\r\n\u202e").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
            // Without end: until the client drops the connection.
            while (sent.addAndGet(chunk.length) < 1L << 34) {
                out.write(chunk);
            }
        })) {
            Cli.Result r = Cli.run(publish(target.url("127.0.0.1"), "--timeout", "60"));
            assertEquals(1, r.exit(), r.both());
            String first = r.err().lines().filter(l -> l.contains("refused")).findFirst().orElseThrow();
            assertTrue(first.contains("(HTTP 500): disk full "), first);
            assertTrue(first.codePoints().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e || c == '\r'), first);
            assertTrue(first.length() < 600, "cut: " + first.length() + " characters");
            assertTrue(first.endsWith("…"), first);
            long graphs = r.err().lines().filter(l -> l.contains("refused")).count();
            assertTrue(sent.get() < graphs * (64L << 20), "the client stopped reading: " + sent.get() + " bytes sent for "
                    + graphs + " answers");
        }
    }

    @Test
    void aSilentTargetIsLeftAfterTheTimeout() throws IOException {
        try (Target target = new Target(s -> {
            readHead(s);
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            Cli.Result r = Cli.run(publish(target.url("127.0.0.1"), "--timeout", "1"));
            assertEquals(1, r.exit(), r.both());
            assertTrue(r.err().contains("(unreachable): no answer from " + target.url("127.0.0.1") + " within 1 s (--timeout)"),
                    r.err());
        }
        assertEquals(2, Cli.run(publish("http://127.0.0.1:1/ds/data", "--timeout", "0")).exit());
    }

    @Test
    void aPasswordOverPlainHttpIsWarnedAboutUnlessOnLoopback() throws IOException {
        try (Target target = new Target(s -> {
            readHead(s);
            s.getOutputStream().write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        })) {
            // 0.0.0.0 reaches this machine's listeners, yet is not the loopback name: as a remote host would be.
            Cli.Result remote = Cli.run(publish(target.url("0.0.0.0"), "--user", "loader", "--password", "pw"));
            assertTrue(remote.err().startsWith("psikg: warning: --user over plain http: the password crosses the network"
                    + " unencrypted to 0.0.0.0; use https"), remote.err());
            Cli.Result local = Cli.run(publish(target.url("127.0.0.1"), "--user", "loader", "--password", "pw"));
            assertFalse(local.err().contains("warning"), local.err());
            assertEquals(1, local.exit(), local.both());
        }
    }
}
