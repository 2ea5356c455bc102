package dk.fristed.devkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the network and DynamoDB do to a function in AWS, on loopback: a proxy in front of DynamoDB Local
 * that, for a share of the calls and with a seed (so a failure replays), answers with throttling, an
 * internal error or a transaction conflict, delays past the client's attempt timeout, closes the
 * connection before forwarding, or forwards the call and drops the answer (the write happened; the
 * function sees a broken connection). A function's DynamoDB client is pointed at {@link #endpoint()}.
 */
public final class FaultyDynamo implements AutoCloseable {
    public enum Fault {
        /** 400 ProvisionedThroughputExceededException: the SDK backs off and retries. */
        PROVISIONED_THROUGHPUT_EXCEEDED,
        /** 400 ThrottlingException. */
        THROTTLING,
        /** 500 InternalServerError. */
        INTERNAL_SERVER_ERROR,
        /** 400 TransactionCanceledException with a TransactionConflict (transactions only; others get a 500). */
        TRANSACTION_CONFLICT,
        /** Holds the call past the client's attempt timeout, then forwards it: the write may land after the client gave up. */
        DELAY,
        /** Closes the connection before forwarding: nothing happened. */
        CLOSE_BEFORE,
        /** Forwards the call, then closes the connection instead of answering: it happened, the client cannot know. */
        DROP_ANSWER
    }

    private static final Pattern TARGET = Pattern.compile("(?im)^x-amz-target:\\s*DynamoDB_20120810\\.(\\w+)\\s*$");
    private static final Pattern CHUNKED = Pattern.compile("(?im)^transfer-encoding:\\s*chunked\\s*$");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private final URI target;
    private final double share;
    private final Random random;
    private final Duration delay;
    private final List<Fault> faults;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "faulty-dynamo");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean enabled = true;
    private Fault forced;

    /**
     * @param share of the calls that get a fault, 0 to 1
     * @param delay how long {@link Fault#DELAY} holds a call: longer than the client's attempt timeout
     */
    public FaultyDynamo(URI target, double share, long seed, Duration delay, List<Fault> faults) throws IOException {
        this.target = target;
        this.share = share;
        this.random = new Random(seed);
        this.delay = delay;
        this.faults = List.copyOf(faults);
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicInteger());
        }
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The next call gets this fault, whatever the share: a test of one fault at one place. */
    public synchronized void next(Fault fault) {
        forced = fault;
    }

    /** Faults off (setting up, checking afterwards) or on again. */
    public void enabled(boolean on) {
        enabled = on;
    }

    public int calls() {
        return calls.get();
    }

    /** How many calls got each fault so far. */
    public Map<Fault, Integer> injected() {
        Map<Fault, Integer> counts = new LinkedHashMap<>();
        injected.forEach((fault, count) -> counts.put(fault, count.get()));
        return counts;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.submit(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One client connection, several calls on it (keep-alive), until a fault or the client closes it. */
    private void serve(Socket client) {
        try (client;
                Socket upstream = new Socket(target.getHost(), target.getPort())) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            InputStream upstreamIn = new BufferedInputStream(upstream.getInputStream());
            while (true) {
                byte[] request = readMessage(in);
                if (request == null) {
                    return;
                }
                calls.incrementAndGet();
                Fault fault = pick(operation(request));
                if (fault == Fault.CLOSE_BEFORE) {
                    return;
                }
                if (fault == Fault.DELAY) {
                    Thread.sleep(delay.toMillis());
                }
                if (fault != null && fault != Fault.DELAY && fault != Fault.DROP_ANSWER) {
                    client.getOutputStream().write(errorAnswer(fault, request));
                    client.getOutputStream().flush();
                    continue;
                }
                upstream.getOutputStream().write(request);
                upstream.getOutputStream().flush();
                byte[] answer = readMessage(upstreamIn);
                if (answer == null || fault == Fault.DROP_ANSWER) {
                    return;
                }
                OutputStream out = client.getOutputStream();
                out.write(answer);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up (a timeout) or the test is over: as in AWS, the other side just sees the connection
            // end
        }
    }

    private synchronized Fault pick(String operation) {
        if (forced != null) {
            Fault fault = forced;
            forced = null;
            injected.get(fault).incrementAndGet();
            return fault;
        }
        if (!enabled || random.nextDouble() >= share) {
            return null;
        }
        Fault fault = faults.get(random.nextInt(faults.size()));
        if (fault == Fault.TRANSACTION_CONFLICT && !operation.equals("TransactWriteItems")) {
            fault = Fault.INTERNAL_SERVER_ERROR;
        }
        injected.get(fault).incrementAndGet();
        return fault;
    }

    private static String operation(byte[] request) {
        Matcher m = TARGET.matcher(head(request));
        return m.find() ? m.group(1) : "";
    }

    private static byte[] errorAnswer(Fault fault, byte[] request) {
        int status = fault == Fault.INTERNAL_SERVER_ERROR ? 500 : 400;
        String type = switch (fault) {
            case PROVISIONED_THROUGHPUT_EXCEEDED -> "ProvisionedThroughputExceededException";
            case THROTTLING -> "ThrottlingException";
            case TRANSACTION_CONFLICT -> "TransactionCanceledException";
            default -> "InternalServerError";
        };
        String body;
        if (fault == Fault.TRANSACTION_CONFLICT) {
            String payload = new String(request, StandardCharsets.UTF_8);
            int items = Math.max(1, count(payload.substring(payload.indexOf("\r\n\r\n")), "\"TableName\""));
            StringBuilder reasons = new StringBuilder(
                    "{\"Code\":\"TransactionConflict\",\"Message\":\"Transaction is ongoing for the item\"}");
            for (int i = 1; i < items; i++) {
                reasons.append(",{\"Code\":\"None\"}");
            }
            body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type
                    + "\",\"message\":\"Transaction cancelled, please refer "
                    + "cancellation reasons for specific reasons [TransactionConflict]\",\"CancellationReasons\":["
                    + reasons + "]}";
        } else {
            body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type
                    + "\",\"message\":\"injected by FaultyDynamo\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 500 ? " Internal Server Error" : " Bad Request") + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "x-amzn-RequestId: faulty-" + Integer.toHexString(body.hashCode()) + "\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** One HTTP/1.1 message with a Content-Length body (what the SDK and DynamoDB Local send), or null at the end. */
    private static byte[] readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) { // the blank line after the headers
            int b = in.read();
            if (b < 0) {
                return null;
            }
            message.write(b);
            last4 = (last4 << 8) | b;
        }
        String head = message.toString(StandardCharsets.US_ASCII);
        if (CHUNKED.matcher(head).find()) {
            copyChunks(in, message);
            return message.toByteArray();
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        byte[] body = in.readNBytes(bodyLength);
        if (body.length < bodyLength) {
            return null;
        }
        message.writeBytes(body);
        return message.toByteArray();
    }

    private static void copyChunks(InputStream in, ByteArrayOutputStream message) throws IOException {
        while (true) {
            String sizeLine = line(in);
            message.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.US_ASCII));
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            message.writeBytes(in.readNBytes(size + 2)); // the chunk and its CRLF
            if (size == 0) {
                return;
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static String head(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
