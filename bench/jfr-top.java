import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums a flight recording of bench/deployed.sh (WAGW_BENCH_JFR): CPU samples (jdk.ExecutionSample)
 * by the method on top of the stack (self) and by every method on it (total), sampled allocation
 * by the allocating method and by class, class loading and the JIT.
 * Usage: java bench/jfr-top.java FILE.jfr [rows, default 25] [filter: only stacks with a frame containing it,
 * or layer:L for the samples of one layer as "by layer" prints it] [depth of the call tree it prints]
 * (with a filter, also what its outermost matching frame calls, by CPU samples under each)
 */
public class JfrTop {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Predicate<RecordedStackTrace> only = args.length < 3 ? stack -> true
                : args[2].startsWith("layer:") ? stack -> layers(stack.getFrames()).equals(args[2].substring("layer:".length()))
                : stack -> stack.getFrames().stream().anyMatch(f -> name(f).contains(args[2]));
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Node tree = new Node();
        Map<String, Long> layers = new HashMap<>();
        Map<String, Long> allocatedBy = new HashMap<>();
        Map<String, Long> allocatedClass = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        long classesLoaded = 0;
        long compilations = 0;
        double compileMs = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    if (stack == null || stack.getFrames().isEmpty() || !only.test(stack)) {
                        continue;
                    }
                    samples++;
                    layers.merge(layers(stack.getFrames()), 1L, Long::sum);
                    if (args.length > 2) {
                        tree.add(stack.getFrames(), args[2].startsWith("layer:") ? "HttpGateway.handle" : args[2]);
                    }
                    self.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : stack.getFrames()) {
                        if (seen.add(name(frame))) {
                            total.merge(name(frame), 1L, Long::sum);
                        }
                    }
                }
                case "jdk.ObjectAllocationSample" -> {
                    if (stack == null || stack.getFrames().isEmpty() || !only.test(stack)) {
                        continue;
                    }
                    long weight = event.getLong("weight");
                    allocated += weight;
                    allocatedBy.merge(firstOutsideJdk(stack.getFrames()), weight, Long::sum);
                    allocatedClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                }
                case "jdk.ClassLoad" -> classesLoaded++;
                case "jdk.Compilation" -> {
                    compilations++;
                    compileMs += event.getDuration().toNanos() / 1e6;
                }
                default -> { }
            }
        }
        System.out.printf("%s: %d CPU samples, %.1f MB allocated (sampled weight), %d classes loaded (jdk.ClassLoad, if"
                + " enabled), %d compilations (%.0f ms)%n", args[0], samples, allocated / 1e6, classesLoaded, compilations,
                compileMs);
        print("by layer (the markers on the stack, outermost first)", layers, samples, rows, "%");
        print("self (top frame)", self, samples, rows, "%");
        print("total (on the stack)", total, samples, rows, "%");
        if (args.length > 2) {
            System.out.println("--- calls from the outermost " + args[2] + " (CPU samples; branches of 1% or more)");
            tree.print("", samples, args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE);
        }
        print("allocated by (first frame outside java.*/jdk.*/sun.*)", allocatedBy, allocated, rows, "MB");
        print("allocated class", allocatedClass, allocated, rows, "MB");
    }

    private static void print(String title, Map<String, Long> counts, long all, int rows, String unit) {
        System.out.println("--- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.printf("%6.1f%% %9s  %s%n", 100.0 * e.getValue() / Math.max(1, all),
                        unit.equals("MB") ? String.format("%.1fMB", e.getValue() / 1e6) : e.getValue(), e.getKey()));
    }

    /** Where a sample is, as the layers it is in: each marker frame found from the stack's bottom up, once. */
    private static final List<String[]> MARKERS = List.of(
            new String[] { "AWSLambda.startRuntimeLoop", "runtime client" },
            new String[] { "FunqyStreamHandler.handleRequest", "funqy" },
            new String[] { "io.quarkus.runtime.Application.start", "quarkus boot" },
            new String[] { "net.wagw.wiring.Priming.prime", "priming" },
            new String[] { "SdkDefaultClientBuilder.build", "SDK client build" },
            new String[] { "HttpGateway.handle", "gateway" },
            new String[] { "ScheduledFunctions.", "gateway" },
            new String[] { "RequestLog.", "request log" },
            new String[] { "Metrics.", "metrics" },
            new String[] { "org.jboss.logmanager", "log" },
            new String[] { "software.amazon.awssdk.core.internal.handler.BaseSyncClientHandler.execute", "AWS SDK call" },
            new String[] { "software.amazon.awssdk.http.auth", "signing" },
            new String[] { "software.amazon.awssdk.http.urlconnection", "http" },
            new String[] { "software.amazon.awssdk.http.apache", "http" },
            new String[] { "io.vertx", "vertx" },
            new String[] { "com.google.i18n.phonenumbers", "libphonenumber" },
            new String[] { "com.fasterxml.jackson", "jackson" },
            new String[] { "java.lang.ClassLoader.loadClass", "class loading" });

    private static String layers(List<RecordedFrame> frames) {
        List<String> found = new java.util.ArrayList<>();
        for (int i = frames.size() - 1; i >= 0; i--) {
            String name = name(frames.get(i));
            for (String[] marker : MARKERS) {
                if (name.contains(marker[0]) && !found.contains(marker[1])) {
                    found.add(marker[1]);
                }
            }
        }
        return found.isEmpty() ? "(other: " + name(frames.get(frames.size() - 1)) + ")" : String.join(" > ", found);
    }

    /** A call tree from the outermost frame that matches the filter down to the sampled frame. */
    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        long samples;

        void add(List<RecordedFrame> frames, String filter) {
            int from = frames.size() - 1;
            while (from >= 0 && !name(frames.get(from)).contains(filter)) {
                from--;
            }
            Node node = this;
            for (int i = from; i >= 0; i--) {
                node = node.children.computeIfAbsent(name(frames.get(i)), k -> new Node());
                node.samples++;
            }
        }

        void print(String indent, long all, int depth) {
            if (depth == 0) {
                return;
            }
            children.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().samples, a.getValue().samples))
                    .filter(e -> e.getValue().samples * 100 >= all).forEach(e -> {
                        // a chain of single callees is printed as one line deeper
                        System.out.printf("%6.1f%% %s%s%n", 100.0 * e.getValue().samples / all, indent, e.getKey());
                        e.getValue().print(indent + (e.getValue().children.size() > 1 ? "  " : " "), all, depth - 1);
                    });
        }
    }

    private static String firstOutsideJdk(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                return name;
            }
        }
        return name(frames.get(0));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
