package dev.kmslab.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The app's icon for macOS and Windows, made at build time from the committed PNGs {@code assets/icons/kmslab-N.png}. */
final class AppIcons {

    static final String FOLDER = "assets/icons";
    private static final Pattern NAME = Pattern.compile("kmslab-(\\d+)\\.png");

    private AppIcons() {
    }

    /** Every {@code kmslab-N.png} in {@code folder}, smallest first; each PNG's own size must be N. */
    static List<IconImage> read(Path folder) {
        List<IconImage> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    IconImage image = IconImage.of(file.toString(), Files.readAllBytes(file));
                    if (image.size() != Integer.parseInt(name.group(1))) {
                        throw new PackagingException(file + ": named for " + name.group(1) + " pixels but "
                                + image.size() + " wide");
                    }
                    images.add(image);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the icons in " + folder, e);
        }
        if (images.isEmpty()) {
            throw new PackagingException("no kmslab-N.png icons in " + folder);
        }
        images.sort(Comparator.comparingInt(IconImage::size));
        return images;
    }

    /** Writes {@code target} ({@code .icns} or {@code .ico}, by its name) from the icons in {@code folder}. */
    static void write(Path folder, Path target) {
        List<IconImage> images = read(folder);
        byte[] bytes = target.getFileName().toString().endsWith(".icns") ? IcnsWriter.write(images)
                : IcoWriter.write(images);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the icon " + target, e);
        }
    }
}
