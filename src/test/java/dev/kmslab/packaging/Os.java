package dev.kmslab.packaging;

import java.util.Locale;

/** The platforms {@code mvn -Ppackage package} builds an installer on, told apart by {@code os.name}. */
enum Os {
    LINUX, MAC, WINDOWS;

    /** The platform an {@code os.name} value names ("Linux", "Mac OS X", "Windows 11"). */
    static Os of(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return LINUX;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MAC;
        }
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        throw new PackagingException("no installer for os.name \"" + osName
                + "\": mvn -Ppackage package builds on Linux (.deb, .rpm), macOS (.dmg) and Windows (.msi)");
    }

    static Os current() {
        return of(System.getProperty("os.name"));
    }

    /** A JDK tool's file name here: {@code jpackage.exe} on Windows, {@code jpackage} elsewhere. */
    String executable(String tool) {
        return this == WINDOWS ? tool + ".exe" : tool;
    }
}
