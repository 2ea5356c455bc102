package dk.fristed.devkit;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A DynamoDB client that records the name of every API call it passes on, so tests can pin how
 * many round trips a route makes. A proxy rather than an SDK interceptor, because the in-process
 * DynamoDB Local client does not run the SDK's interceptor chain.
 */
public final class CountingDynamoDb {
    private final DynamoDbClient client;
    private final List<String> calls = new ArrayList<>();

    public CountingDynamoDb(DynamoDbClient target) {
        this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    // Paginators and builder-consumer overloads are interface defaults that call the
                    // request methods; run them on the proxy so each real request is counted once.
                    if (method.getName().endsWith("Paginator")
                            || (args != null && args.length == 1 && args[0] instanceof java.util.function.Consumer)) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (method.getDeclaringClass() == DynamoDbClient.class && args != null && args.length == 1) {
                        synchronized (calls) {
                            calls.add(method.getName());
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The calls since the last {@link #reset()}, e.g. {@code [getItem, transactWriteItems]}. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public void reset() {
        synchronized (calls) {
            calls.clear();
        }
    }
}
