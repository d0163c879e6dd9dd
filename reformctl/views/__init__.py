"""The views layer: render findings and reports as table, json, csv, github, markdown, xlsx, html."""
