package io.sessiongrid.node.demo.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Writes what a demo run leaves behind: {@code summary.json} and the self-contained {@code report.html}. */
public final class DemoReport {
    public static final String SUMMARY_FILE = "summary.json";
    public static final String REPORT_FILE = "report.html";

    private DemoReport() {
    }

    /**
     * Writes {@code dir/summary.json} and {@code dir/report.html} (creating {@code dir}) and returns the report's
     * path. The charts are drawn headless before anything is written; each file is replaced whole or not at all.
     *
     * @throws DemoReportException if a file cannot be written
     */
    public static Path write(DemoRun run, Path dir) {
        Objects.requireNonNull(run, "run");
        Optional<byte[]> demand = DemoCharts.demand(run);
        Optional<byte[]> servers = DemoCharts.servers(run);
        Optional<byte[]> sni = DemoCharts.sni(run);
        String html = ReportPage.html(run, demand, servers, sni);
        Path report = dir.resolve(REPORT_FILE);
        run.summary().write(dir.resolve(SUMMARY_FILE));
        try {
            ReportFiles.replace(report, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DemoReportException("cannot write the demo report to " + dir + ": " + e.getMessage(), e);
        }
        return report;
    }
}
