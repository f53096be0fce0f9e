package me.adsby.workbench.engine.model;

import org.tensorflow.proto.ConfigProto;

/** Session settings shared by training and export: a fixed number of CPU threads, for repeatable results. */
final class SessionConfig {

    private SessionConfig() {
    }

    /** The default thread count: every available processor. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** A session configuration with {@code threads} intra-op and inter-op threads. */
    static ConfigProto withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads)
                .setInterOpParallelismThreads(threads)
                .build();
    }
}
