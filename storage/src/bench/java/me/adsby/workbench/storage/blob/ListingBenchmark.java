package me.adsby.workbench.storage.blob;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Listing 100,000 objects from the GCS test server through {@link GcsBlobStore} (real client, HTTP on loopback):
 * the time to the first page of 1,000 against the time to walk all 100 pages, and the heap a walk holds (one
 * page at a time) against the heap of all 100,000 entries held at once.
 *
 * <p>Heap is measured as live heap: {@code System.gc()} then {@link MemoryMXBean} used heap, minus the same
 * before the walk (the server's 100,000 objects live in this JVM too, so they are in the baseline). The walk
 * samples every 10th page while holding that page; the "hold all" variant samples once at the end.
 *
 * <p>The heap figures are JMH "events" counters: read them on the per-iteration lines. JMH's summary table adds
 * events up over the measured iterations, so there they show as the per-iteration value times the count.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseG1GC"})
public class ListingBenchmark {

    static final int OBJECTS = 100_000;
    static final String BUCKET = "bench";

    GcsTestServer server;
    GcsBlobStore store;
    BlobUri root;

    @Setup(Level.Trial)
    public void fillBucket() throws IOException {
        server = GcsTestServer.start();
        server.createBucket(BUCKET);
        byte[] row = "1,0,ad-123,0.25\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < OBJECTS; i++) {
            server.putObject(BUCKET, String.format("clicks/day=%03d/part-%06d.csv", i / 1000, i), row, "text/csv");
        }
        store = new GcsBlobStore(server.options());
        root = BlobUri.gcs(BUCKET, "clicks/");
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        store.close();
        server.close();
    }

    /** Heap figures reported next to the time of the heap benchmarks. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Heap {
        /** Largest live heap above the baseline seen while walking, in MiB. */
        public double retainedMiB;
        /** Entries walked (a check that all 100,000 were seen). */
        public long entries;

        @Setup(Level.Iteration)
        public void reset() {
            retainedMiB = 0;
            entries = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BlobPage firstPage() throws IOException {
        return store.list(root, null, BlobStore.DEFAULT_PAGE_SIZE, null);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long walkAllPages() throws IOException {
        long count = 0;
        String token = null;
        do {
            BlobPage page = store.list(root, null, BlobStore.DEFAULT_PAGE_SIZE, token);
            count += page.objects().size();
            token = page.nextPageToken();
        } while (token != null);
        if (count != OBJECTS) {
            throw new IllegalStateException("Walked " + count + " objects, not " + OBJECTS);
        }
        return count;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long heapWalkingPageByPage(Heap heap) throws IOException {
        long baseline = liveHeap();
        long peak = 0;
        int pages = 0;
        String token = null;
        do {
            BlobPage page = store.list(root, null, BlobStore.DEFAULT_PAGE_SIZE, token);
            heap.entries += page.objects().size();
            if (pages++ % 10 == 0) {
                peak = Math.max(peak, liveHeap() - baseline);
            }
            token = page.nextPageToken();
        } while (token != null);
        heap.retainedMiB = peak / (1024.0 * 1024.0);
        return heap.entries;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int heapHoldingAllEntries(Heap heap) throws IOException {
        long baseline = liveHeap();
        List<BlobInfo> all = new ArrayList<>();
        String token = null;
        do {
            BlobPage page = store.list(root, null, BlobStore.DEFAULT_PAGE_SIZE, token);
            all.addAll(page.objects());
            token = page.nextPageToken();
        } while (token != null);
        heap.entries = all.size();
        heap.retainedMiB = (liveHeap() - baseline) / (1024.0 * 1024.0);
        return all.size();
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
