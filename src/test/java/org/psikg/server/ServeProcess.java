package org.psikg.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code psikg serve} in a JVM of its own, as a user runs it: started with arguments,
 * waited for until it prints where it serves, stopped at the end.
 * <pre>
 * try (ServeProcess p = ServeProcess.start("--seeds", dir, "--port", "0")) { p.url(); }
 * </pre>
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("psikg: serving .* at (http://\\S+)/ in ([0-9.]+) s");

    private final Process process;
    private final String url;
    private final double startSeconds;
    private final List<String> output;

    private ServeProcess(Process process, String url, double startSeconds, List<String> output) {
        this.process = process;
        this.url = url;
        this.startSeconds = startSeconds;
        this.output = output;
    }

    static ServeProcess start(String... args) throws IOException, InterruptedException {
        return launch(List.of("-cp", System.getProperty("java.class.path"), "org.psikg.cli.Main"), args);
    }

    /** The packaged jar, as the README runs it: {@code java -jar target/psikg.jar serve ...}. */
    static ServeProcess startJar(Path jar, String... args) throws IOException, InterruptedException {
        return launch(List.of("-jar", jar.toString()), args);
    }

    private static ServeProcess launch(List<String> program, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(program);
        cmd.add("serve");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        BlockingQueue<String[]> found = new ArrayBlockingQueue<>(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        found.offer(new String[] {m.group(1), m.group(2)});
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
        String[] where = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (where == null && p.isAlive() && System.nanoTime() < deadline) {
            where = found.poll(100, TimeUnit.MILLISECONDS);
        }
        if (where == null) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            reader.join(5000);
            throw new IllegalStateException("psikg serve did not start (exit " + (p.isAlive() ? "none" : p.exitValue())
                    + "):\n" + String.join("\n", output));
        }
        return new ServeProcess(p, where[0], Double.parseDouble(where[1]), output);
    }

    String url() {
        return url;
    }

    /** The start-up time the command itself printed. */
    double startSeconds() {
        return startSeconds;
    }

    String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
