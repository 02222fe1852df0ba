package net.wagw.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts DynamoDB calls by operation, for the local stats and the benchmarks (cost: one increment). */
public final class DynamoCallCounter implements ExecutionInterceptor {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(operation == null ? "unknown" : operation, k -> new LongAdder()).increment();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        calls.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }
}
