package net.wagw.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Not a test: where a benchmark's CPU went, by process. On a 2-core machine the gateway, dynalite,
 * the queue server, the bot and the load client share the cores, so a throughput figure alone
 * cannot say whose work limits it; the CPU each process spent per message can.
 */
final class ProcessCpu {
    /** A role, and how its process is recognised. */
    private record Role(String name, Predicate<ProcessHandle> process) {
        static Role commandLine(String name, Predicate<String> line) {
            return new Role(name, process -> line.test(process.info().commandLine().orElse("")));
        }
    }

    private static final List<Role> ROLES = List.of(
            new Role("load client (this JVM)", process -> process.pid() == ProcessHandle.current().pid()),
            Role.commandLine("gateway", line -> line.contains("-dev.jar") || line.contains("quarkus-run.jar")),
            Role.commandLine("dynalite", line -> line.contains("dynalite")),
            Role.commandLine("queue (ElasticMQ)", line -> line.contains("elasticmq")),
            Role.commandLine("bot (WireMock)", line -> line.contains("wiremock")));

    private final Map<String, Long> nanos;
    private final long boxTicks;

    private ProcessCpu(Map<String, Long> nanos, long boxTicks) {
        this.nanos = nanos;
        this.boxTicks = boxTicks;
    }

    static ProcessCpu now() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        ROLES.forEach(role -> nanos.put(role.name(), 0L));
        ProcessHandle.allProcesses().forEach(process -> ROLES.stream().filter(role -> role.process().test(process))
                .findFirst().ifPresent(role -> nanos.merge(role.name(),
                        process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L), Long::sum)));
        return new ProcessCpu(nanos, busyTicks());
    }

    /** CPU milliseconds per message spent by each role between this snapshot and now, and the whole machine's. */
    String perMessageUntilNow(int messages) {
        ProcessCpu after = now();
        StringBuilder out = new StringBuilder("CPU ms per message:");
        after.nanos.forEach((role, cpu) -> out.append(String.format(" %s %.2f,", role,
                (cpu - nanos.getOrDefault(role, 0L)) / 1e6 / messages)));
        // /proc/stat counts in USER_HZ ticks of 10 ms
        out.append(String.format(" whole machine %.2f", (after.boxTicks - boxTicks) * 10.0 / messages));
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
