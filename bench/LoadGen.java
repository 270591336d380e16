import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A closed-loop load generator for a SPARQL endpoint: C clients, each sending one query at a
 * time (POST application/sparql-query, Accept application/sparql-results+json, no
 * Accept-Encoding: answers come uncompressed from every server) and reading the whole answer
 * before sending the next, for a duration or a number of rounds (one round = every query once,
 * in an order of its own per client; with --mode mix, as many draws). Records every request's latency and status;
 * reports throughput, p50/p95/p99 overall and per query, and the errors (non-2xx answers and
 * exceptions, by query and status). With --slice S it also prints the percentiles of each
 * S-second slice of the run as it goes (for the soak).
 *
 * Throwaway bench code, not part of the product; needs only the JDK (java.net.http):
 *
 *   java bench/LoadGen.java --url http://127.0.0.1:3030/psikg/sparql --queries queries \
 *        --clients 8 --seconds 20 [--warmup-rounds 1] [--slice 10] [--tsv FILE] [--label NAME]
 *
 * Options:
 *   --url U[,U...]     the endpoint; with several, each is measured in turn (see --chunk)
 *   --label L[,L...]   a name for each endpoint in the output (default: the URL)
 *   --queries DIR      the *.rq files to send (every one of them, by name order)
 *   --clients C[,C...] concurrent clients (default 1); a list runs each level in turn
 *   --seconds S        run each level for S seconds (per endpoint), or
 *   --chunk S          with several endpoints, take turns of S seconds (default: all of --seconds),
 *                      alternating the endpoints (A B, B A, A B...) until each had --seconds
 *   --rounds N         run N rounds per client (default when --seconds is absent: 1)
 *   --warmup-rounds N  rounds sent by one client before measuring, not recorded (default 0);
 *                      the warm-up also records each query's status and answer size
 *   --pids P[,P...]    the servers' process ids (Linux): also record the CPU time each server
 *                      used during each level ("cpu" lines of --tsv)
 *   --per-query K      before the levels, send each query K times alone to each endpoint, the
 *                      endpoints taking turns request by request (see perQuery)
 *   --slice S          print p50/p95/p99, qps and errors of every S-second slice
 *   --request-timeout S  a request taking longer is an error (default 120)
 *   --tsv FILE         append the figures as tab-separated lines (see writeTsv)
 *   --mode M           rounds (default): each client goes through every query in an order of
 *                      its own, again and again; unique: the same, but every request's text is
 *                      distinct (its query with "LIMIT n" appended, n counting up from 1,000,000,
 *                      far above any answer's rows: the same answer, but no cache can know it);
 *                      mix: each client draws its queries from a Zipf distribution (s = 1) over the
 *                      queries in a fixed shuffled order, so a few are asked often and most rarely,
 *                      as people using one endpoint do
 *
 * The percentiles are exact (sorted arrays of every latency), nearest-rank.
 * Exit code 0 whatever the errors (the caller decides what an error means); 2 on bad usage.
 */
public class LoadGen {
    record Query(String name, String text) {
    }

    /** One request: which query, when it started (ns since the measured start), how long, the status (-1: exception). */
    record Sample(int query, long startNs, long latencyNs, int status, long bytes) {
    }

    /** What a warm-up request saw of a query: its status and answer size. */
    record Probe(int status, long bytes, String error) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        List<String> urls = List.of(required(opt, "url").split(","));
        List<String> labels = List.of(opt.getOrDefault("label", required(opt, "url")).split(","));
        if (labels.size() != urls.size()) {
            usage("--label needs one name per --url");
        }
        List<Query> queries = queries(Path.of(required(opt, "queries")));
        List<Integer> levels = Stream.of(opt.getOrDefault("clients", "1").split(",")).map(Integer::valueOf).toList();
        double seconds = Double.parseDouble(opt.getOrDefault("seconds", "0"));
        double chunk = Double.parseDouble(opt.getOrDefault("chunk", String.valueOf(seconds)));
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", seconds > 0 ? "0" : "1"));
        int warmupRounds = Integer.parseInt(opt.getOrDefault("warmup-rounds", "0"));
        double slice = Double.parseDouble(opt.getOrDefault("slice", "0"));
        Duration requestTimeout = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("request-timeout", "120")));
        String mode = opt.getOrDefault("mode", "rounds");
        if (!List.of("rounds", "unique", "mix").contains(mode)) {
            usage("--mode is rounds, unique or mix: " + mode);
        }

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        List<LoadGen> gens = new ArrayList<>();
        List<Probe[]> probes = new ArrayList<>();
        for (String url : urls) {
            LoadGen gen = new LoadGen(http, URI.create(url), queries, requestTimeout, mode);
            Probe[] p = new Probe[queries.size()];
            for (int r = 0; r < warmupRounds; r++) {
                for (int q = 0; q < queries.size(); q++) {
                    p[q] = gen.probe(q);
                }
            }
            gens.add(gen);
            probes.add(p);
        }

        List<Long> pids = opt.containsKey("pids")
                ? Stream.of(opt.get("pids").split(",")).map(Long::valueOf).toList() : List.of();
        if (!pids.isEmpty() && pids.size() != urls.size()) {
            usage("--pids needs one process id per --url");
        }
        int perQuery = Integer.parseInt(opt.getOrDefault("per-query", "0"));
        if (perQuery > 0) {
            perQuery(gens, labels, queries, perQuery, opt.get("tsv"));
        }

        for (int clients : levels) {
            // With several endpoints, each gets --seconds in all, in turns of --chunk seconds
            // (the order flipped every turn), so that whatever else loads the machine weighs
            // on each of them alike.
            int turns = seconds > 0 ? Math.max(1, (int) Math.round(seconds / chunk)) : 1;
            double turnSeconds = seconds > 0 ? seconds / turns : 0;
            List<Run> runs = new ArrayList<>();
            long[] cpuTicks = new long[gens.size()];
            for (int i = 0; i < gens.size(); i++) {
                runs.add(null);
            }
            for (int turn = 0; turn < turns; turn++) {
                for (int k = 0; k < gens.size(); k++) {
                    int i = turn % 2 == 0 ? k : gens.size() - 1 - k;
                    if (turns == 1) {
                        System.out.printf(Locale.ROOT, "%s: %d queries, %d clients, %s%n", labels.get(i), queries.size(), clients,
                                seconds > 0 ? seconds + " s" : rounds + " rounds");
                    }
                    long before = cpuTicks(pids, i);
                    Run r = gens.get(i).run(clients, turnSeconds, rounds, slice, System.out);
                    cpuTicks[i] += cpuTicks(pids, i) - before;
                    runs.set(i, runs.get(i) == null ? r : runs.get(i).plus(r));
                }
            }
            for (int i = 0; i < gens.size(); i++) {
                runs.get(i).print(System.out, labels.get(i), clients);
                if (opt.containsKey("tsv")) {
                    runs.get(i).writeTsv(Path.of(opt.get("tsv")), labels.get(i), clients, probes.get(i));
                    if (!pids.isEmpty()) {
                        // CPU time the server used over the requests: the work per request,
                        // which outside load disturbs far less than it does latency.
                        Files.write(Path.of(opt.get("tsv")), List.of(String.join("\t", "cpu", labels.get(i),
                                        String.valueOf(clients), String.valueOf(runs.get(i).samples().size()),
                                        String.format(Locale.ROOT, "%.3f", cpuTicks[i] / (double) TICKS_PER_SECOND))),
                                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                                java.nio.file.StandardOpenOption.APPEND);
                    }
                }
            }
        }
        System.exit(0);
    }

    /**
     * Each query alone, K times on each endpoint, one request at a time, the endpoints taking
     * turns request by request (A B, B A...): the latency of every query with no other load
     * from us, and paired, so that other work on the machine weighs on both alike. Prints and
     * appends "perquery LABEL NAME K median-ms min-ms errors" lines and, with two endpoints,
     * "pairratio LABEL1 LABEL2 NAME K median-of-the-K-ratios" lines (each ratio: the first
     * endpoint's latency over the second's, for the two requests sent back to back).
     */
    static void perQuery(List<LoadGen> gens, List<String> labels, List<Query> queries, int k, String tsv)
            throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        System.out.println("per query, " + k + " requests each, median ms: " + String.join(" / ", labels));
        for (int q = 0; q < queries.size(); q++) {
            long[][] lat = new long[gens.size()][k];
            int[] errors = new int[gens.size()];
            for (int r = 0; r < k; r++) {
                for (int j = 0; j < gens.size(); j++) {
                    int i = r % 2 == 0 ? j : gens.size() - 1 - j;
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = (int) gens.get(i).send(q)[0];
                    } catch (IOException e) {
                        status = -1;
                    }
                    lat[i][r] = System.nanoTime() - t0;
                    if (!ok(status)) {
                        errors[i]++;
                    }
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-44s", queries.get(q).name()));
            if (gens.size() == 2) {
                // The two requests of a pair ran back to back, under the same outside load: the
                // median of their ratios is the steadiest comparison on a busy machine.
                double[] ratios = new double[k];
                for (int r = 0; r < k; r++) {
                    ratios[r] = (double) lat[0][r] / lat[1][r];
                }
                Arrays.sort(ratios);
                double median = k % 2 == 1 ? ratios[k / 2] : (ratios[k / 2 - 1] + ratios[k / 2]) / 2;
                lines.add(String.join("\t", "pairratio", labels.get(0), labels.get(1), queries.get(q).name(),
                        String.valueOf(k), String.format(Locale.ROOT, "%.4f", median)));
                line.append(String.format(Locale.ROOT, " paired ratio %.2f", median));
            }
            for (int i = 0; i < gens.size(); i++) {
                Arrays.sort(lat[i]);
                line.append(String.format(Locale.ROOT, " %8.2f", ms(pct(lat[i], 50))));
                lines.add(String.join("\t", "perquery", labels.get(i), queries.get(q).name(), String.valueOf(k),
                        String.format(Locale.ROOT, "%.3f", ms(pct(lat[i], 50))),
                        String.format(Locale.ROOT, "%.3f", ms(lat[i][0])), String.valueOf(errors[i])));
            }
            System.out.println(line);
        }
        if (tsv != null) {
            Files.write(Path.of(tsv), lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** Linux's USER_HZ, the unit of /proc/PID/stat's times (100 on every common platform). */
    private static final int TICKS_PER_SECOND = 100;

    /** User plus system CPU ticks of the i-th process so far (fields 14 and 15 of /proc/PID/stat); 0 without pids. */
    static long cpuTicks(List<Long> pids, int i) throws IOException {
        if (pids.isEmpty()) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pids.get(i) + "/stat"));
        // The command name (field 2) may hold spaces; the fields after it are counted from its ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private final HttpClient http;
    private final URI url;
    private final List<Query> queries;
    private final Duration requestTimeout;
    private final String mode;
    /** For --mode unique: the LIMIT of the next request, shared by every client and endpoint. */
    private static final java.util.concurrent.atomic.AtomicLong UNIQUE = new java.util.concurrent.atomic.AtomicLong(1_000_000);

    LoadGen(HttpClient http, URI url, List<Query> queries, Duration requestTimeout, String mode) {
        this.http = http;
        this.url = url;
        this.queries = queries;
        this.requestTimeout = requestTimeout;
        this.mode = mode;
    }

    /** The text sent for query q: with --mode unique, one no other request has had. */
    private String text(int q) {
        String text = queries.get(q).text();
        return mode.equals("unique") ? text + "\nLIMIT " + UNIQUE.getAndIncrement() + "\n" : text;
    }

    private HttpRequest request(int q) {
        return HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/sparql-query; charset=utf-8")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(text(q), StandardCharsets.UTF_8))
                .build();
    }

    /**
     * The order of the queries for one client: every query once, shuffled (rounds, unique), or
     * as many draws from a Zipf distribution (mix) over the queries in an order fixed by seed 19,
     * the same for every client and endpoint, so that the popular queries are the same for all.
     */
    private int[] order(Random random) {
        int n = queries.size();
        int[] order = new int[n];
        if (mode.equals("mix")) {
            Integer[] rank = new Integer[n];
            for (int i = 0; i < n; i++) {
                rank[i] = i;
            }
            Collections.shuffle(Arrays.asList(rank), new Random(19));
            double[] cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
            for (int k = 0; k < n; k++) {
                double u = random.nextDouble() * sum;
                int i = Arrays.binarySearch(cumulative, u);
                order[k] = rank[Math.min(n - 1, i < 0 ? -i - 1 : i)];
            }
            return order;
        }
        Integer[] shuffled = new Integer[n];
        for (int i = 0; i < n; i++) {
            shuffled[i] = i;
        }
        Collections.shuffle(Arrays.asList(shuffled), random);
        for (int i = 0; i < n; i++) {
            order[i] = shuffled[i];
        }
        return order;
    }

    /** Sends query q once; the answer is read to the end (and counted), as a client would. */
    private long[] send(int q) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request(q), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        byte[] buffer = new byte[16384];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        return new long[] {response.statusCode(), bytes};
    }

    private Probe probe(int q) {
        try {
            HttpResponse<String> response = http.send(request(q), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            String error = response.statusCode() / 100 == 2 ? null : firstLine(body);
            return new Probe(response.statusCode(), body.getBytes(StandardCharsets.UTF_8).length, error);
        } catch (IOException e) {
            return new Probe(-1, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    Run run(int clients, double seconds, int rounds, double slice, PrintStream out) throws InterruptedException {
        long start = System.nanoTime();
        long end = seconds > 0 ? start + (long) (seconds * 1e9) : Long.MAX_VALUE;
        List<List<Sample>> perClient = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
            perClient.add(samples);
            Random random = new Random(c);
            Thread t = new Thread(() -> {
                try {
                    for (int round = 0; rounds == 0 || round < rounds; round++) {
                        for (int q : order(random)) {
                            long t0 = System.nanoTime();
                            if (t0 >= end || stop.get()) {
                                return;
                            }
                            int status;
                            long bytes = 0;
                            try {
                                long[] r = send(q);
                                status = (int) r[0];
                                bytes = r[1];
                            } catch (IOException e) {
                                status = -1;
                            } catch (InterruptedException e) {
                                return;
                            }
                            long t1 = System.nanoTime();
                            // A request still running at the end of a timed run is not counted.
                            if (t1 <= end) {
                                samples.add(new Sample(q, t0 - start, t1 - t0, status, bytes));
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        if (slice > 0) {
            long sliceNs = (long) (slice * 1e9);
            int printed = 0;
            out.println("slice   t(s)      n   qps     p50ms   p95ms   p99ms   maxms  errors");
            while (!done.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime() - start;
                while ((printed + 1) * sliceNs <= now) {
                    printSlice(out, perClient, printed, sliceNs);
                    printed++;
                }
            }
            long elapsed = Math.min(System.nanoTime(), end) - start;
            while (printed * sliceNs < elapsed) {
                printSlice(out, perClient, printed, sliceNs);
                printed++;
            }
        } else {
            done.await();
        }
        stop.set(true);
        long elapsed = Math.min(System.nanoTime(), end) - start;
        List<Sample> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        return new Run(queries, all, elapsed);
    }

    private static void printSlice(PrintStream out, List<List<Sample>> perClient, int index, long sliceNs) {
        long from = index * sliceNs;
        long to = from + sliceNs;
        List<Long> lat = new ArrayList<>();
        int errors = 0;
        for (List<Sample> samples : perClient) {
            synchronized (samples) {
                for (Sample s : samples) {
                    long finished = s.startNs() + s.latencyNs();
                    if (finished >= from && finished < to) {
                        lat.add(s.latencyNs());
                        if (!ok(s.status())) {
                            errors++;
                        }
                    }
                }
            }
        }
        long[] a = lat.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf(Locale.ROOT, "slice %6.0f %6d %7.1f %7.1f %7.1f %7.1f %7.1f %6d%n", to / 1e9, a.length, a.length / (sliceNs / 1e9),
                ms(pct(a, 50)), ms(pct(a, 95)), ms(pct(a, 99)), ms(a.length == 0 ? 0 : a[a.length - 1]), errors);
    }

    static boolean ok(int status) {
        return status >= 200 && status < 300;
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double ms(long ns) {
        return ns / 1e6;
    }

    record Run(List<Query> queries, List<Sample> samples, long elapsedNs) {
        long[] latencies(int query) {
            return samples.stream().filter(s -> query < 0 || s.query() == query)
                    .mapToLong(Sample::latencyNs).sorted().toArray();
        }

        Map<String, Integer> errors(int query) {
            Map<String, Integer> byStatus = new TreeMap<>();
            samples.stream().filter(s -> (query < 0 || s.query() == query) && !ok(s.status()))
                    .forEach(s -> byStatus.merge(s.status() < 0 ? "exception" : String.valueOf(s.status()), 1, Integer::sum));
            return byStatus;
        }

        int errorCount(int query) {
            return errors(query).values().stream().mapToInt(Integer::intValue).sum();
        }

        Run plus(Run other) {
            List<Sample> all = new ArrayList<>(samples);
            all.addAll(other.samples());
            return new Run(queries, all, elapsedNs + other.elapsedNs());
        }

        double qps() {
            return samples.size() / (elapsedNs / 1e9);
        }

        void print(PrintStream out, String label, int clients) {
            long[] all = latencies(-1);
            out.printf(Locale.ROOT, "%s, %d clients: %d requests in %.1f s = %.1f qps; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms,"
                            + " max %.2f ms; errors %d %s%n",
                    label, clients, all.length, elapsedNs / 1e9, qps(), ms(pct(all, 50)), ms(pct(all, 95)), ms(pct(all, 99)),
                    ms(all.length == 0 ? 0 : all[all.length - 1]), errorCount(-1), errors(-1));
            out.println("  query                                          n     p50ms    p95ms    p99ms  errors");
            for (int q = 0; q < queries.size(); q++) {
                long[] a = latencies(q);
                out.printf(Locale.ROOT, "  %-44s %5d %9.2f %8.2f %8.2f  %s%n", queries.get(q).name(), a.length,
                        ms(pct(a, 50)), ms(pct(a, 95)), ms(pct(a, 99)), errorCount(q) == 0 ? "" : errors(q).toString());
            }
        }

        /**
         * Lines of tab-separated fields:
         *   total  LABEL CLIENTS requests seconds qps p50ms p95ms p99ms maxms errors
         *   query  LABEL CLIENTS NAME n p50ms p95ms p99ms errors errors-by-status probe-status probe-bytes probe-error
         * (and perQuery's "perquery" and "pairratio" lines, and with --pids
         *   cpu    LABEL CLIENTS requests cpu-seconds)
         */
        void writeTsv(Path file, String label, int clients, Probe[] probes) throws IOException {
            List<String> lines = new ArrayList<>();
            long[] all = latencies(-1);
            lines.add(String.join("\t", "total", label, String.valueOf(clients), String.valueOf(all.length),
                    f(elapsedNs / 1e9), f(qps()), f(ms(pct(all, 50))), f(ms(pct(all, 95))), f(ms(pct(all, 99))),
                    f(ms(all.length == 0 ? 0 : all[all.length - 1])), String.valueOf(errorCount(-1))));
            for (int q = 0; q < queries.size(); q++) {
                long[] a = latencies(q);
                Probe p = probes[q];
                lines.add(String.join("\t", "query", label, String.valueOf(clients), queries.get(q).name(),
                        String.valueOf(a.length), f(ms(pct(a, 50))), f(ms(pct(a, 95))), f(ms(pct(a, 99))),
                        String.valueOf(errorCount(q)), errors(q).toString().replace('\t', ' '),
                        p == null ? "" : String.valueOf(p.status()), p == null ? "" : String.valueOf(p.bytes()),
                        p == null || p.error() == null ? "" : p.error().replace('\t', ' ')));
            }
            Files.write(file, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }

        private static String f(double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
    }

    static List<Query> queries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted()
                    .map(p -> {
                        try {
                            String name = p.getFileName().toString().replaceFirst("\\.rq$", "");
                            return new Query(name, Files.readString(p, StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("bad argument: " + args[i]);
            }
            opt.put(args[i].substring(2), args[++i]);
        }
        return opt;
    }

    private static String required(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) {
            usage("missing --" + name);
        }
        return v;
    }

    private static void usage(String message) {
        System.err.println("LoadGen: " + message);
        System.err.println("usage: java bench/LoadGen.java --url URL[,URL] --queries DIR [--clients C[,C]] [--seconds S [--chunk S] | --rounds N]"
                + " [--warmup-rounds N] [--slice S] [--request-timeout S] [--tsv FILE] [--label NAME[,NAME]] [--mode rounds|unique|mix]");
        System.exit(2);
    }
}
