#!/usr/bin/env python3
"""Rebuild fuzz/seeds/<target>/ from the repository's test data (run from anywhere).

Seeds stay small and few (commit-friendly): the session files as they are, up to 40
distinct situations from tests/scenarios/*.json (the richest first), share fragments of
20 of them, and a handful of raw byte patterns for the structured `evaluate` target.
libFuzzer grows its own corpus in fuzz/corpus/<target>/ (git-ignored).
"""
import base64, glob, hashlib, json, os, shutil

FUZZ = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(FUZZ)
SEEDS = os.path.join(FUZZ, "seeds")


def write(target, name, data):
    d = os.path.join(SEEDS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    shutil.rmtree(SEEDS, ignore_errors=True)
    for pattern in ("sessions/*.json", "tests/sessions/*.json", "tests/scenarios/sessions/*.json"):
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            write("session", os.path.basename(path), open(path, "rb").read())

    situations = set()
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/scenarios/*.json"))):
        for case in json.load(open(path, encoding="utf-8"))["cases"]:
            situations.add(json.dumps(case["situation"], separators=(",", ":"), ensure_ascii=False))
    # Richest first (most fields, then longest), ties by text: deterministic.
    ranked = sorted(situations, key=lambda s: (-len(json.loads(s)), -len(s), s))[:40]
    for i, s in enumerate(ranked):
        write("situation", f"scenario-{i:02}.json", s.encode("utf-8"))
    for i, s in enumerate(ranked[:20]):
        b64 = base64.urlsafe_b64encode(s.encode("utf-8")).decode().rstrip("=")
        prefix = "#" if i % 2 == 0 else "#lang=fr&"
        write("share_fragment", f"fragment-{i:02}.txt", f"{prefix}s={b64}".encode())

    for name, data in {
        "zeros": bytes(64),
        "ones": b"\xff" * 64,
        "ramp": bytes(range(128)),
        "hash": hashlib.sha512(b"candidat").digest() * 2,
    }.items():
        write("evaluate", name, data)


if __name__ == "__main__":
    main()
