#!/usr/bin/env python3
"""Loads the embedded sample's CSV files into a SQLite database file, one table a file (stage-changes.csv becomes the
table stage_changes), every column TEXT as the CSV holds it: the input of tools/publish-aot.sh's SQLite comparison.
Usage: python3 tools/make-sqlite-sample.py <sample CSV directory> <database file>"""
import csv
import pathlib
import sqlite3
import sys

source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
target.unlink(missing_ok=True)
with sqlite3.connect(target) as db:
    for path in sorted(source.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        table, header = path.stem.replace("-", "_"), rows[0]
        db.execute(f'CREATE TABLE {table} ({", ".join(f""""{c}" TEXT""" for c in header)})')
        # An empty CSV field is a missing value: NULL in the table.
        db.executemany(f'INSERT INTO {table} VALUES ({", ".join("?" * len(header))})',
                       [[v if v != "" else None for v in r] for r in rows[1:]])
print(f"sqlite sample: {target}")
