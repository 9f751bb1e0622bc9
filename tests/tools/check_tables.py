"""Reads the exports of a dossier with the tools analysts use and compares them with
its `dossier.json`.

    python3 check_tables.py EXPORTS_DIR DOSSIER_JSON

- every CSV table parses (Python's csv module, RFC 4180) with one row per item;
- `graph.graphml` loads with `networkx.read_graphml`, one node per actor and one edge
  per relation;
- `dossier.json` validates against `dossier.schema.json` (jsonschema);
- `timeline.json` has one slide per event.
Prints `ok` or the problems, exit 1.
"""
import csv
import json
import os
import sys

import jsonschema
import networkx


def rows(folder, name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, strict=True))


def main(folder, model_path):
    model = json.load(open(model_path, encoding="utf-8"))
    relations = sum(len(a["relations"]) for a in model["actors"])
    problems = []
    expected = {
        "events.csv": len(model["events"]),
        "actors.csv": len(model["actors"]),
        "relations.csv": relations,
        "sources.csv": len(model["sources"]),
        "citations.csv": len(model["citations"]),
        "mentions.csv": len(model["mentions"]),
    }
    for name, count in expected.items():
        got = len(rows(folder, name))
        if got != count:
            problems.append(f"{name}: {got} rows, {count} items")
    ids = {e["id"] for e in rows(folder, "events.csv")}
    if ids != {e["id"] for e in model["events"]}:
        problems.append("events.csv: ids differ from dossier.json")
    graph = networkx.read_graphml(os.path.join(folder, "graph.graphml"))
    if graph.number_of_nodes() != len(model["actors"]):
        problems.append(f"graphml: {graph.number_of_nodes()} nodes, {len(model['actors'])} actors")
    if graph.number_of_edges() != relations:
        problems.append(f"graphml: {graph.number_of_edges()} edges, {relations} relations")
    schema = json.load(open(os.path.join(folder, "dossier.schema.json"), encoding="utf-8"))
    try:
        jsonschema.validate(model, schema, cls=jsonschema.Draft202012Validator)
    except jsonschema.ValidationError as error:
        problems.append(f"dossier.json against its schema: {error.message} at {list(error.path)}")
    timeline = json.load(open(os.path.join(folder, "timeline.json"), encoding="utf-8"))
    if len(timeline["events"]) != len(model["events"]):
        problems.append("timeline.json: not one slide per event")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
