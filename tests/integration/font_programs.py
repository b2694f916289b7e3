#!/usr/bin/env python3
"""Every font program embedded in a PDF is a subset: it holds few glyphs
beyond the ones drawn, so none of its decoded FontFile2 streams is larger than
the limit given (bytes). Prints each font's name and size.

usage: font_programs.py FILE.pdf MAX_BYTES
"""
import base64
import json
import subprocess
import sys


def main():
    path, limit = sys.argv[1], int(sys.argv[2])
    out = subprocess.run(
        ["qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path],
        check=True, capture_output=True).stdout
    objects = json.loads(out)["qpdf"][1]
    descriptors = {}
    for value in objects.values():
        font = value.get("value")
        if isinstance(font, dict) and "/FontFile2" in font:
            descriptors[font["/FontFile2"]] = font.get("/FontName", "?")
    if not descriptors:
        print(f"{path}: no embedded TrueType font")
        return 1
    bad = 0
    for ref, name in sorted(descriptors.items(), key=lambda item: item[1]):
        stream = objects["obj:" + ref]["stream"]
        size = len(base64.b64decode(stream.get("data", "")))
        print(f"{name}: {size} bytes")
        if size == 0 or size > limit:
            print(f"  {'empty' if size == 0 else 'larger than ' + str(limit)}")
            bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
