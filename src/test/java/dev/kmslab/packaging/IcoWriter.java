package dev.kmslab.packaging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes a Windows {@code .ico} whose images are PNGs (Windows Vista and later read them), for jpackage's
 * {@code --icon} on Windows. Layout, little-endian:
 * <pre>
 *   ICONDIR       reserved u16 = 0, type u16 = 1 (icon), count u16
 *   ICONDIRENTRY  per image, 16 bytes: width u8, height u8 (0 means 256), colour count u8 = 0, reserved u8 = 0,
 *                 planes u16 = 1, bits per pixel u16 = 32, size of the PNG u32, offset of the PNG from the file's
 *                 start u32
 *   the PNGs, one after another, in the entries' order
 * </pre>
 */
final class IcoWriter {

    static final int HEADER = 6;
    static final int ENTRY = 16;

    private IcoWriter() {
    }

    static byte[] write(List<IconImage> images) {
        if (images.isEmpty()) {
            throw new PackagingException("an .ico needs at least one image");
        }
        int total = HEADER + ENTRY * images.size();
        for (IconImage image : images) {
            if (image.size() < 1 || image.size() > 256) {
                throw new PackagingException("an .ico image is 1 to 256 pixels wide, not " + image.size());
            }
            total += image.png().length;
        }
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = HEADER + ENTRY * images.size();
        for (IconImage image : images) {
            byte side = (byte) (image.size() == 256 ? 0 : image.size());
            int length = image.png().length;
            out.put(side).put(side).put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                    .putInt(length).putInt(offset);
            offset += length;
        }
        for (IconImage image : images) {
            out.put(image.png());
        }
        return out.array();
    }
}
