package me.adsby.workbench.storage.dataset.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * Streams the rows of a CSV with a header (RFC 4180: comma, double quotes, CRLF or LF; UTF-8 with or
 * without a byte order mark) and says, per row, the physical line where it starts and what is wrong with
 * its structure: a wrong number of fields, or bytes that are not UTF-8. A quote that never ends, or text
 * after a closing quote, ends the file with a fatal problem. Blank lines are not rows: they are skipped and
 * counted. Typed checks (numbers, labels) are the {@link RowParser}'s. Not thread-safe.
 *
 * <pre>{@code
 * try (CsvRowReader rows = CsvRowReader.open(source)) {
 *     while (rows.next()) {
 *         if (rows.problem() != null) { ... } else { rows.record() ... }
 *     }
 * }
 * }</pre>
 */
public final class CsvRowReader implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .get();

    private final String file;
    private final Utf8Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final int width;
    private long nextLine;
    private long rows;
    private long blankLines;
    private boolean finished;

    private CSVRecord record;
    private long line;
    private RowProblem problem;

    private CsvRowReader(String file, Utf8Reader reader, CSVParser parser) throws BadDataException {
        this.file = file;
        this.reader = reader;
        this.parser = parser;
        this.records = parser.iterator();
        this.header = readHeader();
        this.width = header.size();
    }

    /**
     * Opens the source and reads its header.
     *
     * @throws BadDataException with one fatal problem when the file is empty or its header is unusable
     *                          (duplicate or empty names, bad bytes, a broken quote)
     * @throws IOException      when the source cannot be read
     */
    public static CsvRowReader open(CsvSource source) throws IOException {
        Utf8Reader reader = new Utf8Reader(source.open());
        try {
            return new CsvRowReader(source.name(), reader, CSVParser.builder().setReader(reader).setFormat(FORMAT).get());
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private List<String> readHeader() throws BadDataException {
        nextLine = 1;
        CSVRecord first = null;
        while (first == null) {
            CSVRecord candidate = fetch();
            if (candidate == null) {
                if (problem != null) {
                    throw new BadDataException(List.of(problem));
                }
                throw new BadDataException(List.of(new RowProblem(file, 1, ProblemKind.NO_ROWS,
                        "no rows: the file is empty (a header line and rows are needed)")));
            }
            if (isBlank(candidate)) {
                blankLines++;
                continue;
            }
            first = candidate;
        }
        if (reader.pendingMalformed() > 0 && containsMark(first)) {
            throw new BadDataException(List.of(new RowProblem(file, line, ProblemKind.INVALID_UTF8,
                    "the header has bytes that are not UTF-8")));
        }
        List<String> names = first.toList();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                throw fatalHeader(line, "column " + (i + 1) + " of the header has no name");
            }
            Integer before = seen.put(name, i);
            if (before != null) {
                throw new BadDataException(List.of(new RowProblem(file, line, ProblemKind.DUPLICATE_HEADER,
                        "duplicate column name '" + name + "' (columns " + (before + 1) + " and " + (i + 1) + ")")));
            }
        }
        return names.stream().map(String::strip).toList();
    }

    private BadDataException fatalHeader(long at, String reason) {
        return new BadDataException(List.of(new RowProblem(file, at, ProblemKind.MISSING_HEADER, reason)));
    }

    /** The column names, stripped of surrounding spaces, in order. */
    public List<String> header() {
        return header;
    }

    public String file() {
        return file;
    }

    /**
     * Moves to the next row. Returns false at the end, or after a fatal problem was returned as the last
     * "row" (then {@link #record()} is null and {@link #problem()} is fatal).
     */
    public boolean next() {
        if (finished) {
            return false;
        }
        while (true) {
            CSVRecord candidate = fetch();
            if (candidate == null) {
                finished = true;
                return problem != null;
            }
            if (isBlank(candidate)) {
                blankLines++;
                continue;
            }
            rows++;
            record = candidate;
            if (reader.pendingMalformed() > 0) {
                int marks = countMarks(candidate);
                if (marks > 0) {
                    reader.claimMalformed(marks);
                    problem = new RowProblem(file, line, ProblemKind.INVALID_UTF8,
                            "bytes that are not UTF-8 (" + marks + " sequence" + (marks == 1 ? "" : "s") + ")");
                    return true;
                }
            }
            if (candidate.size() != width) {
                problem = new RowProblem(file, line, ProblemKind.WRONG_FIELD_COUNT,
                        "expected " + width + " fields, found " + candidate.size());
            } else {
                problem = null;
            }
            return true;
        }
    }

    /** Reads one record and sets its line; null at the end or at a fatal problem (then {@link #problem} set). */
    private CSVRecord fetch() {
        line = nextLine;
        problem = null;
        record = null;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord next = records.next();
            nextLine = parser.getCurrentLineNumber() + 1;
            return next;
        } catch (UncheckedIOException e) {
            finished = true;
            problem = describe(e.getCause());
            return null;
        }
    }

    private RowProblem describe(IOException failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new RowProblem(file, line, ProblemKind.UNTERMINATED_QUOTE,
                    "a quoted field starts here and never ends; the rest of the file cannot be read");
        }
        if (message.contains("between encapsulated token and delimiter")) {
            return new RowProblem(file, line, ProblemKind.MALFORMED_QUOTE,
                    "text after a closing quote; the rest of the file cannot be read");
        }
        return new RowProblem(file, line, ProblemKind.READ_FAILED, "reading failed: " + message);
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    private static boolean containsMark(CSVRecord record) {
        return countMarks(record) > 0;
    }

    private static int countMarks(CSVRecord record) {
        int marks = 0;
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            for (int c = value.indexOf(Utf8Reader.MARK); c >= 0; c = value.indexOf(Utf8Reader.MARK, c + 1)) {
                marks++;
            }
        }
        return marks;
    }

    /** The current row's record; null after a fatal problem. */
    public CSVRecord record() {
        return record;
    }

    /** The physical line where the current row starts (or where reading stopped). */
    public long line() {
        return line;
    }

    /** What is wrong with the current row's structure, or null. */
    public RowProblem problem() {
        return problem;
    }

    /** Rows returned so far (good or bad; blank lines and the header not counted). */
    public long rows() {
        return rows;
    }

    /** Blank lines skipped so far. */
    public long blankLines() {
        return blankLines;
    }

    /** Bytes taken from the source so far (ahead of the rows by a buffer). */
    public long bytesRead() {
        return reader.bytesRead();
    }

    /** The current row's values as a list (for previews; allocates). */
    public List<String> values() {
        return record == null ? List.of() : new ArrayList<>(record.toList());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
