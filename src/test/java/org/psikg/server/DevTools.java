package org.psikg.server;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium driven through the Chrome DevTools Protocol, as a person would
 * use it: open a page, wait for its scripts, move the mouse onto an element and press the
 * button (real input events, which the page's handlers and the browser's link following see
 * as a click), read the DOM and the charts' state back with JavaScript.
 * <pre>
 * try (DevTools browser = DevTools.start(profile)) {
 *     browser.open(url);
 *     browser.click("a.hl[href='#armenia-joins']");
 *     browser.waitFor("location.hash === '#armenia-joins'");
 * }
 * </pre>
 */
final class DevTools implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final String session;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private DevTools(Process process, WebSocket socket, Reader reader) throws IOException {
        this.process = process;
        this.socket = socket;
        reader.owner = this;
        JsonNode targets = call(null, "Target.getTargets", Map.of());
        String page = null;
        for (JsonNode t : targets.path("targetInfos")) {
            if (t.path("type").asText().equals("page")) {
                page = t.path("targetId").asText();
            }
        }
        if (page == null) {
            page = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        }
        this.session = call(null, "Target.attachToTarget", Map.of("targetId", page, "flatten", true)).path("sessionId").asText();
        call("Page.enable", Map.of());
        call("Runtime.enable", Map.of());
    }

    /** Starts Chromium with a fresh profile in {@code profile} and connects to it; fails if Chromium is missing. */
    static DevTools start(Path profile) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium), as .ci/run does");
        }
        Files.createDirectories(profile);
        Path port = profile.resolve("DevToolsActivePort");
        Files.deleteIfExists(port);
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean connected = false;
        try {
            // Chromium writes the port it picked, and the browser's WebSocket path, to this file.
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<String> lines = List.of();
            while (lines.size() < 2 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
                if (Files.exists(port)) {
                    lines = Files.readAllLines(port, StandardCharsets.UTF_8);
                }
            }
            if (lines.size() < 2) {
                fail("chromium gave no DevTools port (alive: " + p.isAlive() + ")");
            }
            Reader reader = new Reader();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip()), reader)
                    .get(30, TimeUnit.SECONDS);
            DevTools devTools = new DevTools(p, ws, reader);
            connected = true;
            return devTools;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot connect to chromium's DevTools: " + e, e);
        } finally {
            if (!connected) {
                p.destroyForcibly();
            }
        }
    }

    /**
     * Opens {@code url} (another document than the one shown: not a change of the fragment
     * alone) and waits until it and its deferred scripts have run.
     */
    void open(String url) throws IOException, InterruptedException {
        // A mark on the old document's window: the new document's has none.
        eval("window.psikgLeaving = true");
        call("Page.navigate", Map.of("url", url));
        waitFor("!window.psikgLeaving && document.readyState === 'complete'");
    }

    /** The value of a JavaScript expression (awaited if it is a promise), as JSON. */
    JsonNode eval(String expression) throws IOException {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("the page threw on " + expression + ": " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Waits until the expression is true; fails after a minute with what the page shows. */
    void waitFor(String expression) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (eval("Boolean(" + expression + ")").asBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the page never got to " + expression + "; it shows: " + eval("document.body ? document.body.innerText.slice(0, 2000) : ''"));
    }

    /**
     * Clicks the first element {@code selector} matches, with the mouse: scrolls it into view,
     * moves the pointer to the middle of its first box, presses and releases the left button.
     * Fails if another element lies on top at that point (the click would not reach it).
     */
    void click(String selector) throws IOException {
        String sel = JSON.writeValueAsString(selector);
        JsonNode at = eval("(() => { const e = document.querySelector(" + sel + "); if (!e) { return null; }"
                + " e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0];"
                + " const x = r.left + r.width / 2, y = r.top + r.height / 2; const hit = document.elementFromPoint(x, y);"
                + " return {x: x, y: y, reaches: hit === e || e.contains(hit)}; })()");
        if (at.isNull() || at.isMissingNode()) {
            fail("nothing on the page matches " + selector);
        }
        if (!at.path("reaches").asBoolean()) {
            fail("another element covers " + selector + " at " + at);
        }
        double x = at.path("x").asDouble();
        double y = at.path("y").asDouble();
        call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        call("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", x, "y", y, "button", "left", "buttons", 1, "clickCount", 1));
        call("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left", "buttons", 0, "clickCount", 1));
    }

    /** A PNG of the top of the page, {@code width} by {@code height} CSS pixels. */
    byte[] screenshot(int width, int height) throws IOException {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        eval("window.scrollTo(0, 0)");
        return java.util.Base64.getDecoder().decode(call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText());
    }

    private JsonNode call(String method, Map<String, Object> params) throws IOException {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (socket) {
                socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
            }
            JsonNode r = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IOException(method + ": " + r.path("error"));
            }
            return r.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(method + ": no answer from chromium: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    private void received(String text) {
        try {
            JsonNode msg = JSON.readTree(text);
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.get(msg.path("id").asInt());
                if (f != null) {
                    f.complete(msg);
                }
            }
        } catch (IOException e) {
            // Not JSON: the protocol sends nothing else, so nothing waits for it.
        }
    }

    /** Puts the WebSocket's text frames back together into messages. */
    private static final class Reader implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile DevTools owner;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                if (owner != null) {
                    owner.received(message);
                }
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        // Not waited for: the browser may go before it answers.
        socket.sendText("{\"id\": 0, \"method\": \"Browser.close\"}", true);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        socket.abort();
    }
}
