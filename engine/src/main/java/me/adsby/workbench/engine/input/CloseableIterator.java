package me.adsby.workbench.engine.input;

import java.util.Iterator;

/**
 * An iterator that holds resources (a background thread, a mapped file) until it is closed; use it in
 * try-with-resources. Closing an iterator that is not exhausted stops its work.
 *
 * @param <T> what it returns
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    @Override
    void close();
}
