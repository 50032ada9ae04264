package org.coreg.io.transform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes ITK's HDF5 transform layout as a complete HDF5 file, for this one layout only: the root group holds
 * {@code TransformGroup}, which holds groups {@code 0}, {@code 1}, ..., each with {@code TransformType} (one
 * variable-length ASCII string, as ITK reads it) and, when not empty, {@code TransformFixedParameters} and
 * {@code TransformParameters} (contiguous little-endian doubles).
 *
 * <p>HDF5 structures used (HDF5 File Format Specification 3.0): superblock version 2; version 2 object headers
 * ("OHDR", one chunk, no times); new-style compact groups (Link Info with no fractal heap, Group Info, one Link
 * message per member); datasets with a version 2 simple dataspace, a datatype message (IEEE double, or a
 * variable-length string over 1-byte characters) and a version 3 contiguous layout; one global heap collection
 * ("GCOL") holding the strings. Metadata checksums are Jenkins' lookup3, as HDF5 computes them. Children are written
 * before their parents so that every address is known when it is written; the superblock is filled in last.
 */
final class Hdf5TransformEncoder {
    private static final long UNDEFINED = -1L;
    private static final int SUPERBLOCK = 48;
    private static final int MIN_HEAP = 4096;
    private static final int MSG_DATASPACE = 0x01;
    private static final int MSG_LINK_INFO = 0x02;
    private static final int MSG_DATATYPE = 0x03;
    private static final int MSG_LINK = 0x06;
    private static final int MSG_LAYOUT = 0x08;
    private static final int MSG_GROUP_INFO = 0x0A;

    private final Bytes out = new Bytes();

    private Hdf5TransformEncoder() {
    }

    /** The HDF5 file for {@code entries} (file order, composite headers included, which carry no parameters). */
    static byte[] encode(List<ItkTransformCodec.Entry> entries) {
        return new Hdf5TransformEncoder().file(entries);
    }

    private byte[] file(List<ItkTransformCodec.Entry> entries) {
        out.skip(SUPERBLOCK);
        long heap = out.position();
        int[] heapIndex = heap(entries.stream().map(ItkTransformCodec.Entry::type).toList());
        Map<String, Long> transforms = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            ItkTransformCodec.Entry e = entries.get(i);
            Map<String, Long> members = new LinkedHashMap<>();
            members.put("TransformType", stringDataset(heap, heapIndex[i], e.type().length()));
            if (e.fixed().length > 0) {
                members.put("TransformFixedParameters", doubleDataset(e.fixed()));
            }
            if (e.parameters().length > 0) {
                members.put("TransformParameters", doubleDataset(e.parameters()));
            }
            transforms.put(Integer.toString(i), group(members));
        }
        long root = group(Map.of("TransformGroup", group(transforms)));
        long end = out.position();
        ByteBuffer sb = ByteBuffer.allocate(SUPERBLOCK).order(ByteOrder.LITTLE_ENDIAN);
        sb.put(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'});
        sb.put((byte) 2).put((byte) 8).put((byte) 8).put((byte) 0);
        sb.putLong(0).putLong(UNDEFINED).putLong(end).putLong(root);
        sb.putInt(lookup3(sb.array(), 0, SUPERBLOCK - 4));
        byte[] bytes = out.toArray();
        System.arraycopy(sb.array(), 0, bytes, 0, SUPERBLOCK);
        return bytes;
    }

    /** One global heap collection holding every string; returns each string's object index. */
    private int[] heap(List<String> strings) {
        long start = out.position();
        int used = 16;
        for (String s : strings) {
            used += 16 + pad8(s.length());
        }
        int size = Math.max(MIN_HEAP, used + 16);
        out.bytes("GCOL".getBytes(StandardCharsets.US_ASCII)).u8(1).u8(0).u8(0).u8(0).u64(size);
        int[] index = new int[strings.size()];
        for (int i = 0; i < strings.size(); i++) {
            byte[] s = strings.get(i).getBytes(StandardCharsets.US_ASCII);
            index[i] = i + 1;
            out.u16(index[i]).u16(1).u32(0).u64(s.length).bytes(s).skip(pad8(s.length) - s.length);
        }
        // The free space: object 0, its size counting its own 16-byte header.
        long free = size - (out.position() - start);
        out.u16(0).u16(0).u32(0).u64(free);
        out.skip((int) (start + size - out.position()));
        return index;
    }

    /** A one-element variable-length string dataset whose characters are global heap object {@code index}. */
    private long stringDataset(long heap, int index, int length) {
        long data = out.position();
        out.u32(length).u64(heap).u32(index);
        ByteBuffer type = message(20);
        // Class 9 (variable-length), version 1; type string, null-terminated padding, ASCII; 16 bytes an element.
        type.put((byte) 0x19).put((byte) 0x01).put((byte) 0).put((byte) 0).putInt(16);
        // Base type: class 0 (fixed-point), version 1, little-endian unsigned, 1 byte; bit offset 0, precision 8.
        type.put((byte) 0x10).put((byte) 0).put((byte) 0).put((byte) 0).putInt(1).putShort((short) 0)
                .putShort((short) 8);
        return dataset(1, type, data, 16);
    }

    private long doubleDataset(double[] values) {
        long data = out.position();
        for (double v : values) {
            out.u64(Double.doubleToRawLongBits(v));
        }
        ByteBuffer type = message(20);
        // Class 1 (floating point), version 1; little-endian, implied mantissa bit, sign at bit 63; 8 bytes.
        type.put((byte) 0x11).put((byte) 0x20).put((byte) 63).put((byte) 0).putInt(8);
        // Bit offset 0, precision 64, exponent at bit 52 of 11 bits, mantissa at bit 0 of 52 bits, bias 1023.
        type.putShort((short) 0).putShort((short) 64).put((byte) 52).put((byte) 11).put((byte) 0).put((byte) 52)
                .putInt(1023);
        return dataset(values.length, type, data, 8L * values.length);
    }

    private long dataset(long count, ByteBuffer type, long data, long bytes) {
        ByteBuffer space = message(12);
        space.put((byte) 2).put((byte) 1).put((byte) 0).put((byte) 1).putLong(count);
        ByteBuffer layout = message(18);
        layout.put((byte) 3).put((byte) 1).putLong(data).putLong(bytes);
        return objectHeader(List.of(new Message(MSG_DATASPACE, space), new Message(MSG_DATATYPE, type),
                new Message(MSG_LAYOUT, layout)));
    }

    /** A new-style group storing its links in its object header (compact storage). */
    private long group(Map<String, Long> members) {
        List<Message> messages = new ArrayList<>();
        ByteBuffer info = message(18);
        info.put((byte) 0).put((byte) 0).putLong(UNDEFINED).putLong(UNDEFINED);
        messages.add(new Message(MSG_LINK_INFO, info));
        ByteBuffer groupInfo = message(2);
        groupInfo.put((byte) 0).put((byte) 0);
        messages.add(new Message(MSG_GROUP_INFO, groupInfo));
        for (Map.Entry<String, Long> m : members.entrySet()) {
            byte[] name = m.getKey().getBytes(StandardCharsets.US_ASCII);
            // Version 1, flags 0: a hard link, a 1-byte name length, ASCII.
            ByteBuffer link = message(3 + name.length + 8);
            link.put((byte) 1).put((byte) 0).put((byte) name.length).put(name).putLong(m.getValue());
            messages.add(new Message(MSG_LINK, link));
        }
        return objectHeader(messages);
    }

    private record Message(int type, ByteBuffer data) {
    }

    private static ByteBuffer message(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A version 2 object header with one chunk (its size in 4 bytes) and no times; returns its address. */
    private long objectHeader(List<Message> messages) {
        int chunk = 0;
        for (Message m : messages) {
            chunk += 4 + m.data().capacity();
        }
        Bytes h = new Bytes();
        h.bytes("OHDR".getBytes(StandardCharsets.US_ASCII)).u8(2).u8(0x02).u32(chunk);
        for (Message m : messages) {
            h.u8(m.type()).u16(m.data().capacity()).u8(0).bytes(m.data().array());
        }
        byte[] header = h.toArray();
        long address = out.position();
        out.bytes(header).u32(lookup3(header, 0, header.length));
        return address;
    }

    private static int pad8(int n) {
        return (n + 7) & ~7;
    }

    /** Bob Jenkins' lookup3 {@code hashlittle} with seed 0, byte by byte: HDF5's metadata checksum. */
    static int lookup3(byte[] k, int offset, int length) {
        int a = 0xdeadbeef + length;
        int b = a;
        int c = a;
        int i = offset;
        int left = length;
        while (left > 12) {
            a += word(k, i);
            b += word(k, i + 4);
            c += word(k, i + 8);
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            left -= 12;
            i += 12;
        }
        if (left == 0) {
            return c;
        }
        byte[] tail = Arrays.copyOfRange(k, i, i + 12);
        Arrays.fill(tail, left, 12, (byte) 0);
        a += word(tail, 0);
        b += word(tail, 4);
        c += word(tail, 8);
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return c;
    }

    private static int word(byte[] k, int i) {
        return (k[i] & 0xff) | (k[i + 1] & 0xff) << 8 | (k[i + 2] & 0xff) << 16 | (k[i + 3] & 0xff) << 24;
    }

    /** A growable little-endian byte buffer. */
    private static final class Bytes {
        private byte[] buf = new byte[1 << 12];
        private int size;

        long position() {
            return size;
        }

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        Bytes u8(int v) {
            ensure(1);
            buf[size++] = (byte) v;
            return this;
        }

        Bytes u16(int v) {
            return u8(v).u8(v >>> 8);
        }

        Bytes u32(int v) {
            return u16(v).u16(v >>> 16);
        }

        Bytes u64(long v) {
            return u32((int) v).u32((int) (v >>> 32));
        }

        Bytes bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
            return this;
        }

        Bytes skip(int n) {
            ensure(n);
            size += n;
            return this;
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
