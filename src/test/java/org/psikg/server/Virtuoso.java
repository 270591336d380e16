package org.psikg.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Virtuoso 7 (Debian's virtuoso-opensource) of the test's own: a database in a temporary
 * folder, its SQL and HTTP ports free loopback ports, started in the foreground and stopped
 * (and its folder removed) at the end. The SPARQL user gets SPARQL_UPDATE, so that
 * {@code /sparql-graph-crud} takes PUTs without a login, as docs/scaling.md describes.
 * <pre>
 * try (Virtuoso v = Virtuoso.start()) { v.sparql(); v.graphStore(); }
 * </pre>
 */
final class Virtuoso implements AutoCloseable {
    static final Path SERVER = Path.of("/usr/bin/virtuoso-t");
    static final Path ISQL = Path.of("/usr/bin/isql-vt");

    private final Process process;
    private final Path dir;
    private final int httpPort;

    private Virtuoso(Process process, Path dir, int httpPort) {
        this.process = process;
        this.dir = dir;
        this.httpPort = httpPort;
    }

    static boolean installed() {
        return Files.isExecutable(SERVER) && Files.isExecutable(ISQL);
    }

    static Virtuoso start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("psikg-virtuoso");
        int sqlPort = freePort();
        int httpPort = freePort();
        Path ini = dir.resolve("virtuoso.ini");
        Files.writeString(ini, String.join("\n",
                "[Database]",
                "DatabaseFile = " + dir.resolve("virtuoso.db"),
                "ErrorLogFile = " + dir.resolve("virtuoso.log"),
                "LockFile = " + dir.resolve("virtuoso.lck"),
                "TransactionFile = " + dir.resolve("virtuoso.trx"),
                "xa_persistent_file = " + dir.resolve("virtuoso.pxa"),
                "Striping = 0",
                "TempStorage = TempDatabase",
                "[TempDatabase]",
                "DatabaseFile = " + dir.resolve("virtuoso-temp.db"),
                "TransactionFile = " + dir.resolve("virtuoso-temp.trx"),
                "[Parameters]",
                "ServerPort = 127.0.0.1:" + sqlPort,
                "DisableUnixSocket = 1",
                "CaseMode = 2",
                "DirsAllowed = .",
                "NumberOfBuffers = 10000",
                "MaxDirtyBuffers = 6000",
                "[HTTPServer]",
                "ServerPort = 127.0.0.1:" + httpPort,
                "ServerRoot = /var/lib/virtuoso-opensource-7/vsp",
                "ServerThreads = 10",
                "Charset = UTF-8",
                "[SPARQL]",
                "ResultSetMaxRows = 100000",
                "MaxQueryExecutionTime = 120",
                ""));
        Process p = new ProcessBuilder(SERVER.toString(), "+configfile", ini.toString(), "+foreground")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Virtuoso v = new Virtuoso(p, dir, httpPort);
        try {
            v.awaitReady();
            Process grant = new ProcessBuilder(ISQL.toString(), "127.0.0.1:" + sqlPort, "dba", "dba",
                    "exec=grant SPARQL_UPDATE to \"SPARQL\";").redirectErrorStream(true).start();
            String said = new String(grant.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!grant.waitFor(60, TimeUnit.SECONDS) || grant.exitValue() != 0) {
                throw new IllegalStateException("isql-vt could not grant SPARQL_UPDATE: " + said);
            }
            return v;
        } catch (IOException | InterruptedException | RuntimeException e) {
            v.close();
            throw e;
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        HttpRequest ask = HttpRequest.newBuilder(URI.create(sparql() + "?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("virtuoso-t stopped: " + log());
            }
            try {
                if (TestServer.CLIENT.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("virtuoso-t did not answer within 3 minutes: " + log());
    }

    String log() throws IOException {
        Path log = dir.resolve("virtuoso.log");
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    String sparql() {
        return "http://127.0.0.1:" + httpPort + "/sparql";
    }

    String graphStore() {
        return "http://127.0.0.1:" + httpPort + "/sparql-graph-crud";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing the test for.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
