"""HTML reports with inline SVG charts: offline, one file, no scripts."""
