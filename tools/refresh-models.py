#!/usr/bin/env python3
"""Copy the AWS service models Kumo serves from the installed botocore into kumo-protocols.

Documentation strings and examples are stripped: Kumo needs the shapes, not the prose, and the
files stay small enough to load quickly. Run after upgrading botocore (the AWS CLI v1's library).
"""
import gzip
import json
import os
import sys

import botocore

SERVICES = {
    # Kumo's model name: botocore directory
    "ec2": "ec2",
    "sts": "sts",
    "iam": "iam",
    "elbv2": "elbv2",
    "rds": "rds",
    "route53": "route53",
    "s3": "s3",
    "cloudfront": "cloudfront",
    "acm": "acm",
    "cloudwatch": "cloudwatch",
    "sns": "sns",
    "logs": "logs",
}
DROP = {"documentation", "documentationUrl", "examples", "deprecatedMessage"}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROP}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def newest_version(directory):
    return sorted(d for d in os.listdir(directory) if os.path.isdir(os.path.join(directory, d)))[-1]


def load(path):
    if os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz", "rt", encoding="utf-8") as f:
            return json.load(f)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_lines(model, target):
    """One line per operation and per shape, so Kumo reads the file without parsing it whole
    and parses a shape only when a request first needs it (EC2's model has thousands)."""
    compact = dict(separators=(",", ":"), sort_keys=False)
    with open(target, "w", encoding="utf-8") as f:
        f.write("M\t\t" + json.dumps(model["metadata"], **compact) + "\n")
        for op_name, op in model["operations"].items():
            f.write("O\t" + op_name + "\t" + json.dumps(op, **compact) + "\n")
        for shape_name, shape in model["shapes"].items():
            f.write("S\t" + shape_name + "\t" + json.dumps(shape, **compact) + "\n")


def main():
    data = os.path.join(os.path.dirname(botocore.__file__), "data")
    out = os.path.join(os.path.dirname(__file__), "..", "kumo-protocols", "src", "main", "resources",
                       "io", "kumo", "protocols", "models")
    os.makedirs(out, exist_ok=True)
    for name, directory in SERVICES.items():
        base = os.path.join(data, directory)
        version = newest_version(base)
        model = strip(load(os.path.join(base, version, "service-2.json")))
        target = os.path.join(out, name + ".jsonl")
        write_lines(model, target)
        print(f"{name}: botocore {botocore.__version__} {directory}/{version} -> {os.path.getsize(target)} bytes")


if __name__ == "__main__":
    sys.exit(main())
