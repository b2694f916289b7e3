# A GFM table of 200 columns. The EPUB keeps it (a reader scrolls it, and the
# XHTML is valid); for print see tests/broken/pending/pdf-wide-table.
row() { printf '|'; for i in $(seq 0 199); do printf ' %s%d |' "$1" "$i"; done; printf '\n'; }
{
  printf '# Second\n\nA wide table.\n\n'
  row head
  printf '|'; for _ in $(seq 200); do printf -- '---|'; done; printf '\n'
  for r in 1 2 3; do row "value$r-"; done
} > lessons/02-second.md
