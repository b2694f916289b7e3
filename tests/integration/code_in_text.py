"""Checks that every Go program of a book comes back verbatim from a PDF's text.

Usage: code_in_text.py BOOK_DIR TEXT_FILE   (TEXT_FILE from `pdftotext -layout`)
Each line of each ```go block (tabs expanded to 4 columns) must appear in the
text, in book order, with the same indentation relative to the other lines of
the block on its page. Prints the first block that does not and exits 1.
"""
import pathlib
import re
import sys


def go_blocks(book):
    summary = (book / "SUMMARY.md").read_text(encoding="utf-8")
    for path in re.findall(r"\]\(([^)]+\.md)\)", summary):
        lesson = book / path
        text = lesson.read_text(encoding="utf-8")
        for match in re.finditer(r"^```go([^\n]*)\n(.*?)^```", text, re.S | re.M):
            if "fragment" in match.group(1).split() and "go1." in match.group(1):
                continue
            code = match.group(2).expandtabs(4).rstrip("\n")
            yield lesson.name, text[: match.start()].count("\n") + 1, code.split("\n")


def main():
    book, text_file = pathlib.Path(sys.argv[1]), sys.argv[2]
    raw = open(text_file, encoding="utf-8").read().split("\n")
    # pdftotext starts each page with a form feed; -layout sets each page's
    # columns on its own, so the left margin is only constant within a page.
    page_of, page = [], 0
    for line in raw:
        page += line.count("\f")
        page_of.append(page)
    text_lines = [line.replace("\f", "").rstrip() for line in raw]
    checked = 0
    position = 0  # blocks come in book order, and so does the text: search forward
    for name, line_number, lines in go_blocks(book):
        wanted = [line.rstrip() for line in lines if line.strip()]
        offset, offset_page = None, None  # the page's left margin, constant within a page
        for want in wanted:
            found = None
            for i in range(position, len(text_lines)):
                got = text_lines[i]
                if got.lstrip() == want.lstrip():
                    found = i
                    break
            if found is None:
                print(f"{name}:{line_number}: line not found in the PDF's text: {want!r}")
                return 1
            got = text_lines[found]
            shift = (len(got) - len(got.lstrip())) - (len(want) - len(want.lstrip()))
            if offset is None or page_of[found] != offset_page:
                offset, offset_page = shift, page_of[found]
            elif shift != offset:
                print(f"{name}:{line_number}: indentation differs in the PDF's text: {want!r}"
                      f" came back as {got!r}")
                return 1
            position = found + 1
        checked += 1
    print(f"code in text: {checked} Go blocks found verbatim")
    return 0


if __name__ == "__main__":
    sys.exit(main())
