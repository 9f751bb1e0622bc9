"""Validates a FollowTheMoney export with the followthemoney library itself.

    python3 check_ftm.py dossier.ftm.json

Each line must be an entity whose schema and properties the model knows, that the
schema's own validation accepts, whose every value survives the property type's
cleaning, and whose entity references point at entities of the file whose schema fits
the property's range. Prints `ok N entities` or the problems, exit 1.
"""
import json
import sys

from followthemoney import model


def main(path):
    problems = []
    entities = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    schema_of = {e["id"]: e["schema"] for e in entities}
    if len(schema_of) != len(entities):
        problems.append("duplicate ids")
    for e in entities:
        schema = model.get(e["schema"])
        if schema is None:
            problems.append(f"{e['id']}: unknown schema {e['schema']}")
            continue
        if schema.abstract:
            problems.append(f"{e['id']}: abstract schema {e['schema']}")
        error = schema.validate(e)
        if error:
            problems.append(f"{e['id']}: {error}")
        for name, values in e["properties"].items():
            prop = schema.get(name)
            if prop is None:
                problems.append(f"{e['id']}: {e['schema']} has no property {name}")
                continue
            for value in values:
                if prop.type.clean(value, proxy=None) is None:
                    problems.append(f"{e['id']}: {name} value {value!r} is not a {prop.type.name}")
                if prop.type.name == "entity":
                    target = schema_of.get(value)
                    if target is None:
                        problems.append(f"{e['id']}: {name} points at missing {value}")
                    elif not model.get(target).is_a(prop.range):
                        problems.append(f"{e['id']}: {name} points at a {target}, not a {prop.range.name}")
        model.get_proxy(e, cleaned=False)
    if problems:
        print("\n".join(problems[:50]))
        sys.exit(1)
    print(f"ok {len(entities)} entities")


if __name__ == "__main__":
    main(sys.argv[1])
