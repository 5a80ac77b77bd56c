package dev.kmslab.study.quiz.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists question files. The built-in bank has no index file, so the classpath directory is listed through its URL:
 * a plain directory when run from {@code target/classes}, a jar when run from the packaged app.
 */
public final class BankSources {

    private BankSources() {
    }

    /** Every {@code *.json} directly under {@code dir} on the classpath, sorted by name. */
    public static List<BankFile> classpath(ClassLoader loader, String dir, String anchorResource) throws IOException {
        URL url = loader.getResource(dir + "/");
        if (url == null) {
            // Some jars carry no directory entries; any file of the same jar tells us where to look.
            URL anchor = loader.getResource(anchorResource);
            if (anchor == null || !"jar".equals(anchor.getProtocol())) {
                return List.of();
            }
            url = anchor;
        }
        if ("file".equals(url.getProtocol())) {
            return directory(toPath(url), dir + "/");
        }
        if ("jar".equals(url.getProtocol())) {
            return jar(url, dir + "/");
        }
        throw new IOException("cannot list " + dir + " from a " + url.getProtocol() + ": URL");
    }

    /** Every {@code *.json} directly in {@code dir}, sorted by name; a missing directory has none. */
    public static List<BankFile> directory(Path dir, String namePrefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        }
        List<BankFile> out = new ArrayList<>();
        for (Path p : files) {
            out.add(new BankFile(namePrefix + p.getFileName(), Files.readAllBytes(p)));
        }
        return out;
    }

    private static List<BankFile> jar(URL url, String prefix) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        // A cached JarFile is shared with the class loader; closing it would break later resource loads.
        connection.setUseCaches(false);
        List<BankFile> out = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            List<JarEntry> entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith(prefix) && name.endsWith(".json") && name.indexOf('/', prefix.length()) < 0) {
                    entries.add(entry);
                }
            }
            entries.sort(Comparator.comparing(JarEntry::getName));
            for (JarEntry entry : entries) {
                try (InputStream in = jar.getInputStream(entry)) {
                    out.add(new BankFile(entry.getName(), in.readAllBytes()));
                }
            }
        }
        return out;
    }

    private static Path toPath(URL url) throws IOException {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("bad resource URL " + url, e);
        }
    }
}
