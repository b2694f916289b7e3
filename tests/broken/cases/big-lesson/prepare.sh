# A 10 MB lesson built from the real book's prose and Go code, repeated: the
# paragraphs and fenced blocks of every lesson, with links made plain text and
# headings, images, footnotes, tables, lists and raw HTML left out (they would
# collide or point nowhere when repeated). BIG_LESSON_BYTES picks another size.
python3 - "$GOBOOK_SOURCE_DIR/book/lessons" "${BIG_LESSON_BYTES:-10485760}" <<'PY'
import pathlib, re, sys

lessons, size = pathlib.Path(sys.argv[1]), int(sys.argv[2])
blocks = []
for lesson in sorted(lessons.glob("*.md")):
    text = re.sub(r"\A\+\+\+\n.*?\n\+\+\+\n", "", lesson.read_text(), flags=re.S)
    # Fenced blocks whole, then the rest split at blank lines.
    for part in re.split(r"(^```.*?^```\n)", text, flags=re.S | re.M):
        if part.startswith("```"):
            blocks.append(part.rstrip("\n"))
            continue
        for block in part.split("\n\n"):
            block = block.strip("\n")
            if not block or block[0] in "#!<|>:-*+[0123456789" or "[^" in block:
                continue
            blocks.append(re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", block))
out, written = ["# Second\n"], 0
while written < size:
    for block in blocks:
        out.append(block + "\n")
        written += len(block) + 2
        if written >= size:
            break
pathlib.Path("lessons/02-second.md").write_text("\n".join(out))
PY
