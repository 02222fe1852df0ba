package net.wagw.domain.work;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

import net.wagw.testing.SettableClock;

/**
 * A {@link WorkQueue} in virtual time, for simulations of hours or days in milliseconds: work is
 * handed out by due time, one piece of a lane at a time in the order it was queued (as
 * {@link WorkQueue} says), and the clock jumps to the next due piece. Waits are rounded up to
 * whole seconds, as SQS's visibility timeouts are; a try that throws comes back after 30 s, as
 * with the SQS adapter.
 */
public final class VirtualTimeQueue implements WorkQueue {
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(30);

    private record Item(Work work, long due) {
    }

    private record Head(String lane, long due, long order) {
    }

    private final SettableClock clock;
    private final Map<String, ArrayDeque<Item>> lanes = new HashMap<>();
    private final PriorityQueue<Head> heads = new PriorityQueue<>(
            Comparator.comparingLong(Head::due).thenComparingLong(Head::order));
    private long order;
    private long tries;
    private long errors;
    private int waiting;
    private int deepest;

    public VirtualTimeQueue(SettableClock clock) {
        this.clock = clock;
    }

    @Override
    public void enqueue(Work work, Duration delay) {
        enqueue(work, work.getClass().getSimpleName() + "/" + work.botId() + "/" + (order + 1), delay);
    }

    /** While set, the queue cannot keep anything (SQS unreachable): every enqueue throws. */
    public boolean down;

    @Override
    public void enqueue(Work work, String lane, Duration delay) {
        if (down) {
            throw new IllegalStateException("the work queue is unreachable");
        }
        ArrayDeque<Item> queued = lanes.computeIfAbsent(lane, k -> new ArrayDeque<>());
        Item item = new Item(work, dueAfter(delay));
        queued.addLast(item);
        if (queued.size() == 1) {
            heads.add(new Head(lane, item.due(), ++order));
        }
        waiting++;
        deepest = Math.max(deepest, waiting);
    }

    /**
     * Hands out due work to {@code handler}, moving the clock to each piece's due time, until the
     * queue is empty or the next piece is due after {@code until}.
     */
    public void run(WorkHandler handler, Instant until) {
        while (!heads.isEmpty() && heads.peek().due() <= until.toEpochMilli()) {
            Head head = heads.poll();
            if (head.due() > clock.millis()) {
                clock.set(Instant.ofEpochMilli(head.due()));
            }
            ArrayDeque<Item> lane = lanes.get(head.lane());
            WorkResult result;
            tries++;
            try {
                result = handler.handle(lane.peekFirst().work());
            } catch (RuntimeException e) {
                errors++;
                result = WorkResult.notYet(AFTER_FAILURE);
            }
            if (result instanceof WorkResult.Later later) {
                heads.add(new Head(head.lane(), dueAfter(later.after()), ++order));
                continue;
            }
            lane.pollFirst();
            waiting--;
            if (lane.isEmpty()) {
                lanes.remove(head.lane());
            } else {
                heads.add(new Head(head.lane(), lane.peekFirst().due(), ++order));
            }
        }
    }

    /** Pieces of work still queued. */
    public int waiting() {
        return waiting;
    }

    /** The most pieces queued at once. */
    public int deepest() {
        return deepest;
    }

    /** Handler calls made. */
    public long tries() {
        return tries;
    }

    /** Handler calls that threw. */
    public long errors() {
        return errors;
    }

    private long dueAfter(Duration delay) {
        long millis = Math.max(0, delay.toMillis());
        return clock.millis() + (millis + 999) / 1000 * 1000;
    }
}
