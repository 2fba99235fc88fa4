package org.frontierregistry.tracker.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Values of the binary caches (the trends, the last build's rows) in {@code DataOutput} form: a value that may be
 * absent is a boolean saying whether it is there, then the value; a list is its length, then its items. A length
 * read back is checked against the bytes left, so a damaged file fails as an {@link IOException} rather than by
 * asking for more memory than the machine has. Read from a stream over bytes in memory (whose count of bytes
 * left is exact).
 */
public final class BinaryFields {
    private BinaryFields() {
    }

    /** A length written by {@code writeInt}, when no more items than bytes are left to read. */
    public static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a list of " + n + " items in " + in.available() + " bytes");
        }
        return n;
    }

    public static void writeStrings(List<String> values, DataOutputStream out) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    public static List<String> readStrings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    public static void writeDouble(Double value, DataOutputStream out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    public static Double readDouble(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    public static void writeInteger(Integer value, DataOutputStream out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    public static Integer readInteger(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    public static void writeText(String value, DataOutputStream out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    public static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    public static void writeDate(LocalDate day, DataOutputStream out) throws IOException {
        out.writeBoolean(day != null);
        if (day != null) {
            out.writeLong(day.toEpochDay());
        }
    }

    public static LocalDate readDate(DataInputStream in) throws IOException {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
    }

    public static void writeDates(List<LocalDate> days, DataOutputStream out) throws IOException {
        out.writeInt(days.size());
        for (LocalDate day : days) {
            writeDate(day, out);
        }
    }

    public static List<LocalDate> readDates(DataInputStream in) throws IOException {
        int n = count(in);
        List<LocalDate> days = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            days.add(readDate(in));
        }
        return days;
    }
}
