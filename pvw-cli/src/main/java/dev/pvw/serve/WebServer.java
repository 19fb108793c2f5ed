package dev.pvw.serve;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.query.PeriodRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page and its endpoints on the JDK's own HTTP server: static files from the jar (the chart library from its
 * WebJar), JSON for the charts and the status strip, and CSV downloads. Only GET and HEAD; nothing is ever written.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** The uPlot WebJar's files (its version is in the path): the browser test fails when a new version moves them. */
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

    /** A few requests at once: each holds a connection for one short read, and a DuckDB file admits many readers. */
    private static final int THREADS = 4;

    private static final Map<String, StaticFile> FILES = Map.of(
            "/", new StaticFile("serve/index.html", "text/html"),
            "/app.js", new StaticFile("serve/app.js", "text/javascript"),
            "/app.css", new StaticFile("serve/app.css", "text/css"),
            "/vendor/uPlot.iife.min.js", new StaticFile(UPLOT + "uPlot.iife.min.js", "text/javascript"),
            "/vendor/uPlot.min.css", new StaticFile(UPLOT + "uPlot.min.css", "text/css"));

    private static final Set<String> WINDOW = Set.of("grain", "from", "to");

    private final HttpServer server;
    private final ExecutorService executor;
    private final MartReader reader;
    private final BiConsumer<List<PeriodRow>, PrintWriter> csv;
    private final ObjectMapper json = new ObjectMapper();

    private WebServer(HttpServer server, MartReader reader, BiConsumer<List<PeriodRow>, PrintWriter> csv) {
        this.server = requireNonNull(server, "server");
        this.reader = requireNonNull(reader, "reader");
        this.csv = requireNonNull(csv, "csv");
        this.executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "pvw-serve");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts listening.
     *
     * @param csv writes rows exactly as {@code pvw query --format csv} prints them
     */
    public static WebServer start(
            ServeSettings settings, MartReader reader, BiConsumer<List<PeriodRow>, PrintWriter> csv) {
        InetSocketAddress address = settings.address();
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (BindException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot listen on " + address + " (" + e.getMessage()
                            + "); choose another --port, or stop what uses this one.",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WebServer webServer = new WebServer(server, reader, csv);
        server.start();
        return webServer;
    }

    /** The page's address, as a browser on this machine opens it. */
    public URI address() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status;
        try (exchange) {
            status = respond(exchange);
        }
        LOG.info(
                "{} {} {} in {} ms",
                exchange.getRequestMethod(),
                exchange.getRequestURI(),
                status,
                (System.nanoTime() - started) / 1_000_000);
    }

    private int respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            return text(exchange, 405, "This page only reads: use GET.");
        }
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        try {
            StaticFile file = FILES.get(path.equals("/index.html") ? "/" : path);
            if (file != null) {
                return file.send(exchange);
            }
            return switch (path) {
                case "/api/chart" -> {
                    RequestParameters parameters = parameters(query, "question", "postcodes", "top");
                    yield json(
                            exchange,
                            reader.compare(
                                    parameters.questions(),
                                    parameters.grain(),
                                    parameters.window(),
                                    parameters.postcodes(),
                                    parameters.top()));
                }
                case "/api/postcode" -> {
                    RequestParameters parameters = parameters(query, "postcode");
                    yield json(
                            exchange,
                            reader.postcodeHistory(
                                    parameters.requiredPostcode(), parameters.grain(), parameters.window()));
                }
                case "/api/postcodes" -> {
                    RequestParameters parameters = parameters(query, "question");
                    yield json(exchange, reader.postcodes(parameters.questions().get(0), parameters.window()));
                }
                case "/api/status" -> {
                    parameters(query);
                    yield json(exchange, reader.status());
                }
                case "/api/csv" -> csv(exchange, parameters(query, "question", "postcode"));
                default -> text(exchange, 404, "No such page: " + path + "; the page is at /.");
            };
        } catch (BadRequest e) {
            return text(exchange, 400, e.getMessage());
        } catch (WarehouseUnavailable e) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            return text(exchange, 503, e.getMessage());
        } catch (PvwException e) {
            LOG.warn("{} {} failed: {}", method, exchange.getRequestURI(), e.getMessage(), e);
            return text(exchange, 500, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly", method, exchange.getRequestURI(), e);
            return text(
                    exchange,
                    500,
                    "pvw serve failed unexpectedly (" + e.getClass().getSimpleName()
                            + "); its log has the details, report it if it persists.");
        }
    }

    private static RequestParameters parameters(String query, String... names) {
        Set<String> allowed = new HashSet<>(WINDOW);
        allowed.addAll(List.of(names));
        return RequestParameters.parse(query, names.length == 0 ? Set.of() : allowed);
    }

    private int csv(HttpExchange exchange, RequestParameters parameters) throws IOException {
        Question question = parameters.question();
        List<PeriodRow> rows = reader.rows(question, parameters.grain(), parameters.window(), parameters.postcode());
        StringWriter text = new StringWriter();
        csv.accept(rows, new PrintWriter(text));
        exchange.getResponseHeaders()
                .set(
                        "Content-Disposition",
                        "attachment; filename=\"pvw-" + question.parameter() + "-"
                                + parameters.grain().name().toLowerCase(Locale.ROOT) + ".csv\"");
        return send(exchange, 200, "text/csv", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private int json(HttpExchange exchange, Object body) throws IOException {
        try {
            return send(exchange, 200, "application/json", json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int text(HttpExchange exchange, int status, String sentence) throws IOException {
        return send(exchange, status, "text/plain", (sentence + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static int send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders()
                .set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
        return status;
    }

    /** A file of the jar the page needs. */
    private record StaticFile(String resource, String type) {
        int send(HttpExchange exchange) throws IOException {
            try (InputStream in = WebServer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Resource " + resource + " is missing from the jar");
                }
                return WebServer.send(exchange, 200, type, in.readAllBytes());
            }
        }
    }
}
