package dk.fristed.devkit;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An SDK interceptor that records every DynamoDB API call a client sends, so tests can pin how many
 * round trips a route makes, and can stage a race. Calls are named as the client's methods are: {@code getItem},
 * {@code transactWriteItems}.
 */
public final class DynamoDbCalls implements ExecutionInterceptor {
    private final List<String> calls = new ArrayList<>();
    private final List<SdkRequest> requests = new ArrayList<>();
    private final Map<String, Runnable> beforeNext = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String call = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        synchronized (calls) {
            calls.add(call);
            requests.add(context.request());
        }
        Runnable action = beforeNext.remove(call);
        if (action != null) {
            action.run();
        }
    }

    /**
     * Runs {@code action} once, just before the next {@code call} (e.g. {@code transactWriteItems}) is
     * sent: a race made to happen at exactly that moment.
     */
    public void beforeNext(String call, Runnable action) {
        beforeNext.put(call, action);
    }

    /**
     * Fails the {@code nth} {@code call} from now (counting from 1), as a crash or a timeout would stop the
     * function just before it: what a step-by-step change must survive.
     */
    public void failAt(String call, int nth) {
        beforeNext(call, () -> {
            if (nth == 1) {
                throw new IllegalStateException("the function stopped here");
            }
            failAt(call, nth - 1);
        });
    }

    /** The calls since the last {@link #reset()}, e.g. {@code [getItem, transactWriteItems]}. */
    public List<String> list() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The requests of those calls, as the caller built them (before any other interceptor's changes). */
    public List<SdkRequest> requests() {
        synchronized (calls) {
            return List.copyOf(requests);
        }
    }

    public void reset() {
        synchronized (calls) {
            calls.clear();
            requests.clear();
        }
    }
}
