package me.adsby.workbench.engine.input;

/**
 * What an image object was when it was prepared: enough to see that it changed since.
 *
 * @param uri        the object
 * @param size       its size in bytes
 * @param generation its generation (for local files, the modification time in nanoseconds)
 */
record ImageStamp(String uri, long size, long generation) {
}
