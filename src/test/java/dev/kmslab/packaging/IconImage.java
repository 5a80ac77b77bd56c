package dev.kmslab.packaging;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One square PNG for an icon file, its side read from the PNG's own header (IHDR: width and height, big-endian, at
 * bytes 16 and 20 after the 8-byte signature), so a file named for one size but drawn at another is refused.
 */
record IconImage(int size, byte[] png) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    IconImage {
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    /** The PNG {@code png}, named {@code name} in errors. */
    static IconImage of(String name, byte[] png) {
        if (png.length < 24 || !Arrays.equals(Arrays.copyOf(png, 8), SIGNATURE)
                || !"IHDR".equals(new String(png, 12, 4, java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new PackagingException(name + ": not a PNG file");
        }
        ByteBuffer header = ByteBuffer.wrap(png);
        int width = header.getInt(16);
        int height = header.getInt(20);
        if (width != height) {
            throw new PackagingException(name + ": an icon must be square, this PNG is " + width + "x" + height);
        }
        return new IconImage(width, png);
    }
}
