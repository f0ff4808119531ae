package io.tessera.conversation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a server-sent event stream in the background, as a browser's EventSource would, with the session
 * cookie of a signed-in {@link io.tessera.testing.HttpSession}. Tests wait for the event they expect.
 */
final class EventStreamClient implements AutoCloseable {

    record Event(String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    private final HttpResponse<Stream<String>> response;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            CompletableFuture.runAsync(this::read);
        }
    }

    static EventStreamClient open(int port, String path, String sessionCookie) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .header("Cookie", "SESSION=" + sessionCookie)
                .GET().build();
        try {
            return new EventStreamClient(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event that matches, skipping others; fails after a few seconds. */
    Event await(String name, Predicate<String> data) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Event event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null && event.name().equals(name) && data.test(event.data())) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("No '" + name + "' event as expected within 10 s");
    }

    /** Whether the server ended the stream within a few seconds. */
    boolean ended() throws InterruptedException {
        return ended.await(5, TimeUnit.SECONDS);
    }

    private void read() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException e) {
            // closed by the test or the server
        } finally {
            ended.countDown();
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
