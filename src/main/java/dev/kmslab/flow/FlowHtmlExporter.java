package dev.kmslab.flow;

import dev.kmslab.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a recorded flow as one self-contained HTML page (inline CSS, no scripts, no external files): each step with
 * its message, parameters, narration, exam tip, state changes, failure and the hex of every payload, secrets marked.
 * For handouts and slides; it holds the very bytes the player showed, so only export flows with teaching data.
 */
public final class FlowHtmlExporter {

    private static final int HEX_LIMIT = 512;
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60em;margin:2em auto;
            padding:0 1em;color:#1f2328;line-height:1.5}
            h1{margin-bottom:.2em}.summary{color:#59636e;font-size:1.1em}
            .actors span{display:inline-block;border:1px solid #d1d9e0;border-radius:.4em;padding:.1em .6em;
            margin:.1em;background:#f6f8fa}
            .step{border:1px solid #d1d9e0;border-radius:.6em;padding:1em 1.2em;margin:1em 0}
            .step.failed{border-color:#cf222e;background:#ffebe9}
            .head{font-weight:bold;font-size:1.1em}.num{color:#0969da;margin-right:.4em}
            .route{color:#59636e;font-weight:normal;margin-left:.5em}
            table{border-collapse:collapse;margin:.5em 0}td{border-bottom:1px solid #eaeef2;padding:.2em .8em .2em 0;
            vertical-align:top}td:first-child{color:#59636e;white-space:nowrap}
            .tip{background:#fff8c5;border-radius:.4em;padding:.5em .8em;margin:.5em 0}
            .state{color:#1a7f37}.error{color:#cf222e;font-weight:bold}
            .payload{margin:.6em 0}.pname{font-weight:bold}.secret .pname::after{content:' (secret)';color:#cf222e}
            code{display:block;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;word-break:break-all;
            background:#f6f8fa;border:1px solid #eaeef2;border-radius:.3em;padding:.4em .6em}
            .secret code{background:#ffebe9;border-color:#ffcecb}
            ul.tips li{margin:.3em 0}
            .simulation{background:#f3f0ff;border:1px dashed #8250df;border-radius:.4em;padding:.5em .7em;margin:.6em 0}
            .simulation .badge{background:#8250df;color:#fff;border-radius:.3em;padding:0 .4em;font-size:.85em}
            """;

    private FlowHtmlExporter() {
    }

    public static String render(Flow flow) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(flow.title())).append(" — KMS Lab</title><style>").append(CSS)
                .append("</style></head><body>\n<h1>").append(esc(flow.title())).append("</h1>\n<p class=\"summary\">")
                .append(esc(flow.summary())).append("</p>\n<p class=\"actors\">");
        flow.actors().forEach(a -> h.append("<span>").append(esc(a.name())).append("</span> "));
        h.append("</p>\n");
        for (int i = 0; i < flow.steps().size(); i++) {
            step(h, flow, i);
        }
        h.append("<h2>Exam tips</h2>\n<ul class=\"tips\">");
        flow.examTips().forEach(t -> h.append("<li>").append(esc(t)).append("</li>"));
        h.append("</ul>\n<p class=\"summary\">Recorded from real calls on the KMS Lab key engine.</p>\n")
                .append("</body></html>\n");
        return h.toString();
    }

    private static void step(StringBuilder h, Flow flow, int i) {
        Step s = flow.steps().get(i);
        h.append("<section class=\"step").append(s.failed() ? " failed" : "").append("\" id=\"step-").append(i + 1)
                .append("\">\n<div class=\"head\"><span class=\"num\">").append(i + 1).append(".</span>")
                .append(esc(s.action())).append("<span class=\"route\">").append(esc(name(flow, s.from())))
                .append(" → ").append(esc(name(flow, s.to()))).append("</span></div>\n");
        if (!s.parameters().isEmpty()) {
            h.append("<table>");
            for (Map.Entry<String, String> p : s.parameters().entrySet()) {
                h.append("<tr><td>").append(esc(p.getKey())).append("</td><td>").append(esc(p.getValue()))
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }
        if (!s.conditionContext().isEmpty()) {
            h.append("<p class=\"route\">Condition context KMS evaluates (not a request parameter)</p><table>");
            for (Map.Entry<String, String> c : s.conditionContext().entrySet()) {
                h.append("<tr><td>").append(esc(c.getKey())).append("</td><td>").append(esc(c.getValue()))
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }
        s.failure().ifPresent(f -> h.append("<p class=\"error\">").append(esc(f.errorCode())).append(": ")
                .append(esc(f.message())).append("</p>\n"));
        h.append("<p>").append(esc(s.narration())).append("</p>\n");
        if (s.simulated()) {
            h.append("<div class=\"simulation\"><span class=\"badge\">KMS Lab simulation</span> ")
                    .append(esc(s.simulation()).replace("\n", "<br>")).append("</div>\n");
        }
        if (!s.examTip().isBlank()) {
            h.append("<div class=\"tip\">Exam tip: ").append(esc(s.examTip())).append("</div>\n");
        }
        s.stateChanges().forEach(c -> h.append("<p class=\"state\">✓ ").append(esc(c)).append("</p>\n"));
        for (Payload p : s.payloads()) {
            h.append("<div class=\"payload").append(p.secret() ? " secret" : "").append("\"><span class=\"pname\">")
                    .append(esc(p.name())).append("</span> · ").append(esc(p.kind().label())).append(" · ")
                    .append(p.size()).append(" bytes<code>").append(hex(p)).append("</code></div>\n");
        }
        h.append("</section>\n");
    }

    /** Writes the page to {@code dir/<flow id>.html} atomically and returns its path. */
    public static Path write(Flow flow, Path dir) throws IOException {
        Path file = dir.resolve(flow.id() + ".html");
        AtomicFile.write(file, render(flow).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static String hex(Payload p) {
        String hex = p.hex();
        return hex.length() > HEX_LIMIT * 2 ? hex.substring(0, HEX_LIMIT * 2) + "…" : hex;
    }

    private static String name(Flow flow, String actorId) {
        return flow.actor(actorId).map(Actor::name).orElse(actorId);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
