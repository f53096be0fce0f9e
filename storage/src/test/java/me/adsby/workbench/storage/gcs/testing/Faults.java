package me.adsby.workbench.storage.gcs.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The faults a test asked the {@link GcsTestServer} to inject. Thread-safe. */
final class Faults {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(503);
    private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);
    private final AtomicLong resetAfterBytes = new AtomicLong(-1);
    private final Map<String, Integer> denied = new ConcurrentHashMap<>();

    void failNext(int count, int status) {
        failureStatus.set(status);
        failuresLeft.set(count);
    }

    /** The status to fail this request with, or 0 to serve it. */
    int takeFailure() {
        while (true) {
            int left = failuresLeft.get();
            if (left <= 0) {
                return 0;
            }
            if (failuresLeft.compareAndSet(left, left - 1)) {
                return failureStatus.get();
            }
        }
    }

    void addLatency(Duration extra) {
        latency.set(extra);
    }

    void pause() throws InterruptedException {
        Duration d = latency.get();
        if (!d.isZero()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    }

    void resetConnectionInNextDownloadAfter(long bytes) {
        resetAfterBytes.set(bytes);
    }

    /** The byte count after which to cut this download, or -1; one download takes the fault. */
    long takeDownloadReset() {
        return resetAfterBytes.getAndSet(-1);
    }

    void denyAccess(String bucketOrObject, int status) {
        denied.put(bucketOrObject, status);
    }

    /** The status that denies access to the bucket or object, or 0. */
    int deniedStatus(String bucket, String object) {
        if (bucket == null) {
            return 0;
        }
        Integer byBucket = denied.get(bucket);
        if (byBucket != null) {
            return byBucket;
        }
        Integer byObject = object == null ? null : denied.get(bucket + "/" + object);
        return byObject == null ? 0 : byObject;
    }

    void clear() {
        failuresLeft.set(0);
        latency.set(Duration.ZERO);
        resetAfterBytes.set(-1);
        denied.clear();
    }
}
