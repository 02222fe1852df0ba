package net.wagw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Not a test: where a benchmark's CPU went, by process. On a 2-core machine the gateway, dynalite,
 * the queue server, the bot and the load client share the cores, so a throughput figure alone
 * cannot say whose work limits it; the CPU each process spent per message can.
 */
final class ProcessCpu {
    /** A role, and how its process is recognised by its command line. */
    private record Role(String name, Predicate<String> commandLine) {
    }

    private static final List<Role> ROLES = List.of(
            new Role("gateway", line -> line.contains("-dev.jar") || line.contains("quarkus-run.jar")),
            new Role("dynalite", line -> line.contains("dynalite")),
            new Role("queue (ElasticMQ)", line -> line.contains("elasticmq")),
            new Role("bot (WireMock)", line -> line.contains("wiremock")),
            new Role("load client (this JVM)", line -> false));

    private final Map<String, Long> nanos;
    private final long boxTicks;

    private ProcessCpu(Map<String, Long> nanos, long boxTicks) {
        this.nanos = nanos;
        this.boxTicks = boxTicks;
    }

    static ProcessCpu now() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        ROLES.forEach(role -> nanos.put(role.name(), 0L));
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(process -> {
            String line = process.info().commandLine().orElse("");
            long cpu = process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
            Optional<Role> role = process.pid() == self ? Optional.of(ROLES.get(ROLES.size() - 1))
                    : ROLES.stream().filter(r -> r.commandLine().test(line)).findFirst();
            role.ifPresent(r -> nanos.merge(r.name(), cpu, Long::sum));
        });
        return new ProcessCpu(nanos, busyTicks());
    }

    /** CPU milliseconds per message spent by each role between this snapshot and now, and the whole machine's. */
    String perMessageUntilNow(int messages) {
        ProcessCpu before = this;
        ProcessCpu after = now();
        StringBuilder out = new StringBuilder("CPU ms per message:");
        after.nanos.forEach((role, cpu) -> out.append(String.format(" %s %.2f,", role,
                (cpu - before.nanos.getOrDefault(role, 0L)) / 1e6 / messages)));
        // /proc/stat counts in USER_HZ ticks of 10 ms
        out.append(String.format(" whole machine %.2f", (after.boxTicks - before.boxTicks) * 10.0 / messages));
        return out.toString();
    }

    /** The machine's busy time (user, nice, system, irq, softirq, steal), in ticks; 0 off Linux. */
    private static long busyTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] { 1, 2, 3, 6, 7, 8 }) {
                busy += Long.parseLong(cpu[field]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
