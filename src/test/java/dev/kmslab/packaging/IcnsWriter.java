package dev.kmslab.packaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a macOS {@code .icns} whose images are PNGs, for jpackage's {@code --icon} on macOS. Layout, big-endian:
 * <pre>
 *   'icns'  magic (4 bytes), then the file's whole length u32
 *   entries, each: OSType (4 ASCII bytes), the entry's length u32 counting these 8 header bytes, the PNG
 * </pre>
 * The OSTypes that hold a PNG, by pixel size: icp4 16, icp5 32, ic07 128, ic08 256, ic09 512, ic10 1024 (512 at 2x);
 * the 2x ("retina") ones: ic11 32 (16 at 2x), ic12 64 (32 at 2x), ic13 256 (128 at 2x), ic14 512 (256 at 2x). Each
 * PNG given is written under every type of its size. (64 pixels only as 32 at 2x: icp6, which some tables list for
 * 64, is left out.)
 */
final class IcnsWriter {

    static final int HEADER = 8;
    /** OSTypes by pixel size, in the order they are written. */
    static final Map<Integer, List<String>> TYPES = Map.of(16, List.of("icp4"), 32, List.of("icp5", "ic11"),
            64, List.of("ic12"), 128, List.of("ic07"), 256, List.of("ic08", "ic13"),
            512, List.of("ic09", "ic14"), 1024, List.of("ic10"));

    private IcnsWriter() {
    }

    static byte[] write(List<IconImage> images) {
        List<String> types = new ArrayList<>();
        List<byte[]> pngs = new ArrayList<>();
        for (IconImage image : images) {
            List<String> forSize = TYPES.get(image.size());
            if (forSize == null) {
                throw new PackagingException("an .icns holds PNGs of 16, 32, 64, 128, 256, 512 or 1024 pixels, not "
                        + image.size());
            }
            for (String type : forSize) {
                types.add(type);
                pngs.add(image.png());
            }
        }
        if (types.isEmpty()) {
            throw new PackagingException("an .icns needs at least one image");
        }
        int total = HEADER;
        for (byte[] png : pngs) {
            total += HEADER + png.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        out.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(total);
        for (int i = 0; i < types.size(); i++) {
            out.put(types.get(i).getBytes(StandardCharsets.US_ASCII)).putInt(HEADER + pngs.get(i).length)
                    .put(pngs.get(i));
        }
        return out.array();
    }
}
