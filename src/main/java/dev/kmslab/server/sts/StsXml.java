package dev.kmslab.server.sts;

import java.nio.charset.StandardCharsets;

/** The Query protocol's XML answers: {@code <XResponse xmlns=…><XResult>…</XResult><ResponseMetadata>…}. */
final class StsXml {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final StringBuilder xml = new StringBuilder(512);

    private StsXml() {
    }

    /** Starts {@code <{action}Response><{action}Result>}. */
    static StsXml result(String action) {
        StsXml out = new StsXml();
        out.xml.append("<").append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">\n  <")
                .append(action).append("Result>\n");
        return out;
    }

    StsXml open(String element) {
        xml.append("    <").append(element).append(">\n");
        return this;
    }

    StsXml close(String element) {
        xml.append("    </").append(element).append(">\n");
        return this;
    }

    StsXml element(String name, String value) {
        xml.append("      <").append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
        return this;
    }

    byte[] finish(String action, String requestId) {
        xml.append("  </").append(action).append("Result>\n  <ResponseMetadata>\n    <RequestId>")
                .append(escape(requestId)).append("</RequestId>\n  </ResponseMetadata>\n</").append(action)
                .append("Response>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] error(StsError error, String requestId) {
        String body = "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n  <Error>\n    <Type>"
                + (error.status() >= 500 ? "Receiver" : "Sender") + "</Type>\n    <Code>" + escape(error.code())
                + "</Code>\n    <Message>" + escape(error.getMessage()) + "</Message>\n  </Error>\n  <RequestId>"
                + escape(requestId) + "</RequestId>\n</ErrorResponse>\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
